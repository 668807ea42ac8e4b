using System.Net;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The takedown pages' content in Spanish and French (issue 23, ADR 0030): a platform's warnings and steps and the letter
/// chooser's explanations read in the person's language, while the letter, composed in English whatever the page speaks,
/// keeps its English words, and the advice beside it (the platform's warnings too) speaks the person's language.
/// </summary>
public abstract class TakedownContentLanguagesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string Posted = "https://www.reddit.com/r/a/comments/languages1";

    private const string EnglishWarning = "Copyright notices to Reddit may be passed to the poster and published in the Lumen database.";

    [Theory]
    [InlineData("es", "Los avisos por derechos de autor enviados a Reddit", "Usa la opción de denunciar en la publicación o el comentario", "Empieza por la denuncia propia de Reddit")]
    [InlineData("fr", "Les notifications pour atteinte aux droits d’auteur envoyées à Reddit", "Utilisez «\u00a0Signaler\u00a0» sur la publication ou le commentaire", "Commencez par le signalement propre à Reddit")]
    public async Task A_platforms_warnings_steps_and_letter_choices_read_in_the_persons_language(string language, string warning, string steps, string recommended)
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        client.Http.DefaultRequestHeaders.Add("Accept-Language", language);

        var page = await client.GetAsync($"/cases/{caseId}/takedowns/new?platform=reddit");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(warning, page.Document.QuerySelector("#warnings")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(EnglishWarning, page.MainText, StringComparison.Ordinal);
        Assert.Contains(steps, page.Document.QuerySelector("#routes")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(recommended, page.Document.QuerySelector("#recommended-kind")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_letter_read_on_a_Spanish_page_stays_English_with_the_platforms_advice_beside_it_in_Spanish()
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
            ["Input.SenderPhone"] = "+1 555 0100",
            ["Input.CopyrightedWork"] = "A photograph I took of myself in 2023",
            ["Input.CopyrightBasis"] = "SenderOwnsCopyright",
            ["Input.GoodFaithConfirmed"] = "true",
            ["Input.AccuracyConfirmed"] = "true",
            ["Input.SignatureConfirmed"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, draft.Status);
        var english = await client.GetAsync(draft.Location!.OriginalString);
        client.Http.DefaultRequestHeaders.Add("Accept-Language", "es");

        var spanish = await client.GetAsync(draft.Location!.OriginalString);
        var edit = await client.GetAsync($"/cases/{caseId}/takedowns/{draft.Location.OriginalString.Split('/')[4]}/edit");

        Assert.Equal(english.Document.QuerySelector("#letter")!.TextContent, spanish.Document.QuerySelector("#letter")!.TextContent);
        Assert.Contains(LetterComposer.DmcaGoodFaith, spanish.Document.QuerySelector("#letter")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(EnglishWarning, english.Document.QuerySelector("#guidance")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Los avisos por derechos de autor enviados a Reddit", spanish.Document.QuerySelector("#guidance")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(EnglishWarning, spanish.Document.QuerySelector("#guidance")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Los avisos por derechos de autor enviados a Reddit", edit.Document.QuerySelector("#warnings")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("es", "La lista de comprobación que los servicios de atención a la violencia doméstica")]
    [InlineData("fr", "La liste de contrôle qu’utilisent au Royaume-Uni")]
    public async Task The_assessments_sources_are_described_in_the_persons_language_under_their_own_names(string language, string description)
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        client.Http.DefaultRequestHeaders.Add("Accept-Language", language);

        var page = await client.GetAsync($"/cases/{caseId}/assessment");

        var sources = page.Document.QuerySelector(".about-assessment")!.TextContent;
        Assert.Contains(description, sources, StringComparison.Ordinal);
        Assert.Contains("Dash risk checklist (SafeLives)", sources, StringComparison.Ordinal);
    }
}

public sealed class TakedownContentLanguagesTestsOnSqlite(SqliteApp app) : TakedownContentLanguagesTests<SqliteApp>(app);
