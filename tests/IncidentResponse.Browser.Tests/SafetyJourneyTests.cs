using System.Text.RegularExpressions;
using IncidentResponse.Browser.Tests.Infrastructure;
using IncidentResponse.Domain.Safety;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

/// <summary>A new case from "Safety first" through an assessment that reaches the top level.</summary>
[Collection(WithApp.Name)]
public sealed partial class SafetyJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task A_new_case_walks_from_safety_first_to_an_assessment_that_puts_the_emergency_number_first() => RunAsync(async () =>
    {
        await Page.SignUpAsync(Journeys.NewUsername());
        await Page.GetByLabel("Case name").FillAsync("Spring notes");
        await Page.GetByLabel("Where do you live?").SelectOptionAsync(new SelectOptionValue { Label = "United States" });
        await Page.AnswerAgeQuestionsAsync("No", "No");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start the case", Exact = true }).ClickAsync();

        await Expect(Page.Heading()).ToHaveTextAsync("Safety first");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Call 911" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "3. Save evidence before anything is deleted" })).ToBeVisibleAsync();
        await Screenshots.SaveForGuideAsync(Page, "safety-first");

        await Page.GetByRole(AriaRole.Link, new() { Name = "See your plan" }).ClickAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("Your plan");
        await Screenshots.SaveForGuideAsync(Page, "plan");

        await Page.GetByRole(AriaRole.Link, new() { Name = "answer the safety questions", Exact = true }).ClickAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("A few questions about your situation");
        await Expect(Page.Locator("p.lead")).ToContainTextAsync("not a validated risk instrument");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Dash risk checklist (SafeLives)" })).ToBeVisibleAsync();
        await Page.AnswerAssessmentAsync(
            question => question.Id == ThreatQuestionnaire.AfraidNow ? "Yes" : "No",
            async step =>
            {
                if (step == 1)
                {
                    await Screenshots.SaveForGuideAsync(Page, "assessment");
                }
                else
                {
                    // Fear right now is acted on at once: the emergency number is on every screen after the first.
                    await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "If you are in danger right now, call 911" })).ToBeVisibleAsync();
                }
            });

        await Expect(Page).ToHaveURLAsync(ResultUrl());
        await Expect(Page.Heading()).ToHaveTextAsync("What your answers mean for your plan");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Level: Immediate danger" })).ToBeVisibleAsync();
        var emergency = Page.GetByRole(AriaRole.Heading, new() { Name = "If you are in danger right now, call 911" });
        await Expect(emergency).ToBeVisibleAsync();
        var emergencyTop = (await emergency.BoundingBoxAsync())!.Y;
        var headingTop = (await Page.Heading().BoundingBoxAsync())!.Y;
        Assert.True(emergencyTop < headingTop, "The emergency number must come before everything else on the result page.");
        var firstSteps = Page.GetByRole(AriaRole.Main).Locator("ol li a");
        await Expect(firstSteps.First).ToHaveTextAsync(new Regex("physical safety|safe", RegexOptions.IgnoreCase));
        Assert.DoesNotContain("danger", await Page.TitleAsync(), StringComparison.OrdinalIgnoreCase);
        await Screenshots.SaveForGuideAsync(Page, "assessment-result");

        await Page.GetByRole(AriaRole.Link, new() { Name = "See your whole plan" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Call 911" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Thoughts_of_self_harm_bring_a_crisis_line_on_the_next_screen_and_first_on_the_result() => RunAsync(async () =>
    {
        await Page.SignUpAsync(Journeys.NewUsername());
        await Page.GetByLabel("Case name").FillAsync("Autumn notes");
        await Page.GetByLabel("Where do you live?").SelectOptionAsync(new SelectOptionValue { Label = "United Kingdom" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start the case", Exact = true }).ClickAsync();
        await Page.GotoAsync(new Uri(Page.Url).AbsolutePath.Replace("/safety", "/assessment", StringComparison.Ordinal));
        var crisis = Page.GetByRole(AriaRole.Heading, new() { Name = "Thank you for telling us. You don't have to carry this alone." });

        await Page.AnswerAssessmentAsync(
            question => question.Id == ThreatQuestionnaire.SelfHarm ? "Yes" : "No",
            async step =>
            {
                if (step <= ThreatQuestionnaire.StepOf(ThreatQuestionnaire.SelfHarm))
                {
                    await Expect(crisis).ToHaveCountAsync(0);
                }
                else
                {
                    await Expect(crisis).ToBeVisibleAsync();
                    await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "116 123" })).ToBeVisibleAsync();
                    if (step == ThreatQuestionnaire.StepOf(ThreatQuestionnaire.SelfHarm) + 1)
                    {
                        await Screenshots.SaveForGuideAsync(Page, "assessment-crisis");
                    }
                }
            });

        await Expect(Page).ToHaveURLAsync(ResultUrl());
        await Expect(crisis).ToBeVisibleAsync();
        var crisisTop = (await crisis.BoundingBoxAsync())!.Y;
        var headingTop = (await Page.Heading().BoundingBoxAsync())!.Y;
        Assert.True(crisisTop < headingTop, "The crisis line must come before everything else on the result page.");
    });

    [GeneratedRegex(@"/cases/[0-9a-f-]{36}/assessment/[0-9a-f-]{36}$")]
    private static partial Regex ResultUrl();
}
