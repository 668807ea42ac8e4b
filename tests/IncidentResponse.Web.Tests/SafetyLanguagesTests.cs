using System.Net;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Web.Tests.Infrastructure;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The survivor's first steps in Spanish and French (issue 23, ADR 0030): Safety first, the plan and its steps, the safety
/// questions and their result speak the person's language, a form error comes back in it with what was typed kept, and an
/// under-18 case keeps the under-18 rule in every language: the same steps left out and the same words-only steps shown.
/// </summary>
public abstract class SafetyLanguagesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Theory]
    [InlineData("es", "Lo primero, tu seguridad", "Tu plan", "Asegúrate de estar a salvo físicamente", "Ahora")]
    [InlineData("fr", "La sécurité d’abord", "Votre plan", "Assurez-vous d’être physiquement en sécurité", "Maintenant")]
    public async Task Safety_first_the_plan_and_a_step_speak_the_persons_language(string language, string safety, string plan, string firstStep, string now)
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Spring notes", "No", "No");
        client.Http.DefaultRequestHeaders.Add("Accept-Language", language);

        var safetyFirst = await client.GetAsync($"/cases/{caseId}/safety");
        var planPage = await client.GetAsync($"/cases/{caseId}/plan");
        var step = await client.GetAsync($"/cases/{caseId}/plan/1");

        Assert.Equal(HttpStatusCode.OK, safetyFirst.Status);
        Assert.Equal(safety, safetyFirst.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal(plan, planPage.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal(now, planPage.Document.QuerySelector("main h2")!.TextContent);
        Assert.Contains(firstStep, planPage.MainText, StringComparison.Ordinal);
        Assert.Equal(firstStep, step.Document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_note_too_long_is_refused_in_Spanish_and_what_was_typed_is_kept()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Spring notes", "No", "No");
        client.Http.DefaultRequestHeaders.Add("Accept-Language", "es");
        var note = "Mi nota " + new string('x', SafetyPlanStepState.NoteMaxLength);

        var result = await client.SubmitAsync($"/cases/{caseId}/plan/1", new Dictionary<string, string> { ["Input.Note"] = note });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Escribe una nota de 4000 caracteres como máximo.", result.MainText, StringComparison.Ordinal);
        Assert.Equal(note, result.Document.QuerySelector("textarea[name='Input.Note']")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_under_18_case_leaves_out_the_same_steps_and_never_says_to_keep_an_image_in_any_language()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Spring notes", "Yes", "No");
        var steps = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var language in new[] { "en", "es", "fr" })
        {
            client.Http.DefaultRequestHeaders.Remove("Accept-Language");
            client.Http.DefaultRequestHeaders.Add("Accept-Language", language);
            var plan = await client.GetAsync($"/cases/{caseId}/plan");
            steps[language] = plan.Document.QuerySelectorAll("ol.steps a").Select(a => a.GetAttribute("href")!).ToList();
            foreach (var link in steps[language])
            {
                var page = await client.GetAsync(link);
                var text = page.Document.QuerySelector("h1")!.TextContent + "\n" + page.Document.QuerySelector(".step-body")!.TextContent;
                Assert.DoesNotContain("captura de pantalla", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("capture d’écran", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("TinEye", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Google Lens", text, StringComparison.Ordinal);
                Assert.Null(WordsOnlyAdvice.FindSavingAdvice(text));
            }
        }

        Assert.Equal(steps["en"], steps["es"]);
        Assert.Equal(steps["en"], steps["fr"]);
        Assert.Contains($"/cases/{caseId}/plan/{CaseNumber(SafetyStepCatalog.UnderEighteenRoutes)}", steps["en"]);
        client.Http.DefaultRequestHeaders.Remove("Accept-Language");
        client.Http.DefaultRequestHeaders.Add("Accept-Language", "es");
        var evidence = await client.GetAsync($"/cases/{caseId}/plan/{CaseNumber(SafetyStepCatalog.SaveEvidence)}");
        Assert.Equal("Anota lo que pasó antes de que se borre nada", evidence.Document.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_safety_questions_and_their_result_speak_Spanish_and_keep_the_under_18_rule()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Spring notes", "No", "No");
        client.Http.DefaultRequestHeaders.Add("Accept-Language", "es");

        var first = await client.GetAsync($"/cases/{caseId}/assessment");
        Assert.Equal("Unas preguntas sobre tu situación", first.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("¿Tienes miedo por tu seguridad ahora mismo?", first.MainText, StringComparison.Ordinal);
        var missing = await client.SubmitAsync($"/cases/{caseId}/assessment", new Dictionary<string, string> { ["Input.Intent"] = "next" });
        Assert.Contains("Responde a esta, o elige «No lo sé»", missing.MainText, StringComparison.Ordinal);

        var result = await client.CompleteAssessmentAsync(caseId, AssessmentJourneys.AllAnswered(ThreatAnswer.No, (ThreatQuestionnaire.UnderEighteen, ThreatAnswer.Yes)));
        var page = await client.GetAsync(result);

        Assert.Equal("Qué significan tus respuestas para tu plan", page.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Imágenes de alguien menor de 18 años", page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("captura de pantalla", page.MainText, StringComparison.OrdinalIgnoreCase);
        var plan = await client.GetAsync($"/cases/{caseId}/plan");
        Assert.Contains("Usa los servicios para imágenes hechas antes de que alguien tuviera 18 años", plan.MainText, StringComparison.Ordinal);
    }

    private static int CaseNumber(string key) => SafetyStepCatalog.Steps.Select((s, i) => (s.Key, i)).Single(x => x.Key == key).i + 1;
}

public sealed class SafetyLanguagesTestsOnSqlite(SqliteApp app) : SafetyLanguagesTests<SqliteApp>(app);
