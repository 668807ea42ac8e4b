using System.Globalization;
using System.Text.RegularExpressions;
using IncidentResponse.Domain.Safety;
using Microsoft.Playwright;
using static IncidentResponse.Browser.Tests.Infrastructure.Words;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests.Infrastructure;

/// <summary>
/// What a person does, driven through the real forms with the locators a screen-reader user would rely on (labels,
/// roles and accessible names). Each step ends when the app has answered, so the next step can start straight away.
/// </summary>
public static partial class Journeys
{
    /// <summary>Passes the passphrase policy (long enough, not a common one, no username in it).</summary>
    public const string Passphrase = "velvet harbour pencil drum";

    /// <summary>A username no other test uses (the tests of a collection share one database).</summary>
    public static string NewUsername(string prefix = "person") =>
        $"{prefix}-{Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12]}";

    public static ILocator Heading(this IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The header's account links: "Your cases", "Signed-in devices", "Sign out" (or "Sign in" when signed out).</summary>
    public static ILocator AccountNavigation(this IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = W("Account") });

    public static ILocator QuickExitLink(this IPage page) => page.GetByRole(AriaRole.Link, new() { Name = W("Quick exit"), Exact = true });

    /// <summary>Opens the sign-up form, creates the account and waits to be asked to start a case.</summary>
    public static async Task SignUpAsync(this IPage page, string username, string passphrase = Passphrase)
    {
        await page.GotoAsync("/account/sign-up");
        await page.FillSignUpFormAsync(username, passphrase);
        await page.CreateAccountAsync();
        await Expect(page).ToHaveURLAsync(StartCaseUrl());
    }

