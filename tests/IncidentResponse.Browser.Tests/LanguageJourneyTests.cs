using System.Globalization;
using System.Text.RegularExpressions;
using IncidentResponse.Browser.Tests.Infrastructure;
using IncidentResponse.Web.Operator.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static IncidentResponse.Browser.Tests.Infrastructure.Words;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

/// <summary>
/// The journey in Spanish and in French (issue 23): a person who chooses their language in the footer signs up, starts
/// a case, reads Safety first, answers the safety questions, writes down what happened with a place it was found and a
/// screenshot, writes a letter to the platform and makes the binder — every step found by the words the page shows in
/// that language (<see cref="Words"/>: the app's own resource files), so a step left in English fails here. Its
/// pictures are the Spanish and French user guides'.
/// </summary>
[Collection(WithApp.Name)]
public sealed class LanguageJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string Posted = "https://www.reddit.com/r/somewhere/comments/k7q2x9/a_post";

    [Theory]
    [InlineData("es", "Español")]
    [InlineData("fr", "Français")]
    public Task The_journey_works_in_the_language_the_person_chose(string language, string languageName) => RunAsync(async () =>
    {
        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = languageName }).ClickAsync();
        In(language);
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", language);

        await Page.GotoAsync("/account/sign-up");
        await Expect(Page.Heading()).ToHaveTextAsync(W("Create an account"));
        await Screenshots.SaveForGuideInLanguageAsync(Page, "sign-up");
        await Page.FillSignUpFormAsync(Journeys.NewUsername(), Journeys.Passphrase);
        await Page.CreateAccountAsync();
        await Expect(Page.Heading()).ToHaveTextAsync(W("Start a case"));
        var dashboard = await Page.CreateCaseAsync(language == "es" ? "Notas de primavera" : "Notes de printemps");
        await Screenshots.SaveForGuideInLanguageAsync(Page, "dashboard");

        await Page.GotoAsync(dashboard + "/safety");
        await Expect(Page.Heading()).ToHaveTextAsync(W("Safety first"));
        await Screenshots.SaveForGuideInLanguageAsync(Page, "safety-first");

        await Page.GotoAsync(dashboard + "/assessment");
        await Page.AnswerAssessmentAsync(_ => "No");
        await Expect(Page.Heading()).ToHaveTextAsync(W("What your answers mean for your plan"));

        var incident = await LogWhatHappenedAsync(dashboard);
        await Screenshots.SaveForGuideInLanguageAsync(Page, "incident");
        await AddScreenshotAsync(incident);
        await Screenshots.SaveForGuideInLanguageAsync(Page, "evidence");

        await Page.WritePlatformReportAsync(dashboard, "Reddit", Posted);
        await Screenshots.SaveForGuideInLanguageAsync(Page, "letter");

        await Page.GotoAsync(dashboard + "/binder");
        await Page.GetByLabel(W("Passphrase")).FillAsync(Journeys.Passphrase);
        await Page.GetByRole(AriaRole.Button, new() { Name = W("Continue") }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/binder$"));
        await Screenshots.SaveForGuideInLanguageAsync(Page, "binder");
        await Page.MakeBinderAsync(dashboard);

        // Quick exit keeps its place and speaks the language on the last page too.
        await Expect(Page.QuickExitLink()).ToBeVisibleAsync();
    });

    /// <summary>Writes down a threat found yesterday on Reddit, and the place it was found; returns the entry's address.</summary>
    private async Task<string> LogWhatHappenedAsync(string dashboard)
    {
        await Page.GotoAsync(dashboard + "/log/new");
        await Page.GetByRole(AriaRole.Group, new() { Name = W("What happened?") }).GetByLabel(W("A threat")).CheckAsync();
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Page.GetByLabel(W("When did it happen?")).FillAsync(yesterday);
        await Page.GetByLabel(W("When did you find out about it?")).FillAsync(yesterday);
        await Page.GetByLabel(W("Where did it happen?")).SelectOptionAsync(new SelectOptionValue { Label = "Reddit" });
        await Page.GetByLabel(W("What happened, in your own words")).FillAsync("Un mensaje · un message");
        await Page.GetByRole(AriaRole.Group, new() { Name = W("How worrying does this feel to you?") }).GetByLabel(W("Very worrying")).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = W("Save to your record") }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/log/[0-9a-f-]{36}\\?added=true"));
        var incident = Page.Url.Split('?')[0];

        await Page.GetByRole(AriaRole.Link, new() { Name = W("Add where it was found") }).ClickAsync();
        await Page.GetByLabel(W("Web addresses")).FillAsync(Posted);
        await Page.GetByRole(AriaRole.Button, new() { Name = W("Add these") }).ClickAsync();
        await Expect(Page.Locator("ul.sightings > li")).ToHaveCountAsync(1);
        await Page.GotoAsync(incident);
        return incident;
    }

    /// <summary>Adds a phone's screenshot as the entry's evidence, and ends on the file's page.</summary>
    private async Task AddScreenshotAsync(string incident)
    {
        await Page.GotoAsync(incident);
        await Page.GetByRole(AriaRole.Link, new() { Name = W("Add evidence for this entry") }).ClickAsync();
        await Page.GetByLabel(W("Web address"), new() { Exact = true }).FillAsync(Posted);
        await Page.GetByLabel(W("The file")).SetInputFilesAsync(new FilePayload
        {
            Name = "captura.jpg",
            MimeType = "image/jpeg",
            Buffer = DemoImages.ScreenshotJpeg(1080, 1920, 1),
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = W("Add this file") }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/evidence/[0-9a-f-]{36}$"));
    }
}
