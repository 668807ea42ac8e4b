using System.Net;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Pages.Cases;
using IncidentResponse.Web.Tests.Infrastructure;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The case pages (your cases, start a case, the dashboard, history, people helping) speak Spanish and French
/// (issue 23): their words come from <c>CasesText</c> and <c>CaseFormText</c>, every key in all three languages.
/// </summary>
public abstract partial class CasesLanguageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Theory]
    [InlineData("es", "Tus casos", "Todo lo que cambió", "Personas que te ayudan", "Lo primero, tu seguridad")]
    [InlineData("fr", "Vos dossiers", "Tout ce qui a changé", "Personnes qui vous aident", "La sécurité d’abord")]
    public async Task The_case_pages_speak_the_language_asked_for(string language, string cases, string history, string people, string firstStep)
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync("Garden plans");
        using var _ = client;
        await client.GetAsync($"/language/{language}");

        Assert.Equal(cases, (await client.GetAsync("/cases")).Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(history, (await client.GetAsync($"/cases/{caseId}/history")).Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(people, (await client.GetAsync($"/cases/{caseId}/people")).Document.QuerySelector("h1")!.TextContent.Trim());
        var dashboard = await client.GetAsync($"/cases/{caseId}");
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Equal(firstStep, dashboard.Document.QuerySelector("ol.steps > li h2")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_case_name_too_long_is_explained_in_Spanish_and_what_was_typed_is_kept()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        await client.GetAsync("/language/es");
        var title = new string('a', 81);

        var result = await client.SubmitAsync("/cases/new", new Dictionary<string, string> { ["Input.Title"] = title });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("El nombre puede tener como máximo 80 caracteres.", result.FieldError("Input.Title"));
        Assert.Equal(title, result.FieldValue("Input.Title"));
        Assert.Equal("Empezar un caso", result.Document.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_case_is_deleted_in_French_with_the_French_word_and_the_wrong_word_is_explained()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.GetAsync("/language/fr");

        var wrong = await client.SubmitAsync($"/cases/{caseId}/delete", new Dictionary<string, string>
        {
            ["Input.Confirmation"] = "oui",
            ["Input.Passphrase"] = Journeys.GoodPassphrase,
        });
        Assert.Equal("Tapez le mot supprimer pour confirmer.", wrong.FieldError("Input.Confirmation"));

        var done = await client.SubmitAsync($"/cases/{caseId}/delete", new Dictionary<string, string>
        {
            ["Input.Confirmation"] = "supprimer",
            ["Input.Passphrase"] = Journeys.GoodPassphrase,
        });
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
    }
}

public sealed class CasesLanguageTestsOnSqlite(SqliteApp app) : CasesLanguageTests<SqliteApp>(app);

/// <summary>
/// The history's words for an ally, as the binder and export print them (ResourceFilesTests checks every resource's
/// keys and placeholders in every language).
/// </summary>
public sealed class CasesTextTests
{
    [Fact]
    public void The_history_says_to_an_ally_what_the_binder_and_export_say()
    {
        var text = TestText.For<CasesText>();

        Assert.Equal(HistoryWording.IntactForAlly, text["History.IntactForAlly"].Value);
        Assert.StartsWith(HistoryWording.BrokenForAlly + " ", text["History.BrokenForAlly"].Value, StringComparison.Ordinal);
    }
}
