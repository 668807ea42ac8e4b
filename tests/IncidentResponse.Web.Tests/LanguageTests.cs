using System.Net;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// Choosing the language (issue 23, ADR 0030): the browser's Accept-Language first, a language link on every page
/// that remembers the choice in a cookie and, signed in, on the account, which brings it back at the next sign-in.
/// </summary>
public abstract class LanguageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Theory]
    [InlineData("es", "es", "Salida rápida", "No estás sola ni solo")]
    [InlineData("fr-CA, fr;q=0.9", "fr", "Sortie rapide", "Vous n’êtes pas seul·e")]
    [InlineData("de-DE, de", "en", "Quick exit", "You are not alone")]
    [InlineData("es-MX, es;q=0.9, en;q=0.5", "es", "Salida rápida", "No estás sola ni solo")]
    public async Task The_browsers_language_is_spoken_first_and_English_when_none_of_ours_is_asked_for(
        string acceptLanguage, string lang, string quickExit, string heading)
    {
        using var client = app.CreateAppClient();
        client.Http.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);

        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.StartsWith(lang, home.Document.DocumentElement.GetAttribute("lang"), StringComparison.Ordinal);
        Assert.Equal(quickExit, home.Document.QuerySelector("#quick-exit")!.TextContent);
        Assert.Contains(heading, home.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_language_link_is_on_every_page_names_each_language_in_itself_and_marks_the_one_shown()
    {
        using var client = app.CreateAppClient();
        client.Http.DefaultRequestHeaders.Add("Accept-Language", "fr");
        foreach (var url in new[] { "/", "/account/sign-in", "/error/404" })
        {
            var page = await client.GetAsync(url);
            var nav = page.Document.QuerySelector("footer nav.languages")!;
            Assert.Equal("Langue", nav.GetAttribute("aria-label"));
            Assert.Equal("Français", nav.QuerySelector("[aria-current]")!.TextContent);
            var links = nav.QuerySelectorAll("a").ToDictionary(a => a.TextContent, a => a.GetAttribute("href"));
            Assert.Equal(["English", "Español"], links.Keys);
            Assert.Equal("/language/es?return=" + Uri.EscapeDataString(url), links["Español"]);
        }
    }

    [Fact]
    public async Task The_choice_outweighs_the_browser_and_returns_only_to_a_page_of_this_site()
    {
        using var client = app.CreateAppClient();
        client.Http.DefaultRequestHeaders.Add("Accept-Language", "es");

        var chosen = await client.GetAsync("/language/fr?return=%2Faccount%2Fsign-in");
        Assert.Equal(HttpStatusCode.Redirect, chosen.Status);
        Assert.Equal("/account/sign-in", chosen.Location!.OriginalString);
        Assert.Equal("Sortie rapide", (await client.GetAsync("/")).Document.QuerySelector("#quick-exit")!.TextContent);

        foreach (var elsewhere in new[] { "https://example.org/", "//example.org/", "/\\example.org", "" })
        {
            var back = await client.GetAsync("/language/en?return=" + Uri.EscapeDataString(elsewhere));
            Assert.Equal("/", back.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/language/de?return=%2F")).Status);
        Assert.Equal("Quick exit", (await client.GetAsync("/")).Document.QuerySelector("#quick-exit")!.TextContent);
    }

    [Fact]
    public async Task The_account_remembers_the_language_chosen_and_the_next_sign_in_anywhere_brings_it_back()
    {
        string username;
        using (var first = app.CreateAppClient())
        {
            await first.GetAsync("/language/es?return=%2F");
            username = await first.SignUpAsync();
        }

        await using (var db = app.CreateDbContext())
        {
            Assert.Equal("es", (await db.Users.SingleAsync(u => u.UserName == username)).Language);
        }

        // Another device whose browser asks for English: the account's Spanish comes back at sign-in.
        using var second = app.CreateAppClient();
        second.Http.DefaultRequestHeaders.Add("Accept-Language", "en");
        Assert.Equal("Quick exit", (await second.GetAsync("/account/sign-in")).Document.QuerySelector("#quick-exit")!.TextContent);
        await second.SignInAsync(username);
        Assert.Equal("Salida rápida", (await second.GetAsync("/cases")).Document.QuerySelector("#quick-exit")!.TextContent);

        // Chosen again while signed in: the account learns it.
        await second.GetAsync("/language/fr?return=%2Fcases");
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal("fr", (await db.Users.SingleAsync(u => u.UserName == username)).Language);
        }

        using var third = app.CreateAppClient();
        await third.SignInAsync(username);
        Assert.Equal("Sortie rapide", (await third.GetAsync("/cases")).Document.QuerySelector("#quick-exit")!.TextContent);
    }

    [Fact]
    public async Task A_browsers_own_language_is_not_a_choice_and_is_not_remembered_on_the_account()
    {
        using var client = app.CreateAppClient();
        client.Http.DefaultRequestHeaders.Add("Accept-Language", "fr");
        var username = await client.SignUpAsync();

        await using var db = app.CreateDbContext();
        Assert.Null((await db.Users.SingleAsync(u => u.UserName == username)).Language);
        Assert.Equal("Sortie rapide", (await client.GetAsync("/cases")).Document.QuerySelector("#quick-exit")!.TextContent);
    }

    [Theory]
    [InlineData("es", "No encontramos esa página", "Ir al inicio")]
    [InlineData("fr", "Nous ne trouvons pas cette page", "Retour à l’accueil")]
    public async Task The_error_page_speaks_the_language_too(string language, string heading, string start)
    {
        var (client, _, _) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        client.Http.DefaultRequestHeaders.Add("Accept-Language", language);

        // Another person's case, or none: the same 404, in the person's language.
        var missing = await client.GetAsync("/cases/" + Guid.NewGuid());

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(heading, missing.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains(start, missing.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pseudo_language_accents_every_resource_and_keeps_its_markup()
    {
        using var client = app.CreateAppClient();
        client.Http.DefaultRequestHeaders.Add("Accept-Language", "qps-Ploc");

        var home = await client.GetAsync("/");

        Assert.Equal("[Ǫûîçķ éẋîţ]", home.Document.QuerySelector("#quick-exit")!.TextContent);
        Assert.Equal("Ǫûîçķ éẋîţ", home.Document.QuerySelector("footer p strong")!.TextContent);
    }
}

public sealed class LanguageTestsOnSqlite(SqliteApp app) : LanguageTests<SqliteApp>(app);

public sealed class LanguageTestsOnPostgres(PostgresApp app) : LanguageTests<PostgresApp>(app);
