using System.Globalization;
using System.Text.RegularExpressions;
using IncidentResponse.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

/// <summary>
/// Someone in the middle of an extortion (issue 22): they log the demand with its deadline, their answers are re-assessed
/// with what it adds, the plan puts the sextortion route first with where to report, and the deadline waits on the
/// dashboard in calm words.
/// </summary>
[Collection(WithApp.Name)]
public sealed partial class ExtortionJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string SextortionStep = "If you are being asked to pay or send more: don't pay, stop replying, keep the messages";

    [Fact]
    public Task A_demand_with_a_deadline_is_logged_re_assessed_and_met_with_the_sextortion_route() => RunAsync(async () =>
    {
        await Page.SignUpAsync(Journeys.NewUsername());
        await Page.GetByLabel("Case name").FillAsync("Winter notes");
        await Page.GetByLabel("Where do you live?").SelectOptionAsync(new SelectOptionValue { Label = "United Kingdom" });
        await Page.AnswerAgeQuestionsAsync("No", "No");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start the case", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Back to your case" }).ClickAsync();
        var dashboard = Page.Url;
        await Page.GotoAsync(dashboard + "/assessment");
        await Page.AnswerAssessmentAsync(_ => "No");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Level: Standard" })).ToBeVisibleAsync();

        // From the record, the contact form starts as a demand with its part open.
        await Page.GotoAsync(dashboard + "/log");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Log a message or demand from them" }).ClickAsync();
        await Expect(Page.GetByLabel("A demand (money, images or anything else)")).ToBeCheckedAsync();
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var deadline = DateTime.UtcNow.AddDays(2);
        await Page.GetByLabel("When did it happen?").FillAsync(yesterday);
        await Page.GetByLabel("When did you find out about it?").FillAsync(yesterday);
        await Page.GetByLabel("Where did it happen?").SelectOptionAsync(new SelectOptionValue { Label = "Instagram" });
        await Page.GetByLabel("Account or username involved (optional)").FillAsync("@collector");
        await Page.GetByLabel("What happened, in your own words").FillAsync("They said pay 500 pounds in gift cards by Friday or they send the photos to my family.");
        await Page.GetByRole(AriaRole.Group, new() { Name = "What did they ask for?" }).GetByLabel("Money").CheckAsync();
        await Page.GetByLabel("If money: how much (optional)").FillAsync("500 pounds");
        await Page.GetByLabel("If money: how they asked to be paid (optional)").FillAsync("gift cards");
        await Page.GetByLabel("Did they give a deadline? The date (optional)").FillAsync(deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.GetByLabel("The time of the deadline (optional)").FillAsync("18:00");
        await Page.GetByRole(AriaRole.Group, new() { Name = "What did they threaten?" }).GetByLabel("To send them to family, friends or an employer").CheckAsync();
        await Page.GetByRole(AriaRole.Group, new() { Name = "How worrying does this feel to you?" }).GetByLabel("Very worrying").CheckAsync();
        await Page.Locator("#contact-details").ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveForGuideAsync(Page, "contact-form");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save to your record" }).ClickAsync();

        // The entry says the answers were updated, and the result says what changed and why.
        await Expect(Page).ToHaveURLAsync(new Regex("/log/[0-9a-f-]{36}\\?added=true&reassessed=true$"));
        await Expect(Page.Locator("dd.contact-demands")).ToHaveTextAsync("Money: 500 pounds, by gift cards");
        await Page.GetByRole(AriaRole.Link, new() { Name = "See what changed and why" }).ClickAsync();
        var changed = Page.Locator("#what-changed");
        await Expect(changed).ToContainTextAsync("The level went from Standard to Elevated.");
        await Expect(changed).ToContainTextAsync("Because you said the person has given you a deadline.");
        await Expect(changed).ToContainTextAsync("Because you said the person has demanded something from you in return.");
        await Screenshots.SaveForGuideAsync(Page, "what-changed");

        // The plan now holds the sextortion route, with where an adult in the UK reports, and StopNCII explained honestly.
        await Page.GotoAsync(dashboard + "/plan");
        await Page.GetByRole(AriaRole.Link, new() { Name = SextortionStep }).ClickAsync();
        var step = Page.GetByRole(AriaRole.Main);
        await Expect(step).ToContainTextAsync("save the conversation and a link to the account's profile page");
        await Expect(step).ToContainTextAsync("Your local police");
        await Expect(step).ToContainTextAsync("only the fingerprint is shared");
        await Expect(step).Not.ToContainTextAsync("CEOP");
        await Screenshots.SaveForGuideAsync(Page, "sextortion-step");

        // The deadline waits on the dashboard, calmly, with what to do before it.
        await Page.GotoAsync(dashboard);
        var date = Page.Locator("#date-to-plan-for");
        await Expect(date).ToContainTextAsync(deadline.ToString("d MMM yyyy", CultureInfo.InvariantCulture) + ", 18:00");
        await Expect(date).ToContainTextAsync("don't pay or send anything");
        Assert.DoesNotContain("deadline", await Page.TitleAsync(), StringComparison.OrdinalIgnoreCase);
        await Screenshots.SaveForGuideAsync(Page, "dashboard-deadline");
    });
}
