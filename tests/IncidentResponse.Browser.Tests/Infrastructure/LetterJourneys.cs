using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static IncidentResponse.Browser.Tests.Infrastructure.Words;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests.Infrastructure;

/// <summary>Writing a new letter through its screens (ADR 0016): which letter, which places, about you, what it says.</summary>
public static partial class LetterJourneys
{
    /// <summary>
    /// From the platform's first screen (already shown): chooses <paramref name="kind"/> (by its radio's name; null keeps
    /// the one suggested), ticks <paramref name="places"/>, fills "about you" and the letter's own statements with the
    /// given steps, and writes the draft. Ends on the letter's page.
    /// </summary>
    public static async Task WriteFromKindScreenAsync(
        this IPage page, string? kind, IReadOnlyList<string> places, Func<Task>? aboutYou = null, Func<Task>? statements = null)
    {
        if (kind is not null)
        {
            await page.GetByRole(AriaRole.Radio, new() { Name = kind }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = W("Continue") }).ClickAsync();
        await Expect(page.Locator("#letter-progress")).ToHaveTextAsync(Progress(2, "Which places"));
        foreach (var place in places)
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = place }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = W("Continue") }).ClickAsync();
        await Expect(page.Locator("#letter-progress")).ToHaveTextAsync(Progress(3, "About you"));
        if (aboutYou is not null)
        {
            await aboutYou();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = W("Continue") }).ClickAsync();
        await Expect(page.Locator("#letter-progress")).ToHaveTextAsync(Progress(4, "What the letter says"));
        if (statements is not null)
        {
            await statements();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = W("Write the draft") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(LetterPage());
    }

    /// <summary>A platform report to <paramref name="platform"/> about <paramref name="place"/>, from "Sam Example", as a draft.</summary>
    public static async Task WritePlatformReportAsync(this IPage page, string caseUrl, string platform, string place)
    {
        await page.GotoAsync(caseUrl + "/takedowns/new");
        await page.GetByRole(AriaRole.Radio, new() { Name = platform, Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = W("Continue") }).ClickAsync();
        await page.WriteFromKindScreenAsync(null, [place], () => page.GetByLabel(W("Name"), new() { Exact = true }).FillAsync("Sam Example"));
    }

    /// <summary>The letter's progress line, "Step 2 of 4: Which places", in the flow's language.</summary>
    private static string Progress(int step, string name) =>
        W("Step {0} of {1}: {2}", step, 4, W(name));

    [GeneratedRegex("/takedowns/[0-9a-f-]{36}$")]
    private static partial Regex LetterPage();
}
