using System.Globalization;
using System.Text.RegularExpressions;
using IncidentResponse.Browser.Tests.Infrastructure;
using IncidentResponse.Domain.Safety;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

/// <summary>
/// axe-core (WCAG 2.2 A and AA) over every page the app maps, found from its endpoints: as an anonymous visitor, as the
/// owner of a case that has something on every page, as a viewer ally of that case, and with each form sent empty so
/// its errors are on screen. One browser context per person; zero violations allowed.
/// </summary>
[Collection(WithApp.Name)]
public sealed partial class AccessibilityTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    /// <summary>Opening these ends the session, so only the anonymous visitor walks them.</summary>
    private static readonly string[] EndTheSession = ["exit", "account/signed-out"];

    private const string Posted = "https://www.reddit.com/r/a/comments/a11y1";

    [Fact]
    public Task Every_page_passes_axe_for_visitors_owners_and_viewers_and_with_form_errors_shown() => RunAsync(async () =>
    {
        // A language link is a redirect that would turn the rest of the walk into another language, not a page to audit.
        var pages = (await AppPages.AllAsync(App.Services)).Where(p => p.Route != "language/{code}").ToList();
        foreach (var route in EndTheSession)
        {
            Assert.Contains(pages, p => p.Route == route);
        }

        var audit = new AxeAudit();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var owner = await (await NewContextAsync()).NewPageAsync();
        var (caseId, pendingInvitation, viewerInvitation, preview) = await SeedCaseAsync(owner);
        var viewer = await (await NewContextAsync()).NewPageAsync();
        await FullCase.AcceptAsync(viewer, viewerInvitation);
        Output.WriteLine($"Seeded in {clock.Elapsed}");

        var known = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["invitations/{token}"] = new Uri(pendingInvitation).AbsolutePath,

            // The image itself is linked only once "Show this image" is chosen.
            ["cases/{caseId:guid}/evidence/{evidenceId:guid}/preview"] = preview,

            // The download is linked straight only while the passphrase was entered again a moment ago.
            ["cases/{caseId:guid}/evidence/{evidenceId:guid}/download"] = preview[..^"preview".Length] + "download",
        };
        var signedIn = pages.Where(p => !EndTheSession.Contains(p.Route)).ToList();
        Walk ownerWalk, anonymousWalk;
        try
        {
            ownerWalk = await WalkAsync(owner, "owner", signedIn, caseId, known, audit, sendFormsEmpty: true);
            Output.WriteLine($"Owner walked by {clock.Elapsed}");
            var walks = await Task.WhenAll(
                WalkAsync(viewer, "viewer", signedIn, caseId, new(known), audit, sendFormsEmpty: false),
                WalkAsync(Page, "anonymous", pages, caseId, new(known), audit, sendFormsEmpty: true));
            (var viewerWalk, anonymousWalk) = (walks[0], walks[1]);
            Output.WriteLine($"Viewer and visitor walked by {clock.Elapsed}");
            foreach (var line in ownerWalk.Notes.Concat(viewerWalk.Notes).Concat(anonymousWalk.Notes))
            {
                Output.WriteLine(line);
            }
        }
        finally
        {
            foreach (var line in audit.Audited)
            {
                Output.WriteLine(line);
            }

            Output.WriteLine(audit.Report());
        }

        // Every route was reached by the owner (none left without a real address), and the walk saw real content.
        Assert.DoesNotContain(ownerWalk.Notes, n => n.Contains("answered 404", StringComparison.Ordinal));
        Assert.True(ownerWalk.Unreached.Count == 0, "The owner's walk found no address for: " + string.Join(", ", ownerWalk.Unreached));
        Assert.True(ownerWalk.FormsWithErrors >= 10, $"Only {ownerWalk.FormsWithErrors} forms showed their errors to the owner.");
        Assert.True(anonymousWalk.FormsWithErrors >= 2, $"Only {anonymousWalk.FormsWithErrors} forms showed their errors to a visitor.");
        Assert.True(audit.Violations.Count == 0, audit.Report());
    });

    /// <summary>The audit can fail: a field stripped of its label is reported with its rule, impact and selector.</summary>
    [Fact]
    public Task The_audit_reports_a_planted_violation_with_rule_impact_and_selector() => RunAsync(async () =>
    {
        await Page.GotoAsync("/account/sign-in");
        await Page.EvaluateAsync("() => { document.querySelector('label[for=Input_Username]').remove(); }");

        var audit = new AxeAudit();
        await audit.CheckAsync(Page, "anonymous", "sign-in with a label removed");

        var violation = Assert.Single(audit.Violations);
        Assert.Contains("[critical] label:", violation, StringComparison.Ordinal);
        Assert.Contains("#Input_Username", violation, StringComparison.Ordinal);
    });

    /// <summary>
    /// Opens every page it can find an address for and audits it; addresses for routes with ids come from the links
    /// on the pages already opened. With <paramref name="sendFormsEmpty"/>, each form in the main content is then sent
    /// with its text fields cleared, and the page showing the errors is audited too.
    /// </summary>
    private async Task<Walk> WalkAsync(
        IPage page, string who, IReadOnlyList<AppPage> pages, string caseId, Dictionary<string, string> known, AxeAudit audit, bool sendFormsEmpty)
    {
        var walk = new Walk();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = pages.ToList();
        var progress = true;
        while (pending.Count > 0 && progress)
        {
            progress = false;
            foreach (var appPage in pending.ToList())
            {
                var address = PageAddresses.For(appPage, caseId, known);
                if (address is null)
                {
                    continue;
                }

                pending.Remove(appPage);
                progress = true;
                // Files (downloads, previews, PDFs) are not pages; a redirect is followed by the browser below.
                var probe = await page.Context.APIRequest.GetAsync(address, new() { MaxRedirects = 0 });
                var type = probe.Headers.TryGetValue("content-type", out var value) ? value : "";
                if (probe.Headers.TryGetValue("location", out var location) && new Uri(App.BaseAddress, location).Host != App.BaseAddress.Host)
                {
                    walk.Notes.Add($"{who}: {address} leaves the app for {location}");
                    continue;
                }

                if (probe.Status is < 300 or >= 400 && !type.StartsWith("text/html", StringComparison.Ordinal))
                {
                    walk.Notes.Add($"{who}: {address} is not a page ({probe.Status}, {type})");
                    continue;
                }

                var response = await page.GotoAsync(address);
                if (response is { Status: >= 400 } refused)
                {
                    // A viewer is refused the owner's pages, and the bare error page reports a failure: Chromium logs both.
                    walk.Notes.Add($"{who}: {address} answered {refused.Status}");
                    ExpectConsoleError(e => e.StartsWith(refused.Url + ":", StringComparison.Ordinal) && e.Contains($"status of {refused.Status}", StringComparison.Ordinal));
                }

                await PageAddresses.HarvestAsync(page, pages, caseId, known);
                var landed = response?.Status == 404 ? "404" : new Uri(page.Url).AbsolutePath;
                if (seen.Add(landed))
                {
                    await audit.CheckAsync(page, who, "/" + appPage.Route);
                }

                // Forms are sent from the page's own address only, not from the sign-in page a visitor is sent to.
                if (sendFormsEmpty && appPage.TakesPost && response?.Status == 200 && landed == new Uri(App.BaseAddress, address).AbsolutePath)
                {
                    walk.FormsWithErrors += await SendFormsEmptyAsync(page, who, appPage, address, audit);
                }
            }
        }

        walk.Unreached.AddRange(pending.Select(p => p.Route));
        return walk;
    }

    /// <summary>Sends each post form in the main content with its text cleared; audits each page that shows errors.</summary>
    private static async Task<int> SendFormsEmptyAsync(IPage page, string who, AppPage appPage, string address, AxeAudit audit)
    {
        const string Forms = "main form[method='post' i]";
        const string Editable = "input:not([type=hidden]):not([type=submit]):not([readonly]), textarea:not([readonly]), select";
        var count = await page.Locator(Forms).CountAsync();
        var shown = 0;
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                await page.GotoAsync(address);
            }

            var form = page.Locator(Forms).Nth(i);
            if (await form.Locator(Editable).CountAsync() == 0)
            {
                continue;
            }

            var text = form.Locator("input[type=text], input[type=password], input[type=email], input[type=date], input[type=time], input:not([type]), textarea");
            for (var t = 0; t < await text.CountAsync(); t++)
            {
                // Only what a person can see: a field folded away (an entry's contact part) is left as it is.
                if (await text.Nth(t).IsVisibleAsync() && await text.Nth(t).IsEditableAsync())
                {
                    await text.Nth(t).FillAsync("");
                }
            }

            var submit = form.Locator("button[type=submit], button:not([type]), input[type=submit]").First;
            if (!await submit.IsEnabledAsync())
            {
                continue;
            }

            await submit.ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.Load);
            if (await page.Locator(".error-summary").IsVisibleAsync())
            {
                shown++;
                await audit.CheckAsync(page, who, $"/{appPage.Route}, form {i + 1} sent empty");
            }
        }

        return shown;
    }

    /// <summary>
    /// A case with something on every page: an assessment, an entry, a place found, a file, a takedown letter, a
    /// viewer's invitation and one left pending; the owner has confirmed their passphrase for the binder and export.
    /// </summary>
    private static async Task<(string CaseId, string PendingInvitation, string ViewerInvitation, string Preview)> SeedCaseAsync(IPage page)
    {
        await page.SignUpAsync(Journeys.NewUsername("owner"));
        var dashboard = await page.CreateCaseAsync(FullCase.CaseName);
        var caseId = new Uri(dashboard).Segments[^1];

        await page.GotoAsync(dashboard + "/assessment");
        await page.AnswerAssessmentAsync(_ => "No");
        await Expect(page.Heading()).ToHaveTextAsync("What your answers mean for your plan");

        await page.GotoAsync(dashboard + "/log/new");
        await page.GetByRole(AriaRole.Group, new() { Name = "What happened?" }).GetByLabel("A threat").CheckAsync();
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GetByLabel("When did it happen?").FillAsync(yesterday);
        await page.GetByLabel("When did you find out about it?").FillAsync(yesterday);
        await page.GetByLabel("Where did it happen?").SelectOptionAsync(new SelectOptionValue { Label = "Instagram" });
        await page.GetByLabel("What happened, in your own words").FillAsync("A message saying the photos would be sent to my work.");
        await page.GetByRole(AriaRole.Group, new() { Name = "How worrying does this feel to you?" }).GetByLabel("Very worrying").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save to your record" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/log/[0-9a-f-]{36}\\?added=true$"));

        await page.GotoAsync(dashboard + "/sightings/add");
        await page.GetByLabel("Web addresses").FillAsync(Posted);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add these" }).ClickAsync();
        await Expect(page.Locator("ul.sightings > li")).ToHaveCountAsync(1);

        await page.GotoAsync(dashboard + "/evidence/add");
        await page.GetByLabel("What it shows (optional)").FillAsync("A post on a forum");
        await page.GetByLabel("The file").SetInputFilesAsync(new FilePayload { Name = "screenshot.png", MimeType = "image/png", Buffer = TestImages.Png(24, 12) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add this file" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/evidence/[0-9a-f-]{36}$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show this image" }).ClickAsync();
        var preview = new Uri(new Uri(page.Url), await page.Locator("main img").GetAttributeAsync("src")).AbsolutePath;

        await page.WritePlatformReportAsync(dashboard, "Reddit", Posted);

        var viewerInvitation = await FullCase.InviteAsync(page, dashboard, "Viewer");
        var pendingInvitation = await FullCase.InviteAsync(page, dashboard, "Helper");

        // Confirm the passphrase so the binder and export pages themselves open, not the confirmation.
        await page.GotoAsync(dashboard + "/binder");
        await page.GetByLabel("Passphrase").FillAsync(Journeys.Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/binder$"));

        // A binder made, so its job's page (listed on the binder page) is walked too.
        await page.MakeBinderAsync(dashboard);
        return (caseId, pendingInvitation, viewerInvitation, preview);
    }

    private sealed class Walk
    {
        public List<string> Notes { get; } = [];

        public List<string> Unreached { get; } = [];

        public int FormsWithErrors { get; set; }
    }
}
