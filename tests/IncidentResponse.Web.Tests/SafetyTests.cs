using System.Net;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Web.Pages.Cases.Safety;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

public abstract class SafetyTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task A_new_case_starts_with_safety_first_in_the_survivors_country()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Notes", country: "GB");

        var safety = await client.GetAsync($"/cases/{caseId}/safety");

        Assert.Equal(HttpStatusCode.OK, safety.Status);
        var emergency = safety.Document.QuerySelector("#emergency-heading")!.TextContent;
        Assert.Contains("999", emergency, StringComparison.Ordinal);
        Assert.Contains("Save evidence before anything is deleted", safety.MainText, StringComparison.Ordinal);
        Assert.NotNull(safety.Document.QuerySelector("a[href='tel:999']"));
        Assert.Contains("Revenge Porn Helpline", safety.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_helpline_and_the_emergency_number_say_when_they_were_checked_beside_their_source()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Notes", country: "GB");
        var pack = JurisdictionCatalog.LoadEmbedded(DateOnly.FromDateTime(DateTime.UtcNow)).Get("GB");

        var safety = await client.GetAsync($"/cases/{caseId}/safety");

        var cards = safety.Document.QuerySelectorAll("li.card").ToList();
        foreach (var route in pack.Helplines!)
        {
            var card = cards.Single(c => c.QuerySelector("h3")!.TextContent == route.Name);
            var checkedLine = card.QuerySelector(".fact-checked")!;
            Assert.StartsWith(SourcedFacts.CheckedLabel(route), checkedLine.TextContent, StringComparison.Ordinal);
            Assert.Equal(route.SourceUrl, checkedLine.QuerySelector("a")!.GetAttribute("href"));
            Assert.Equal(route.NeedsReview, checkedLine.TextContent.StartsWith("Not yet checked", StringComparison.Ordinal));
        }

        var emergency = safety.Document.QuerySelector(".emergency .fact-checked")!;
        Assert.StartsWith(SourcedFacts.CheckedLabel(pack.EmergencyNumber!), emergency.TextContent, StringComparison.Ordinal);
        Assert.Equal(pack.EmergencyNumber!.SourceUrl, emergency.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_home_page_takes_every_emergency_number_from_the_sourced_content_with_its_check_date()
    {
        using var client = app.CreateAppClient();
        var catalog = JurisdictionCatalog.LoadEmbedded(DateOnly.FromDateTime(DateTime.UtcNow));

        var home = await client.GetAsync("/");

        var items = home.Document.QuerySelectorAll(".emergency-numbers li").ToList();
        Assert.Equal(catalog.Packs.Count, items.Count);
        foreach (var pack in catalog.Packs)
        {
            var item = items.Single(i => i.TextContent.TrimStart().StartsWith(pack.Name + ":", StringComparison.Ordinal));
            Assert.NotNull(item.QuerySelector($"a[href='tel:{pack.EmergencyNumber!.Number}']"));
            Assert.Equal(pack.EmergencyNumber.SourceUrl, item.QuerySelector(".fact-checked a")!.GetAttribute("href"));
            Assert.StartsWith(SourcedFacts.CheckedLabel(pack.EmergencyNumber), item.QuerySelector(".fact-checked")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_plan_step_naming_a_legal_remedy_shows_that_an_unchecked_fact_is_not_yet_checked_beside_its_source()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Notes", country: "US");
        var saved = await client.SubmitAsync($"/cases/{caseId}/details", new Dictionary<string, string>
        {
            ["Input.Title"] = "Notes",
            ["Input.JurisdictionCode"] = "US",
            ["Input.Perpetrator"] = "Known",
            ["Input.ThreatsReceived"] = "true",
            ["Input.LegalAction"] = "Yes",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var order = JurisdictionCatalog.LoadEmbedded(DateOnly.FromDateTime(DateTime.UtcNow)).Get("US").LegalRemedies!.EmergencyProtectiveOrder!;
        Assert.True(order.NeedsReview, "The US emergency order is shipped as not yet checked; this test relies on it.");

        var step = await client.GetAsync($"/cases/{caseId}/plan/{CasePlan.NumberOf(SafetyStepCatalog.EmergencyProtectiveOrder)}");

        var fact = step.Document.QuerySelectorAll(".step-facts li").Single(li => li.TextContent.Contains(order.Name, StringComparison.Ordinal));
        Assert.Contains("Not yet checked", fact.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Checked on", fact.TextContent, StringComparison.Ordinal);
        Assert.Equal(order.SourceUrl, fact.QuerySelector(".fact-checked a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Switching_country_changes_the_help_shown_and_keeps_everything_else()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Notes", country: "US");
        await client.SubmitAsync($"/cases/{caseId}/plan/{CasePlan.NumberOf(SafetyStepCatalog.SaveEvidence)}", new Dictionary<string, string>
        {
            ["Input.Status"] = "Done",
            ["Input.Note"] = "Saved the first messages",
        });

        var saved = await client.SubmitAsync($"/cases/{caseId}/details", new Dictionary<string, string>
        {
            ["Input.Title"] = "Notes",
            ["Input.JurisdictionCode"] = "AU",
            ["Input.Perpetrator"] = "Known",
            ["Input.ThreatsReceived"] = "true",
            ["Input.LegalAction"] = "Yes",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        Assert.Contains("000", (await client.GetAsync($"/cases/{caseId}/safety")).Document.QuerySelector("#emergency-heading")!.TextContent, StringComparison.Ordinal);
        var step = await client.GetAsync($"/cases/{caseId}/plan/{CasePlan.NumberOf(SafetyStepCatalog.SaveEvidence)}");
        Assert.Equal("Saved the first messages", step.Document.QuerySelector("textarea")!.TextContent.Trim());
        var plan = await client.GetAsync($"/cases/{caseId}/plan");
        var titles = plan.Document.QuerySelectorAll("ol.steps h3").Select(h => h.TextContent).ToList();
        Assert.Contains(titles, t => t.Contains(SafetyStepCatalog.Get(SafetyStepCatalog.RestrainingOrderAndPoliceReport).Title.Split('{')[0].Trim(), StringComparison.Ordinal));
        var details = await client.GetAsync($"/cases/{caseId}/details");
        Assert.Equal("AU", details.Document.QuerySelector("select option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_unknown_country_is_refused_and_what_was_typed_is_kept()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync();

        var result = await client.SubmitAsync($"/cases/{caseId}/details", new Dictionary<string, string>
        {
            ["Input.Title"] = "Renamed notes",
            ["Input.JurisdictionCode"] = "XX",
        });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("choose a country", result.FieldError("Input.JurisdictionCode"), StringComparison.Ordinal);
        Assert.Equal("Renamed notes", result.FieldValue("Input.Title"));
    }

    [Fact]
    public async Task Fear_right_now_puts_the_emergency_number_and_protection_first_and_retaking_changes_the_plan()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Notes", country: "US");

        var first = await client.TakeAssessmentAsync(caseId, AssessmentJourneys.AllAnswered(ThreatAnswer.No, (ThreatQuestionnaire.AfraidNow, ThreatAnswer.Yes)));
        Assert.Equal(HttpStatusCode.Redirect, first.Status);
        var result = await client.GetAsync(first.Location!.OriginalString);
        Assert.Contains("Immediate danger", result.MainText, StringComparison.Ordinal);
        Assert.Contains("911", result.Document.QuerySelector("main > .emergency, main .emergency")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("not a prediction", result.MainText, StringComparison.Ordinal);
        Assert.Contains("Because you said", result.MainText, StringComparison.Ordinal);
        var firstSteps = result.Document.QuerySelectorAll("main ol li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal($"/cases/{caseId}/plan/{CasePlan.NumberOf(SafetyStepCatalog.PhysicalSafety)}", firstSteps[0]);
        Assert.Equal($"/cases/{caseId}/plan/{CasePlan.NumberOf(SafetyStepCatalog.EmergencyProtectiveOrder)}", firstSteps[1]);
        Assert.NotNull((await client.GetAsync($"/cases/{caseId}")).Document.QuerySelector(".emergency"));

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await client.TakeAssessmentAsync(caseId, AssessmentJourneys.AllAnswered(ThreatAnswer.No));
        var calmer = await client.GetAsync(second.Location!.OriginalString);
        Assert.Contains("Level: Standard", calmer.MainText, StringComparison.Ordinal);
        Assert.Null((await client.GetAsync($"/cases/{caseId}/plan")).Document.QuerySelector(".emergency"));
        var history = await client.GetAsync($"/cases/{caseId}/assessment");
        Assert.Equal(2, history.Document.QuerySelectorAll("main .card-list li").Length);
        var earlier = await client.GetAsync(first.Location!.OriginalString);
        Assert.Contains("These are earlier answers", earlier.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demands_bring_sextortion_guidance_into_the_plan()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync();
        var sextortion = SafetyStepCatalog.Get(SafetyStepCatalog.SextortionResponse);
        Assert.DoesNotContain($"/plan/{CasePlan.NumberOf(sextortion.Key)}\"", (await client.GetAsync($"/cases/{caseId}/plan")).Html, StringComparison.Ordinal);

        await client.TakeAssessmentAsync(caseId, AssessmentJourneys.AllAnswered(ThreatAnswer.No, (ThreatQuestionnaire.Demands, ThreatAnswer.Yes)));

        var plan = await client.GetAsync($"/cases/{caseId}/plan");
        Assert.Contains($"/plan/{CasePlan.NumberOf(sextortion.Key)}\"", plan.Html, StringComparison.Ordinal);
        var step = await client.GetAsync($"/cases/{caseId}/plan/{CasePlan.NumberOf(sextortion.Key)}");
        Assert.Contains("pay", step.MainText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Images_of_someone_under_18_route_the_case_to_the_right_services()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Notes", country: "US");

        var done = await client.TakeAssessmentAsync(caseId, AssessmentJourneys.AllAnswered(ThreatAnswer.No, (ThreatQuestionnaire.UnderEighteen, ThreatAnswer.Yes)));
        var result = await client.GetAsync(done.Location!.OriginalString);

        Assert.Contains("this site will not keep any file for this case", result.MainText, StringComparison.Ordinal);
        Assert.Contains("Take It Down", result.MainText, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.True((await db.Cases.SingleAsync(c => c.Id == caseId)).UnderEighteenRoute);
        var safety = (await client.GetAsync($"/cases/{caseId}/safety")).MainText;
        Assert.Contains("it will not keep any file", safety, StringComparison.Ordinal);
        Assert.Contains("3. Write down what happened, in words", safety, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_step_keeps_its_status_and_note_and_a_stale_save_is_shown_not_lost()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync();
        var url = $"/cases/{caseId}/plan/{CasePlan.NumberOf(SafetyStepCatalog.BreatheAndReachOut)}";
        var stale = await client.GetAsync(url);
        var staleToken = stale.Document.QuerySelector("main input[name=__rvt]")!.GetAttribute("value")!;

        var first = await client.SubmitAsync(url, new Dictionary<string, string> { ["Input.Status"] = "Doing", ["Input.Note"] = "Called my sister" });
        Assert.Equal(HttpStatusCode.Redirect, first.Status);

        var second = await client.PostAsync(url, new Dictionary<string, string>
        {
            ["__rvt"] = staleToken,
            ["Input.Version"] = stale.FieldValue("Input.Version")!,
            ["Input.Status"] = "Done",
            ["Input.Note"] = "Typed on the other phone",
        });

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains("changed while you were editing", second.MainText, StringComparison.Ordinal);
        Assert.Contains("Called my sister", second.MainText, StringComparison.Ordinal);
        Assert.Equal("Typed on the other phone", second.Document.QuerySelector("textarea")!.TextContent.Trim());
        var plan = await client.GetAsync($"/cases/{caseId}/plan");
        Assert.Contains("Doing", plan.MainText, StringComparison.Ordinal);

        var third = await client.PostAsync(url, new Dictionary<string, string>
        {
            ["__rvt"] = staleToken,
            ["Input.Version"] = second.FieldValue("Input.Version")!,
            ["Input.Status"] = "Done",
            ["Input.Note"] = "Typed on the other phone",
        });
        Assert.Equal(HttpStatusCode.Redirect, third.Status);
        Assert.Equal("Typed on the other phone", (await client.GetAsync(url)).Document.QuerySelector("textarea")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_overlong_note_is_refused_kindly_and_kept()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync();
        var note = new string('n', SafetyPlanStepState.NoteMaxLength + 1);

        var result = await client.SubmitAsync($"/cases/{caseId}/plan/1", new Dictionary<string, string> { ["Input.Status"] = "Doing", ["Input.Note"] = note });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("4000 characters", result.FieldError("Input.Note"), StringComparison.Ordinal);
        Assert.Equal(note, result.Document.QuerySelector("textarea")!.TextContent.Trim());
    }

    [Fact]
    public async Task Another_cases_assessment_cannot_be_read_through_your_own_case()
    {
        using var owner = app.CreateAppClient();
        await owner.SignUpAsync();
        var ownerCase = await owner.CreateCaseAsync();
        var done = await owner.TakeAssessmentAsync(ownerCase, AssessmentJourneys.AllAnswered(ThreatAnswer.No));
        var assessmentId = done.Location!.OriginalString.Split('/').Last();

        using var other = app.CreateAppClient();
        await other.SignUpAsync();
        var otherCase = await other.CreateCaseAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/cases/{otherCase}/assessment/{assessmentId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/cases/{otherCase}/plan/999")).Status);
    }
}

public sealed class SafetyTestsOnSqlite(SqliteApp app) : SafetyTests<SqliteApp>(app);

public sealed class SafetyTestsOnPostgres(PostgresApp app) : SafetyTests<PostgresApp>(app);
