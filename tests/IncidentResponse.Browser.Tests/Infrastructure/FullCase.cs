using System.Globalization;
using System.Text.RegularExpressions;
using IncidentResponse.Web.Operator.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests.Infrastructure;

/// <summary>
/// A case as full as a real one, made through the pages in English, with an ally in each role and an invitation left
/// pending; and the walk that opens every page of the app as one of its people. Shared by the walks that must reach every
/// page for every role: the phone-width walk and the pseudo-language walk.
/// </summary>
public sealed record FullCase(string CaseId, string Evidence, IReadOnlyList<(string Role, string Invitation)> Invitations, string PendingInvitation)
{
    /// <summary>The case's name.</summary>
    public const string CaseName = "Spring notes";

    /// <summary>A real place's address: long, and with no natural place to break a line.</summary>
    public const string Posted =
        "https://www.reddit.com/r/somewhere_else_entirely/comments/k7q2x9v4m1/a_title_written_with_underscores_and_no_spaces_at_all_so_it_never_breaks";

    /// <summary>Where a second copy of the same picture was found: as long, another place.</summary>
    public const string PostedAgain =
        "https://www.reddit.com/r/found_again_elsewhere/comments/p3w8z1c6n5/the_same_title_copied_with_underscores_and_no_spaces_so_it_never_breaks";