    /// <summary>Sends the filled sign-up form and takes the next screen's first recovery codes, as a person would.</summary>
    public static async Task CreateAccountAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = W("Create account"), Exact = true }).ClickAsync();
        await page.TakeRecoveryCodesAsync();
    }

    /// <summary>On "One more step: your recovery codes": shows the ten codes and returns them, then continues.</summary>
    public static async Task<IReadOnlyList<string>> TakeRecoveryCodesAsync(this IPage page)
    {
        await Expect(page.Heading()).ToHaveTextAsync(W("One more step: your recovery codes"));
        await page.GetByRole(AriaRole.Button, new() { Name = W("Show my recovery codes") }).ClickAsync();
        var codes = page.GetByRole(AriaRole.List, new() { Name = W("Your recovery codes") }).GetByRole(AriaRole.Listitem);
        await Expect(codes).ToHaveCountAsync(10);
        var shown = await codes.AllInnerTextsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = W("I have kept them safe: continue") }).ClickAsync();
        return [.. shown.Select(c => c.Trim())];
    }

    /// <summary>Fills the sign-up form on the current page without sending it.</summary>
    public static async Task FillSignUpFormAsync(
        this IPage page, string username, string passphrase, string? confirmation = null, string? email = null)
    {
        await page.GetByLabel(W("Username"), new() { Exact = true }).FillAsync(username);
        await page.GetByLabel(W("Passphrase"), new() { Exact = true }).FillAsync(passphrase);
        await page.GetByLabel(W("Type the passphrase again")).FillAsync(confirmation ?? passphrase);
        if (email is not null)
        {
            await page.GetByLabel(W("Email address (optional)")).FillAsync(email);
        }
    }

    /// <summary>Signs in on the sign-in page the app has sent us to, or opens it first.</summary>
    public static async Task SignInAsync(this IPage page, string username, string passphrase = Passphrase)
    {
        if (!SignInUrl().IsMatch(page.Url))
        {
            await page.GotoAsync("/account/sign-in");
        }

        await page.GetByLabel(W("Username"), new() { Exact = true }).FillAsync(username);
        await page.GetByLabel(W("Passphrase"), new() { Exact = true }).FillAsync(passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = W("Sign in"), Exact = true }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(SignInUrl());
    }

    /// <summary>
    /// Starts a case from the "Start a case" form (opening it unless it is already open). Unless told otherwise, the
    /// person answers both age questions "No" (only then does a case keep files). A new case opens on "Safety first";
    /// this then goes on to the case's dashboard and returns its address.
    /// </summary>
    public static async Task<string> CreateCaseAsync(this IPage page, string title, bool answerAdult = true)
    {
        if (!StartCaseUrl().IsMatch(page.Url))
        {
            await page.GotoAsync("/cases/new");
        }

        await page.GetByLabel(W("Case name")).FillAsync(title);
        if (answerAdult)
        {
            await page.AnswerAgeQuestionsAsync("No", "No");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = W("Start the case"), Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(SafetyFirstUrl());
        await Expect(page.Heading()).ToHaveTextAsync(W("Safety first"));
        await page.GetByRole(AriaRole.Link, new() { Name = W("Back to your case") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(DashboardUrl());
        return page.Url;
    }

    /// <summary>
    /// Answers the threat assessment one screen at a time, from its first step (the page must be showing it): checks
    /// <paramref name="answerFor"/>'s answer to each question on screen, lets <paramref name="onStep"/> look at the
    /// answered screen, then presses Next, or on the last step the button that finishes.
    /// </summary>
    public static async Task AnswerAssessmentAsync(this IPage page, Func<ThreatQuestion, string> answerFor, Func<int, Task>? onStep = null)
    {
        var steps = ThreatQuestionnaire.Steps.Count;
        for (var step = 1; step <= steps; step++)
        {
            // "Step 1 of 4: …", the step's own name after it.
            var progress = W("Step {0} of {1}: {2}");
            await Expect(page.GetByText(string.Format(CultureInfo.InvariantCulture, System.Text.CompositeFormat.Parse(progress[..progress.IndexOf("{2}", StringComparison.Ordinal)]), step, steps))).ToBeVisibleAsync();
            foreach (var question in ThreatQuestionnaire.QuestionsOnStep(step))
            {
                await page.GetByRole(AriaRole.Group, new() { Name = W(question.Text), Exact = false })
                    .GetByLabel(W(answerFor(question)), new() { Exact = true }).CheckAsync();
            }

            if (onStep is not null)
            {
                await onStep(step);
            }

            var button = step == steps ? W("See what this means for your plan") : W("Next");
            await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        }
    }

    /// <summary>Chooses the answers to "Are you under 18?" and "Were any of the images made when someone in them was under 18?".</summary>
    public static async Task AnswerAgeQuestionsAsync(this IPage page, string underEighteenNow, string madeUnderEighteen)
    {
        await page.GetByRole(AriaRole.Group, new() { Name = W("Are you under 18?") }).GetByLabel(W(underEighteenNow), new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = W("Were any of the images made when someone in them was under 18?") })
            .GetByLabel(W(madeUnderEighteen), new() { Exact = true }).CheckAsync();
    }

    /// <summary>Waits until the page's script has run, for tests of what it adds (Esc, the idle warning).</summary>
    /// <summary>
    /// From the binder page (passphrase confirmed), presses "Download the PDF" and waits on the job's page until the
    /// binder is ready, so the page lists a job and its page can be walked; leaves the page on the binder page again.
    /// </summary>
    public static async Task MakeBinderAsync(this IPage page, string dashboard)
    {
        await page.GotoAsync(dashboard + "/binder");
        await page.GetByRole(AriaRole.Button, new() { Name = W("Download the PDF") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/binder/jobs/[0-9a-f-]{36}$"));
        await Expect(page.Locator("#download-job")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await page.GotoAsync(dashboard + "/binder");
    }

    public static Task WaitForScriptAsync(this IPage page) =>
        Expect(page.Locator("html")).ToHaveClassAsync(ScriptRan());

    [GeneratedRegex(@"/cases/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    public static partial Regex DashboardUrl();

    [GeneratedRegex(@"/cases/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/safety$")]
    public static partial Regex SafetyFirstUrl();

    [GeneratedRegex(@"/cases/new$")]
    public static partial Regex StartCaseUrl();

    [GeneratedRegex(@"/account/sign-in(\?|$)")]
    public static partial Regex SignInUrl();

    /// <summary>The class the page's script puts on the root element as soon as it runs.</summary>
    [GeneratedRegex(@"(^|\s)has-js(\s|$)")]
    public static partial Regex ScriptRan();
}
