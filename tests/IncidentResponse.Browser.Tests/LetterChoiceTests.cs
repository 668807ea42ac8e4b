using System.Globalization;
using System.Text.RegularExpressions;
using IncidentResponse.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

/// <summary>
/// Choosing and writing a letter on a 390 px phone (ADR 0016): the platform's own report is suggested first, the
/// kinds made for other countries wait behind "Show other kinds", and each of the four screens stays short, passes axe
/// and keeps what was typed when going back.
/// </summary>
[Collection(WithApp.Name)]
public sealed partial class LetterChoiceTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    /// <summary>
    /// The tallest a screen of the new-letter form may be, in CSS pixels at 390 px wide: two 844 px phone screens and a
    /// bit (the longest, the copyright notice's statements, quotes two legal sentences in full). The one-page form it
    /// replaced was about 3,700 px; a bound near half of that fails if the fields of every kind come back.
    /// </summary>
    private const int TallestScreen = 2_000;

    private const string Posted = "https://x.com/someone/status/1850000000000000123";

    [Fact]
    public Task A_uk_person_is_suggested_xs_own_report_first_and_writes_it_on_short_screens() => RunAsync(async () =>
    {
        await Page.SignUpAsync(Journeys.NewUsername());
        var caseUrl = await Page.CreateCaseAsync("Spring notes");
        await Page.GotoAsync(caseUrl + "/details");
        await Page.GetByLabel("Where do you live?").SelectOptionAsync("GB");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Page.GotoAsync(caseUrl + "/sightings/add");
        await Page.GetByLabel("Web addresses").FillAsync(Posted);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add these" }).ClickAsync();
        await Expect(Page.Locator("ul.sightings > li")).ToHaveCountAsync(1);
        var axe = new AxeAudit();

        await Page.GotoAsync(caseUrl + "/takedowns/new");
        await Page.GetByRole(AriaRole.Radio, new() { Name = "X", Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // 1. Which letter: X's own report first and chosen; the US and EU laws only behind "Show other kinds".
        var kinds = Page.Locator("#Input_Kind input[name='Input.Kind']");
        await Expect(kinds.First).ToHaveAttributeAsync("value", "PlatformPolicyReport");
        await Expect(kinds.First).ToBeCheckedAsync();
        await Expect(Page.GetByRole(AriaRole.Radio, new() { Name = "Start with X's own report" })).ToBeVisibleAsync();
        var takeItDown = Page.GetByRole(AriaRole.Radio, new() { Name = "A TAKE IT DOWN Act request (United States)" });
        await Expect(takeItDown).ToBeHiddenAsync();
        await Page.GetByText("Show other kinds").ClickAsync();
        await Expect(takeItDown).ToBeVisibleAsync();
        await Expect(Page.Locator("#kind-TakeItDownRequest-hint")).ToContainTextAsync("United States law");
        await Page.GetByText("Show other kinds").ClickAsync();
        await CheckScreenAsync(axe, 1, "Which letter");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // 2. Which places.
        await CheckScreenAsync(axe, 2, "Which places");
        await Page.GetByRole(AriaRole.Checkbox, new() { Name = Posted }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // 3. About you; going back and forward keeps what was typed.
        await CheckScreenAsync(axe, 3, "About you");
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Sam Example");
        await Page.GetByLabel("Email", new() { Exact = true }).FillAsync("sam@example.org");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Back" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Checkbox, new() { Name = Posted })).ToBeCheckedAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(Page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Sam Example");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // 4. What the letter says: a platform report's own statements, nothing about copyright or perjury.
        await CheckScreenAsync(axe, 4, "What the letter says");
        await Expect(Page.Locator("main form")).Not.ToContainTextAsync("perjury");
        await Expect(Page.Locator("main form")).Not.ToContainTextAsync("copyright");
        await Page.GetByLabel("I confirm the good-faith statement").CheckAsync();
        await Page.GetByLabel("I sign this letter").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Write the draft" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(LetterPage());
        await Expect(Page.Locator("#missing")).ToHaveCountAsync(0);

        // The longest kind, a copyright notice, stays within the bound on every screen too.
        await Page.GotoAsync(caseUrl + "/takedowns/new?platform=x");
        await Page.GetByRole(AriaRole.Radio, new() { Name = "A copyright notice" }).CheckAsync();
        foreach (var (step, title) in new[] { (2, "Which places"), (3, "About you"), (4, "What the letter says") })
        {
            await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await CheckScreenAsync(axe, step, title);
        }

        await Expect(Page.Locator("main form")).ToContainTextAsync("penalty of perjury");
        Assert.True(axe.Violations.Count == 0, axe.Report());
    });

    /// <summary>Checks the screen shown is step <paramref name="step"/>, passes axe and is no taller than <see cref="TallestScreen"/>.</summary>
    private async Task CheckScreenAsync(AxeAudit axe, int step, string title)
    {
        await Expect(Page.Locator("#letter-progress")).ToHaveTextAsync($"Step {step} of 4: {title}");
        // To the end of the page's own content: the footer below it (Quick exit's note, the language links) is the same on every page.
        var height = await Page.EvaluateAsync<int>("() => Math.ceil(document.querySelector('main').getBoundingClientRect().bottom + window.scrollY)");
        Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Step {step} ({title}): {height} px tall at 390 px wide."));
        Assert.True(height <= TallestScreen, string.Create(CultureInfo.InvariantCulture, $"Step {step} ({title}) is {height} px tall; at most {TallestScreen} px."));
        await axe.CheckAsync(Page, "owner", $"new letter, step {step}");
    }

    [GeneratedRegex("/takedowns/[0-9a-f-]{36}$")]
    private static partial Regex LetterPage();
}