    /// <summary>
    /// A case as full as a real one: safety questions answered, an entry with a place it was found and a phone's JPEG as its evidence (twice, so one says which exhibit it looks like), a letter
    /// drafted about that place, an ally invited in each role and one invitation left pending.
    /// </summary>
    public static async Task<FullCase> SeedAsync(IPage page)
    {
        await page.SignUpAsync(Journeys.NewUsername("owner"));
        var dashboard = await page.CreateCaseAsync(CaseName);
        var caseId = new Uri(dashboard).Segments[^1];

        await page.GotoAsync(dashboard + "/assessment");
        await page.AnswerAssessmentAsync(_ => "No");
        await Expect(page.Heading()).ToHaveTextAsync("What your answers mean for your plan");

        await page.GotoAsync(dashboard + "/log/new");
        await page.GetByRole(AriaRole.Group, new() { Name = "What happened?" }).GetByLabel("A threat").CheckAsync();
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GetByLabel("When did it happen?").FillAsync(yesterday);
        await page.GetByLabel("When did you find out about it?").FillAsync(yesterday);
        await page.GetByLabel("Where did it happen?").SelectOptionAsync(new SelectOptionValue { Label = "Reddit" });
        await page.GetByLabel("What happened, in your own words").FillAsync("A post with my photos, and the link sent to my sister: " + Posted);
        await page.GetByRole(AriaRole.Group, new() { Name = "How worrying does this feel to you?" }).GetByLabel("Very worrying").CheckAsync();

        // A deadline they set, so the dashboard's calm reminder and the entry's contact details are measured too.
        await page.GetByText("If they contacted you: what they asked for and threatened").ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "What did they ask for?" }).GetByLabel("Money").CheckAsync();
        await page.GetByLabel("If money: how they asked to be paid (optional)").FillAsync("gift cards to " + new string('x', 60));
        await page.GetByLabel("Did they give a deadline? The date (optional)")
            .FillAsync(DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save to your record" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/log/[0-9a-f-]{36}\\?added=true&reassessed=true$"));
        var incident = page.Url.Split('?')[0];

        await page.GetByRole(AriaRole.Link, new() { Name = "Add where it was found" }).ClickAsync();
        await page.GetByLabel("Web addresses").FillAsync(Posted);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add these" }).ClickAsync();
        await Expect(page.Locator("ul.sightings > li")).ToHaveCountAsync(1);

        await page.GotoAsync(incident);
        await page.GetByRole(AriaRole.Link, new() { Name = "Add evidence for this entry" }).ClickAsync();
        await page.GetByLabel("Web address", new() { Exact = true }).FillAsync(Posted);
        await page.GetByLabel("What it shows (optional)").FillAsync("The post, as it looked on my phone");
        await page.GetByLabel("The file").SetInputFilesAsync(new FilePayload
        {
            Name = "IMG_20260102_231455_screenshot_of_the_post_before_it_was_removed.jpg",
            MimeType = "image/jpeg",
            Buffer = DemoImages.ScreenshotJpeg(1080, 1920, 1),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add this file" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/evidence/[0-9a-f-]{36}$"));
        var evidence = new Uri(page.Url).AbsolutePath;

        // A second copy of the same screen, so the first file's page says which exhibit it looks like: measured too.
        await page.GotoAsync(incident);
        await page.GetByRole(AriaRole.Link, new() { Name = "Add evidence for this entry" }).ClickAsync();
        await page.GetByLabel("Web address", new() { Exact = true }).FillAsync(PostedAgain);
        await page.GetByLabel("The file").SetInputFilesAsync(new FilePayload
        {
            Name = "IMG_20260103_080102_the_same_post_found_again_somewhere_else.jpg",
            MimeType = "image/jpeg",
            Buffer = DemoImages.ScreenshotJpeg(1080, 1920, 2),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Add this file" }).ClickAsync();
        await Expect(page.Locator("#look-alikes p").First).ToContainTextAsync("It looks like exhibit 1.");
        await Screenshots.SaveForGuideAsync(page, "look-alike");

        // Where the copy was found is offered as a place of the same entry: one tap, then "Add these".
        await page.GetByRole(AriaRole.Link, new() { Name = "Add it to the same entry as exhibit 1" }).ClickAsync();
        await Expect(page.GetByLabel("Web addresses")).ToHaveValueAsync(PostedAgain);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add these" }).ClickAsync();
        await Expect(page.Locator("ul.sightings > li")).ToHaveCountAsync(2);
        await page.GotoAsync(evidence);
        await Expect(page.Locator("#look-alikes")).ToBeVisibleAsync();

        await page.WritePlatformReportAsync(dashboard, "Reddit", Posted);

        var invitations = new List<(string Role, string Invitation)>();
        foreach (var role in new[] { "Advocate", "Helper", "Viewer" })
        {
            invitations.Add((role, await InviteAsync(page, dashboard, role)));
        }

        var pending = await InviteAsync(page, dashboard, "Viewer");

        // Confirm the passphrase so the binder and export pages themselves open, not the confirmation.
        await page.GotoAsync(dashboard + "/binder");
        await page.GetByLabel("Passphrase").FillAsync(Journeys.Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/binder$"));

        // A binder made, so its job's page (listed on the binder page) is walked too.
        await page.MakeBinderAsync(dashboard);

        // "Download everything" makes its binder as a job too: that page, with the ZIP's button, is listed and walked.
        await page.GotoAsync(dashboard + "/export");
        await page.GetByRole(AriaRole.Button, new() { Name = "Download everything (ZIP)" }).ClickAsync();
        await Expect(page.Locator("#job-progress-text")).ToHaveTextAsync("Your download is ready.", new() { Timeout = 120_000 });
        return new FullCase(caseId, evidence, invitations, pending);
    }

    /// <summary>From the case's people page, makes an invitation link for <paramref name="role"/> and returns it.</summary>
    public static async Task<string> InviteAsync(IPage page, string dashboard, string role)
    {
        await page.GotoAsync(dashboard + "/people");
        await page.GetByLabel(role + ":", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make an invitation link" }).ClickAsync();
        return await page.Locator("#invitation-link").InputValueAsync();
    }

    /// <summary>Opens <paramref name="invitation"/>, creates an account there and joins the case; ends on its dashboard.</summary>
    public static async Task AcceptAsync(IPage page, string invitation)
    {
        await page.GotoAsync(invitation);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await page.FillSignUpFormAsync(Journeys.NewUsername("ally"), Journeys.Passphrase);
        await page.CreateAccountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept and join" }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync(CaseName);
    }


    /// <summary>
    /// Opens, as <paramref name="who"/>, every page of <paramref name="pages"/> an address can be found for, and runs
    /// <paramref name="check"/> on each (once per address it lands on); returns how many it opened.
    /// </summary>
    public async Task<int> WalkAsync(
        IPage page, string who, IReadOnlyList<AppPage> pages, Action<Func<string, bool>> expectConsoleError, Func<IPage, string, Task> check, Func<IPage, Task>? beforeOpening = null)
    {
        var opened = 0;
        var known = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["invitations/{token}"] = new Uri(PendingInvitation).AbsolutePath,

            // The image itself is linked only once "Show this image" is chosen (it is a file, so is not walked).
            ["cases/{caseId:guid}/evidence/{evidenceId:guid}/preview"] = Evidence + "/preview",
        };
        var measured = new HashSet<string>(StringComparer.Ordinal);
        var pending = pages.ToList();
        var progress = true;
        while (pending.Count > 0 && progress)
        {
            progress = false;
            foreach (var appPage in pending.ToList())
            {
                if (PageAddresses.For(appPage, CaseId, known) is not { } address)
                {
                    continue;
                }

                pending.Remove(appPage);
                progress = true;

                // Files (downloads, previews, PDFs) are not pages; nor is an address that leaves the app.
                var probe = await page.Context.APIRequest.GetAsync(address, new() { MaxRedirects = 0 });
                var type = probe.Headers.TryGetValue("content-type", out var value) ? value : "";
                if ((probe.Headers.TryGetValue("location", out var location) && new Uri(new Uri(probe.Url), location).Host != new Uri(probe.Url).Host)
                    || (probe.Status is < 300 or >= 400 && !type.StartsWith("text/html", StringComparison.Ordinal)))
                {
                    continue;
                }

                if (beforeOpening is not null)
                {
                    await beforeOpening(page);
                }

                var response = await page.GotoAsync(address);
                if (response is { Status: >= 400 } refused)
                {
                    // An ally is refused some of the owner's pages; the page saying so is checked too.
                    expectConsoleError(e => e.StartsWith(refused.Url + ":", StringComparison.Ordinal) && e.Contains($"status of {refused.Status}", StringComparison.Ordinal));
                }

                await PageAddresses.HarvestAsync(page, pages, CaseId, known);
                opened++;

                // A page that sent this person somewhere already measured (sign-in, say, or "not found") is not measured twice.
                if (measured.Add(response is { Status: >= 400 } ? "error" : new Uri(page.Url).PathAndQuery))
                {
                    await check(page, "/" + appPage.Route);
                }
            }
        }

        Assert.True(who != "owner" || pending.Count == 0, "The owner's walk found no address for: " + string.Join(", ", pending.Select(p => p.Route)));
        return opened;
    }
}
