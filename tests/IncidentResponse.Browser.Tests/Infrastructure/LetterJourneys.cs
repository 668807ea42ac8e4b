using System.Text.RegularExpressions;
using Microsoft.Playwright;
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

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator("#letter-progress")).ToHaveTextAsync("Step 2 of 4: Which places");
        foreach (var place in places)
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = place }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator("#letter-progress")).ToHaveTextAsync("Step 3 of 4: About you");
        if (aboutYou is not null)
        {
            await aboutYou();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator("#letter-progress")).ToHaveTextAsync("Step 4 of 4: What the letter says");
        if (statements is not null)
        {
            await statements();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Write the draft" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(LetterPage());
    }

    /// <summary>A platform report to <paramref name="platform"/> about <paramref name="place"/>, from "Sam Example", as a draft.</summary>
    public static async Task WritePlatformReportAsync(this IPage page, string caseUrl, string platform, string place)
    {
        await page.GotoAsync(caseUrl + "/takedowns/new");
        await page.GetByRole(AriaRole.Radio, new() { Name = platform, Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WriteFromKindScreenAsync(null, [place], () => page.GetByLabel("Name", new() { Exact = true }).FillAsync("Sam Example"));
    }

    [GeneratedRegex("/takedowns/[0-9a-f-]{36}$")]
    private static partial Regex LetterPage();
}
