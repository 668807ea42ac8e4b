using System.Globalization;
using System.Net;
using IncidentResponse.Domain.Binders;
using IncidentResponse.Web.Pages.Cases.Binder;
using IncidentResponse.Web.Tests.Infrastructure;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The places-found pages and the binder pages speak Spanish and French (issue 23): their words come from
/// <c>SightingsText</c> and <c>BinderText</c>. The binder itself stays English whatever the page's language.
/// </summary>
public abstract class SightingsBinderLanguageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Theory]
    [InlineData("es", "Lugares donde se encontró", "Encontrado", "Se añadió 1 lugar.")]
    [InlineData("fr", "Lieux où le contenu a été trouvé", "Trouvé", "1 lieu a été ajouté.")]
    public async Task The_places_found_speak_the_language_asked_for(string language, string heading, string found, string added)
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.GetAsync($"/language/{language}");

        var result = await client.AddSightingsAsync(caseId, "https://example.org/one");
        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        var list = await client.GetAsync(result.Location!.OriginalString);

        Assert.Equal(heading, list.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(added, list.Document.QuerySelector("p.callout[role='status']")!.TextContent.Trim());
        Assert.Equal(found, list.Document.QuerySelector("ul.sightings .status")!.TextContent.Trim());
        var place = await client.GetAsync(list.Document.QuerySelector("ul.sightings a")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, place.Status);
        Assert.Equal(found, place.Document.QuerySelector("h1 .status")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_place_without_its_day_is_explained_in_Spanish_and_what_was_typed_is_kept()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.GetAsync("/language/es");

        var result = await client.SubmitAsync($"/cases/{caseId}/sightings/add", new Dictionary<string, string>
        {
            ["Input.Urls"] = "https://example.org/kept",
            ["Input.FirstSeenOn"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("Indica el día en que lo viste allí por primera vez. Basta con una fecha aproximada.", result.FieldError("Input.FirstSeenOn"));
        Assert.Equal("https://example.org/kept", result.Document.QuerySelector("textarea[name='Input.Urls']")!.TextContent.Trim());
        Assert.Equal("Añadir lugares donde se encontró", result.Document.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("es", "Dosier de pruebas", "Para la policía", "Resumen del caso")]
    [InlineData("fr", "Dossier de preuves", "Pour la police", "Résumé du dossier")]
    public async Task The_binder_page_speaks_the_language_asked_for_and_the_binder_stays_English(string language, string heading, string police, string summary)
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        await client.GetAsync($"/language/{language}");

        var page = await client.GetAsync($"/cases/{caseId}/binder");
        Assert.Equal(heading, page.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(police, page.Document.QuerySelector("input[name='Input.Preset'][value='Police']")!.ParentElement!.TextContent.Trim());
        Assert.Equal(summary, page.Document.QuerySelector("input[name='Input.Sections'][value='Summary']")!.ParentElement!.TextContent.Trim());

        var binder = await BinderForm.ViewAsync(client, caseId, ["Cover", "Summary"]);
        Assert.Equal(HttpStatusCode.OK, binder.Status);
        Assert.Contains("Case summary", binder.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(summary, binder.Html, StringComparison.Ordinal);
    }
}

public sealed class SightingsBinderLanguageTestsOnSqlite(SqliteApp app) : SightingsBinderLanguageTests<SqliteApp>(app);

/// <summary>The binder job's progress in the page's language, as its page and its script's status read it.</summary>
public sealed class BinderJobWordsTests
{
    [Theory]
    [InlineData("en", "Adding your evidence: exhibit 2 of 5.", "42 minutes")]
    [InlineData("es", "Añadiendo tus pruebas: prueba 2 de 5.", "42 minutos")]
    [InlineData("fr", "Ajout de vos preuves\u00a0: pièce 2 sur 5.", "42 minutes")]
    public void A_job_says_how_far_it_has_got_in_the_language_asked_for(string language, string progress, string kept)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            var job = new BinderJob
            {
                State = BinderJobState.Running,
                Phase = BinderJobPhase.Print,
                ExhibitsDone = 2,
                ExhibitsTotal = 5,
                CreatedUtc = DateTime.UnixEpoch,
                ExpiresUtc = DateTime.UnixEpoch.AddMinutes(42),
            };
            var text = TestText.For<BinderText>();

            Assert.Equal(progress, new BinderJobView(job, text).ProgressText);
            Assert.Equal(kept, BinderJobView.MinutesLeft(job, DateTime.UnixEpoch, text));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
