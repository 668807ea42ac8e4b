using System.Net;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Web.Pages.Cases.Safety;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static IncidentResponse.Domain.Safety.ThreatQuestionnaire;

namespace IncidentResponse.Web.Tests;

/// <summary>The threat assessment, a few questions per screen: answers kept, nothing half-saved, urgent answers acting at once.</summary>
public abstract class AssessmentTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private static Dictionary<string, ThreatAnswer> NoToAll => AssessmentJourneys.AllAnswered(ThreatAnswer.No);

    private static string Url(Guid caseId) => $"/cases/{caseId}/assessment";

    private static Dictionary<string, string> Step(IReadOnlyDictionary<string, ThreatAnswer> answers, string intent, AppClient.PageResult page)
    {
        var fields = AssessmentJourneys.AnswersOnScreen(page, answers);
        fields["Input.Intent"] = intent;
        return fields;
    }

    private static string? Checked(AppClient.PageResult page, string questionId) =>
        page.Document.QuerySelector($"main input[type=radio][name='Input.Answers[{questionId}]'][checked]")?.GetAttribute("value");

    private static string[] QuestionsShown(AppClient.PageResult page) =>
        page.Document.QuerySelectorAll("main form input[type=radio]").Select(r => r.GetAttribute("name")!).Distinct().ToArray();

    private async Task<int> StoredAssessmentsAsync(Guid caseId)
    {
        await using var db = app.CreateDbContext();
        return await db.ThreatAssessments.CountAsync(a => a.CaseId == caseId);
    }

    [Fact]
    public async Task The_first_screen_asks_a_few_questions_says_it_is_a_guide_and_names_its_sources()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;

        var first = await client.GetAsync(Url(caseId));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Contains($"Step 1 of {Steps.Count}", first.MainText, StringComparison.Ordinal);
        Assert.Equal(Steps[0].QuestionIds.Select(id => $"Input.Answers[{id}]"), QuestionsShown(first));
        Assert.Contains("not a validated risk instrument", first.MainText, StringComparison.Ordinal);
        foreach (var source in Sources)
        {
            Assert.NotNull(first.Document.QuerySelector($"main a[href='{source.SourceUrl}']"));
        }

        Assert.Contains("Not yet checked", first.Document.QuerySelector("main .about-assessment")!.TextContent, StringComparison.Ordinal);
        Assert.Null(first.Document.QuerySelector("main button[value=back]"));
        Assert.Null(first.Document.QuerySelector("main button[value=finish]"));
    }

    [Fact]
    public async Task Going_back_and_forward_keeps_every_answer_and_saves_nothing()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var answers = AssessmentJourneys.AllAnswered(ThreatAnswer.No, (ThreatToShare, ThreatAnswer.Yes), (Demands, ThreatAnswer.NotSure), (ThreatOfHarm, ThreatAnswer.NotSure));
        var first = await client.GetAsync(Url(caseId));

        var second = await client.SubmitOnAsync(first, Url(caseId), Step(answers, "next", first));
        Assert.Contains($"Step 2 of {Steps.Count}", second.MainText, StringComparison.Ordinal);
        Assert.Equal(Steps[1].QuestionIds.Select(id => $"Input.Answers[{id}]"), QuestionsShown(second));
        var third = await client.SubmitOnAsync(second, Url(caseId), Step(answers, "next", second));
        Assert.Contains($"Step 3 of {Steps.Count}", third.MainText, StringComparison.Ordinal);

        var backToSecond = await client.SubmitOnAsync(third, Url(caseId), new Dictionary<string, string> { ["Input.Intent"] = "back" });
        Assert.Equal("NotSure", Checked(backToSecond, ThreatOfHarm));
        Assert.Equal("No", Checked(backToSecond, ThreatToKill));
        var backToFirst = await client.SubmitOnAsync(backToSecond, Url(caseId), new Dictionary<string, string> { ["Input.Intent"] = "back" });
        Assert.Contains($"Step 1 of {Steps.Count}", backToFirst.MainText, StringComparison.Ordinal);
        Assert.Equal("Yes", Checked(backToFirst, ThreatToShare));
        Assert.Equal("NotSure", Checked(backToFirst, Demands));
        Assert.Equal("No", Checked(backToFirst, AfraidNow));

        var forwardAgain = await client.SubmitOnAsync(backToFirst, Url(caseId), new Dictionary<string, string> { ["Input.Intent"] = "next" });
        Assert.Equal("NotSure", Checked(forwardAgain, ThreatOfHarm));
        Assert.Equal(0, await StoredAssessmentsAsync(caseId));
    }

    [Fact]
    public async Task A_step_with_a_question_left_is_shown_again_with_what_was_chosen_and_nothing_is_saved()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var answers = AssessmentJourneys.AllAnswered(ThreatAnswer.No, (ThreatToShare, ThreatAnswer.Yes));
        answers.Remove(Demands);
        var first = await client.GetAsync(Url(caseId));

        var again = await client.SubmitOnAsync(first, Url(caseId), Step(answers, "next", first));

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains($"Step 1 of {Steps.Count}", again.MainText, StringComparison.Ordinal);
        Assert.Contains("Please answer this one", again.FieldError($"Input.Answers[{Demands}]"), StringComparison.Ordinal);
        Assert.Equal("", again.FieldError($"Input.Answers[{ThreatToShare}]"));
        Assert.Equal("Yes", Checked(again, ThreatToShare));
        Assert.Equal("No", Checked(again, AfraidNow));
        Assert.Equal(0, await StoredAssessmentsAsync(caseId));
    }

    [Fact]
    public async Task Finishing_with_an_earlier_answer_missing_goes_back_to_that_step_and_saves_nothing()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var page = await client.GetAsync(Url(caseId));
        for (var step = 1; step < Steps.Count; step++)
        {
            page = await client.SubmitOnAsync(page, Url(caseId), Step(NoToAll, "next", page));
        }

        var (action, values) = (Url(caseId), AssessmentJourneys.AnswersOnScreen(page, NoToAll));
        var form = page.Document.QuerySelectorAll("main form input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        form.Remove($"Input.Answers[{KnowsLocation}]");
        foreach (var (name, value) in values)
        {
            form[name] = value;
        }

        form["Input.Intent"] = "finish";
        var back = await client.PostAsync(action, form);

        Assert.Equal(HttpStatusCode.OK, back.Status);
        Assert.Contains($"Step {StepOf(KnowsLocation)} of {Steps.Count}", back.MainText, StringComparison.Ordinal);
        Assert.Contains("Please answer this one", back.FieldError($"Input.Answers[{KnowsLocation}]"), StringComparison.Ordinal);
        Assert.Equal("No", Checked(back, Doxxing));
        Assert.Equal(0, await StoredAssessmentsAsync(caseId));

        var onward = await client.SubmitOnAsync(back, Url(caseId), new Dictionary<string, string>
        {
            [$"Input.Answers[{KnowsLocation}]"] = "No",
            ["Input.Intent"] = "next",
        });
        Assert.Contains($"Step {StepOf(KnowsLocation) + 1} of {Steps.Count}", onward.MainText, StringComparison.Ordinal);
        Assert.Equal(0, await StoredAssessmentsAsync(caseId));
    }

    [Fact]
    public async Task Only_the_finished_assessment_is_saved_complete_and_scored()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;

        var result = await client.CompleteAssessmentAsync(caseId, AssessmentJourneys.AllAnswered(ThreatAnswer.No, (Strangulation, ThreatAnswer.Yes)));

        await using var db = app.CreateDbContext();
        var stored = await db.ThreatAssessments.SingleAsync(a => a.CaseId == caseId);
        Assert.NotNull(stored.CompletedUtc);
        Assert.Equal(ThreatQuestionnaire.Version, stored.QuestionnaireVersion);
        Assert.Equal(ThreatLevel.High, stored.Level);
        Assert.Equal(ThreatAnswer.Yes, stored.Answers[Strangulation]);
        Assert.Equal(Questions.Count, stored.Answers.Count);
        var page = await client.GetAsync(result);
        Assert.Contains("choked or strangled", page.MainText, StringComparison.Ordinal);
        Assert.Contains("not a validated risk instrument", page.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thoughts_of_self_harm_show_a_crisis_line_on_the_very_next_screen_and_first_on_the_result()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Notes", underEighteenNow: null, madeUnderEighteen: null, country: "US");
        var answers = AssessmentJourneys.AllAnswered(ThreatAnswer.No, (SelfHarm, ThreatAnswer.Yes));
        var page = await client.GetAsync(Url(caseId));
        Assert.Null(page.Document.QuerySelector("main .crisis"));
        page = await client.SubmitOnAsync(page, Url(caseId), Step(answers, "next", page));
        Assert.Null(page.Document.QuerySelector("main .crisis"));
        Assert.Equal(StepOf(SelfHarm), int.Parse(page.FieldValue("Input.Step")!, System.Globalization.CultureInfo.InvariantCulture));

        var next = await client.SubmitOnAsync(page, Url(caseId), Step(answers, "next", page));

        var crisis = next.Document.QuerySelector("main .crisis");
        Assert.NotNull(crisis);
        Assert.Contains("988", crisis.TextContent, StringComparison.Ordinal);
        Assert.NotNull(crisis.QuerySelector("a[href='tel:988']"));
        Assert.Contains("You don't have to carry this alone", crisis.TextContent, StringComparison.Ordinal);
        Assert.Same(crisis, next.Document.QuerySelector("main > section, main > .callout"));
        Assert.Equal(0, await StoredAssessmentsAsync(caseId));

        var resultUrl = await client.CompleteAssessmentAsync(caseId, answers);
        var result = await client.GetAsync(resultUrl);
        var first = result.Document.QuerySelector("main > section, main > .callout");
        Assert.NotNull(first);
        Assert.Contains("crisis", first.ClassName ?? "", StringComparison.Ordinal);
        Assert.Contains("988", first.TextContent, StringComparison.Ordinal);
        var plan = await client.GetAsync($"/cases/{caseId}/plan");
        Assert.Equal($"/cases/{caseId}/plan/{CasePlan.NumberOf(SafetyStepCatalog.CrisisSupport)}", plan.Document.QuerySelector("main ol li a, main .step a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Not_sure_answers_are_taken_gently_and_the_result_says_when_the_level_rests_on_them()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;

        var resultUrl = await client.CompleteAssessmentAsync(caseId, AssessmentJourneys.AllAnswered(ThreatAnswer.No, (AfraidNow, ThreatAnswer.NotSure), (ThreatToKill, ThreatAnswer.NotSure)));
        var result = await client.GetAsync(resultUrl);

        Assert.Contains("Level: High", result.MainText, StringComparison.Ordinal);
        Assert.Contains("You said you're not sure whether you are afraid for your safety right now — that's OK; we've taken it seriously to be safe.", result.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("weren't sure", result.MainText, StringComparison.Ordinal);
        var rests = result.Document.QuerySelector("#rests-on-not-sure")!.TextContent;
        Assert.Contains("This level comes partly from questions you answered \"Not sure\". That's OK", rests, StringComparison.Ordinal);
        Assert.Contains("Counting only the answers you were sure of, it would be Standard.", rests, StringComparison.Ordinal);

        var sure = await client.GetAsync(await client.CompleteAssessmentAsync(caseId, AssessmentJourneys.AllAnswered(ThreatAnswer.No, (ThreatToKill, ThreatAnswer.Yes))));
        Assert.Null(sure.Document.QuerySelector("#rests-on-not-sure"));
    }

    [Fact]
    public async Task An_ally_reading_the_result_is_not_told_of_thoughts_of_self_harm()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var resultUrl = await owner.CompleteAssessmentAsync(caseId, AssessmentJourneys.AllAnswered(ThreatAnswer.No, (SelfHarm, ThreatAnswer.Yes)));
        var (ally, allyName) = await app.NewAllyAsync(owner, caseId, CaseRole.Viewer);
        using var __ = ally;
        await app.ShareRiskAssessmentAsync(owner, caseId, allyName);

        var seenByAlly = await ally.GetAsync(resultUrl);
        var plan = await ally.GetAsync($"/cases/{caseId}/plan");

        Assert.Equal(HttpStatusCode.OK, seenByAlly.Status);
        Assert.Null(seenByAlly.Document.QuerySelector("main .crisis"));
        Assert.DoesNotContain("harming yourself", seenByAlly.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("harming yourself", plan.MainText, StringComparison.Ordinal);
        Assert.NotNull((await owner.GetAsync(resultUrl)).Document.QuerySelector("main .crisis"));
    }

    [Fact]
    public async Task Fear_for_your_safety_shows_the_emergency_number_on_the_next_screen()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Notes", underEighteenNow: null, madeUnderEighteen: null, country: "GB");
        var page = await client.GetAsync(Url(caseId));

        var next = await client.SubmitOnAsync(page, Url(caseId), Step(AssessmentJourneys.AllAnswered(ThreatAnswer.No, (AfraidNow, ThreatAnswer.Yes)), "next", page));

        Assert.Contains("999", next.Document.QuerySelector("main .emergency")!.TextContent, StringComparison.Ordinal);
        Assert.Null(next.Document.QuerySelector("main .crisis"));
    }

    [Fact]
    public async Task Every_plan_has_the_crisis_lines_for_its_country()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Notes", underEighteenNow: null, madeUnderEighteen: null, country: "GB");

        var step = await client.GetAsync($"/cases/{caseId}/plan/{CasePlan.NumberOf(SafetyStepCatalog.CrisisSupport)}");

        Assert.Equal(HttpStatusCode.OK, step.Status);
        Assert.Contains("Samaritans (116 123)", step.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sextortion_of_someone_under_18_is_the_most_urgent_level()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;

        var resultUrl = await client.CompleteAssessmentAsync(caseId, AssessmentJourneys.AllAnswered(ThreatAnswer.No, (Demands, ThreatAnswer.Yes), (UnderEighteen, ThreatAnswer.Yes)));

        var result = await client.GetAsync(resultUrl);
        Assert.Contains("Level: Immediate danger", result.MainText, StringComparison.Ordinal);
        Assert.Contains("done nothing wrong", result.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stranger_gets_404_for_any_step_of_someone_elses_assessment()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        using var stranger = app.CreateAppClient();
        await stranger.SignUpAsync();
        var token = await stranger.AntiforgeryTokenAsync("/cases/new");

        var get = await stranger.GetAsync(Url(caseId));
        var post = await stranger.PostAsync(Url(caseId), new Dictionary<string, string>
        {
            ["__rvt"] = token,
            ["Input.Step"] = "2",
            [$"Input.Answers[{AfraidNow}]"] = "Yes",
            ["Input.Intent"] = "next",
        });
        var finish = await stranger.PostAsync(Url(caseId), new Dictionary<string, string>(NoToAll.ToDictionary(a => $"Input.Answers[{a.Key}]", a => a.Value.ToString()))
        {
            ["__rvt"] = token,
            ["Input.Step"] = Steps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Intent"] = "finish",
        });

        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
        Assert.Equal(HttpStatusCode.NotFound, finish.Status);
        Assert.Equal(0, await StoredAssessmentsAsync(caseId));
    }
}

public sealed class AssessmentTestsOnSqlite(SqliteApp app) : AssessmentTests<SqliteApp>(app);

public sealed class AssessmentTestsOnPostgres(PostgresApp app) : AssessmentTests<PostgresApp>(app);
