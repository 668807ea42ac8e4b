using System.Net;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The takedown pages in Spanish and French (issue 23, ADR 0030): the list and the new letter speak the person's
/// language, a form error comes back in it with what was typed kept, and the letter itself stays English whatever
/// language the page around it speaks.
/// </summary>
public abstract class TakedownsLanguageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string Posted = "https://www.reddit.com/r/a/comments/language1";

    [Theory]
    [InlineData("es", "Conseguir que lo retiren", "Aún no hay cartas.", "Escribir una carta", "Paso 1 de 4: Qué carta", "¿Qué carta quieres escribir?")]
    [InlineData("fr", "Le faire retirer", "Pas encore de lettre.", "Écrire une lettre", "Étape 1 sur 4\u00a0: Quelle lettre", "Quelle lettre voulez-vous écrire\u00a0?")]
    public async Task The_list_and_a_new_letter_speak_the_persons_language(string language, string heading, string none, string write, string step, string which)
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        client.Http.DefaultRequestHeaders.Add("Accept-Language", language);

        var list = await client.GetAsync($"/cases/{caseId}/takedowns");
        var choose = await client.GetAsync($"/cases/{caseId}/takedowns/new");
        var kind = await client.GetAsync($"/cases/{caseId}/takedowns/new?platform=reddit");

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal(heading, list.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains(none, list.MainText, StringComparison.Ordinal);
        Assert.Equal(write, choose.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal(step, kind.Document.QuerySelector("#letter-progress")!.TextContent);
        Assert.Equal(which, kind.Document.QuerySelector("#Input_Kind legend")!.TextContent);
    }

    [Fact]
    public async Task A_name_too_long_is_refused_in_Spanish_and_what_was_typed_is_kept()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        client.Http.DefaultRequestHeaders.Add("Accept-Language", "es");
        var name = "Sam Ejemplo " + new string('x', TakedownRequest.FieldMaxLength);

        var result = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Step"] = "Sender",
            ["Intent"] = "next",
            ["Input.SenderName"] = name,
        });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains($"Escribe como máximo {TakedownRequest.FieldMaxLength} caracteres.", result.MainText, StringComparison.Ordinal);
        Assert.Equal("Paso 3 de 4: Sobre ti", result.Document.QuerySelector("#letter-progress")!.TextContent);
        Assert.Equal(name, result.Document.QuerySelector("input[name='Input.SenderName']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_letter_written_from_a_Spanish_page_is_still_English()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.AddSightingsAsync(caseId, Posted);
        await using var db = app.CreateDbContext();
        var posted = await db.Sightings.SingleAsync(s => s.CaseId == caseId && s.Url == Posted);
        client.Http.DefaultRequestHeaders.Add("Accept-Language", "es");

        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SightingIds"] = posted.Id.ToString(),
            ["Input.SenderName"] = "Sam Example",
            ["Input.SenderEmail"] = "sam@example.org",
            ["Input.GoodFaithConfirmed"] = "true",
            ["Input.SignatureConfirmed"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, draft.Status);
        var letterUrl = draft.Location!.OriginalString;
        var page = await client.GetAsync(letterUrl);
        var text = page.Document.QuerySelector("#letter")!;
        var download = await client.Http.GetStringAsync(letterUrl + "/text");

        Assert.Equal("Denuncia de imágenes íntimas compartidas sin consentimiento a Reddit", page.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal("Borrador", page.Document.QuerySelector("#status")!.TextContent);
        Assert.Equal("en", text.GetAttribute("lang"));
        Assert.Contains("I believe in good faith that this content was shared without my consent", text.TextContent, StringComparison.Ordinal);
        Assert.Contains(LetterComposer.HeadingOf(LetterKind.PlatformPolicyReport), download, StringComparison.Ordinal);
        Assert.Contains("I believe in good faith that this content was shared without my consent", download, StringComparison.Ordinal);
        Assert.DoesNotContain("Denuncia", download, StringComparison.Ordinal);
        var list = await client.GetAsync($"/cases/{caseId}/takedowns");
        Assert.Equal("Denuncia de imágenes íntimas compartidas sin consentimiento a Reddit", list.Document.QuerySelector(".takedowns .card a")!.TextContent);
    }

    [Fact]
    public async Task A_letters_advice_is_in_Spanish_while_the_letter_stays_the_same_English()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.AddSightingsAsync(caseId, Posted);
        await using var db = app.CreateDbContext();
        var posted = await db.Sightings.SingleAsync(s => s.CaseId == caseId && s.Url == Posted);
        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "DmcaNotice",
            ["Input.SightingIds"] = posted.Id.ToString(),
            ["Input.SenderName"] = "Sam Example",
            ["Input.SenderEmail"] = "sam@example.org",
        });
        Assert.Equal(HttpStatusCode.Redirect, draft.Status);
        var letterUrl = draft.Location!.OriginalString;
        var english = await client.GetAsync(letterUrl);
        var englishText = await client.Http.GetStringAsync(letterUrl + "/text");
        client.Http.DefaultRequestHeaders.Add("Accept-Language", "es");

        var page = await client.GetAsync(letterUrl);
        var download = await client.Http.GetStringAsync(letterUrl + "/text");

        var missing = page.Document.QuerySelector("#missing li[data-code='no-copyright-basis']")!.TextContent;
        Assert.Equal("Di de quién son los derechos de autor de la imagen: tuyos (por ejemplo, si la hiciste tú) o de alguien que te deja actuar en su nombre.", missing);
        Assert.Contains("Los derechos de autor suelen ser de quien hizo la foto.", page.Document.QuerySelector("#guidance")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Copyright usually belongs to whoever took the picture.", english.Document.QuerySelector("#guidance")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(english.Document.QuerySelector("#letter")!.TextContent, page.Document.QuerySelector("#letter")!.TextContent);
        Assert.Equal(englishText, download);
        Assert.DoesNotContain("derechos", download, StringComparison.Ordinal);
        client.Http.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.Http.DefaultRequestHeaders.Add("Accept-Language", "qps-Ploc");
        var pseudo = await client.GetAsync(letterUrl);
        var advice = pseudo.Document.QuerySelectorAll("#missing li, #letter-warnings li, #guidance li").Select(li => li.TextContent).ToList();
        Assert.NotEmpty(advice);
        Assert.All(advice, note => Assert.DoesNotMatch("[A-Za-z]{3}", note));
    }
}

public sealed class TakedownsLanguageTestsOnSqlite(SqliteApp app) : TakedownsLanguageTests<SqliteApp>(app);
