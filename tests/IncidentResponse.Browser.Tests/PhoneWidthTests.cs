using System.Globalization;
using System.Text.RegularExpressions;
using IncidentResponse.Browser.Tests.Infrastructure;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Operator.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

/// <summary>
/// Quick exit on a small phone: every page the app maps (found from its endpoints, as the accessibility test finds
/// them), opened by the owner of a full case, by an ally of each role and by a visitor, at 320 and 390 CSS pixels wide, in Chromium
/// behaving as a phone's browser. No page may be wider than the screen (on a phone a wider page drags the fixed Quick
/// exit off the screen with it), Quick exit must lie inside the screen, a tap at its centre must reach it, and as the
/// page opens it must cover none of the page's words or controls.
/// </summary>
[Collection(WithApp.Name)]
public sealed partial class PhoneWidthTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static readonly int[] Widths = [320, 390];

    /// <summary>A case's pages whose words depend on its country (the plan's steps are found from the plan).</summary>
    private static readonly string[] CountryPages =
    [
        "", "/safety", "/plan", "/takedowns/new", "/takedowns/new?platform=reddit", "/takedowns/new?platform=google-search",
        EuropeanPage,
    ];

    /// <summary>A letter page that names the EU country's Digital Services Coordinator (a DSA notice is offered there).</summary>
    private const string EuropeanPage = "/takedowns/new?platform=pornhub";

    /// <summary>
    /// Opening these ends the session; and the load benchmark's baseline, a page without the layout that exists only in
    /// Development, is no page a person sees.
    /// </summary>
    /// <remarks>A language link is not a page either: it would turn the rest of the walk into Spanish (PhoneWidthLanguageTests walks the languages).</remarks>
    private static readonly string[] NotWalked = ["exit", "account/signed-out", "dev/bare", "language/{code}"];

    /// <summary>A real place's address: long, and with no natural place to break a line.</summary>
    private const string Posted =
        "https://www.reddit.com/r/somewhere_else_entirely/comments/k7q2x9v4m1/a_title_written_with_underscores_and_no_spaces_at_all_so_it_never_breaks";

    /// <summary>Where a second copy of the same picture was found: as long, another place.</summary>
    private const string PostedAgain =
        "https://www.reddit.com/r/found_again_elsewhere/comments/p3w8z1c6n5/the_same_title_copied_with_underscores_and_no_spaces_so_it_never_breaks";

    private const string Measure = """
        () => {
          const exit = document.getElementById('quick-exit');
          if (exit === null) return { scrollWidth: 0, innerWidth: 0, innerHeight: 0, left: -1, top: -1, right: 0, bottom: 0, reached: false, widest: 'no Quick exit', covers: '' };
          const box = exit.getBoundingClientRect();
          const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          const width = document.documentElement.clientWidth;
          const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true; } return false; };
          const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : '');
          const wide = [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > width + 0.5 && !scrolls(e) && ![...e.children].some(c => c.getBoundingClientRect().right > width + 0.5))
            .slice(0, 4)
            .map(e => name(e) + ' to ' + Math.round(e.getBoundingClientRect().right) + 'px');
          const meets = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          const covered = new Set();
          const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let n = texts.nextNode(); n; n = texts.nextNode()) {
            if (!n.textContent.trim() || exit.contains(n)) continue;
            const range = document.createRange();
            range.selectNodeContents(n);
            if ([...range.getClientRects()].some(r => r.width > 0 && meets(r, box))) covered.add(n.parentElement);
          }
          for (const e of document.body.querySelectorAll('input, select, textarea, button, img, video')) {
            const r = e.getBoundingClientRect();
            if (r.width > 0 && meets(r, box)) covered.add(e);
          }
          return {
            covers: [...covered].slice(0, 4).map(name).join(', '),
            scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth, innerHeight: window.innerHeight,
            left: box.left, top: box.top, right: box.right, bottom: box.bottom,
            reached: hit !== null && (hit === exit || exit.contains(hit)), widest: wide.join(', ')
          };
        }
        """;

    [Fact]
    public Task Every_page_fits_a_small_phone_with_quick_exit_on_screen_for_the_owner_every_ally_and_a_visitor() => RunAsync(async () =>
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var pages = (await AppPages.AllAsync(App.Services)).Where(p => !NotWalked.Contains(p.Route)).ToList();
        // Each person signs up at a desk, then opens the case on their phone.
        var seeded = await SeedCaseAsync(Page);
        var people = new List<(string Who, IPage Page)> { ("owner", await OnPhoneAsync(Page.Context)) };
        foreach (var (role, invitation) in seeded.Invitations)
        {
            var desk = await (await NewContextAsync()).NewPageAsync();
            await AcceptAsync(desk, invitation);
            people.Add((role.ToLowerInvariant(), await OnPhoneAsync(desk.Context)));
        }

        // And someone not signed in, who meets the home page, sign-up and sign-in first.
        people.Add(("visitor", await (await NewContextAsync(asPhone: true)).NewPageAsync()));

        Output.WriteLine($"Seeded in {clock.Elapsed}");
        var problems = new List<string>();
        var opened = 0;
        foreach (var (who, page) in people)
        {
            var known = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["invitations/{token}"] = new Uri(seeded.PendingInvitation).AbsolutePath,

                // The image itself is linked only once "Show this image" is chosen (it is a file, so is not walked).
                ["cases/{caseId:guid}/evidence/{evidenceId:guid}/preview"] = seeded.Evidence + "/preview",
            };
            opened += await WalkAsync(page, who, pages, seeded.CaseId, known, problems);

            // The picture itself, shown on its evidence page, to those who may see it.
            if (await page.GotoAsync(seeded.Evidence + "?show=true") is { Status: >= 400 } refused)
            {
                ExpectConsoleError(e => e.StartsWith(refused.Url + ":", StringComparison.Ordinal));
            }

            await CheckAsync(page, who, "/cases/{caseId:guid}/evidence/{evidenceId:guid}?show=true", problems);

            // A tap where Quick exit is drawn leaves the site, on the narrowest screen.
            await page.SetViewportSizeAsync(Widths[0], Phone.Height);
            var box = await page.QuickExitLink().BoundingBoxAsync() ?? throw new InvalidOperationException("Quick exit has no box.");
            await page.Mouse.ClickAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
            // Where it lands is what is checked, not how fast (./build.sh bench quick-exit measures that): on a loaded CI
            // machine one such navigation once took longer than Playwright's default 5 s.
            await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(AppFixture.QuickExitUrl.ToString())), new() { Timeout = 20_000 });
        }

        Output.WriteLine($"Opened {opened} pages at {Widths.Length} widths by {clock.Elapsed}");
        Assert.True(opened >= pages.Count, $"Only {opened} pages were opened for {pages.Count} routes.");
        Assert.True(problems.Count == 0, $"{problems.Count} problems on a phone:\n" + string.Join('\n', problems));
    });

    /// <summary>
    /// What some pages say changes with the case's country — its emergency number and helplines, the plan's routes, the
    /// law a letter can cite — and so do their longest words and lines. Those pages, for a case in each country with a
    /// pack of its own and in the EU country with the widest coordinator text, at both widths: the main walk sees one
    /// country only.
    /// </summary>
    [Fact]
    public Task The_pages_that_change_with_the_country_fit_a_small_phone_in_every_country() => RunAsync(async () =>
    {
        await Page.SignUpAsync(Journeys.NewUsername("abroad"));
        await Page.GotoAsync("/cases/new");
        var country = Page.GetByLabel("Where do you live?");
        var codes = await country.Locator("option").EvaluateAllAsync<string[]>("options => options.map(o => o.value).filter(v => v)");
        Assert.True(codes.Length >= 9, $"Only {codes.Length} countries are offered: {string.Join(", ", codes)}");
        var phone = await OnPhoneAsync(Page.Context);
        var catalog = App.Services.GetRequiredService<JurisdictionCatalog>();
        var coordinators = App.Services.GetRequiredService<DigitalServicesCoordinators>();
        var problems = new List<string>();
        var measured = 0;

        // Of the EU countries without a pack (they share the international pack's pages), the one whose coordinator has
        // the longest name and complaint address: the widest text those pages can hold.
        var widest = coordinators.All.Where(c => !catalog.TryGet(c.CountryCode, out _)).MaxBy(c => c.Name.Length + c.ComplaintUrl.Length)!;
        foreach (var code in codes.Where(code => catalog.TryGet(code, out _) || code == widest.CountryCode))
        {
            await Page.GotoAsync("/cases/new");
            await Page.GetByLabel("Case name").FillAsync("Notes " + code);
            await country.SelectOptionAsync(code);
            await Page.AnswerAgeQuestionsAsync("No", "No");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Start the case", Exact = true }).ClickAsync();
            await Expect(Page).ToHaveURLAsync(Journeys.SafetyFirstUrl());
            var dashboard = Page.Url[..^"/safety".Length];

            // An EU country without a pack of its own shows the international pack's pages, measured under "INTL"; only
            // its Digital Services Coordinator, named where a DSA notice is offered, is its own.
            string[] addresses = [dashboard + EuropeanPage];
            if (catalog.TryGet(code, out _))
            {
                await phone.GotoAsync(dashboard + "/plan");
                var steps = await phone.Locator($"main a[href*='{new Uri(dashboard).AbsolutePath}/plan/']")
                    .EvaluateAllAsync<string[]>("links => [...new Set(links.map(a => a.getAttribute('href')))]");
                Assert.NotEmpty(steps);
                addresses = [.. CountryPages.Select(path => dashboard + path), .. steps];
            }

            foreach (var address in addresses)
            {
                var response = await phone.GotoAsync(address);
                Assert.True(response is { Ok: true }, $"{code}: {address} answered {response?.Status}");
                await CheckAsync(phone, $"owner of a case in {code}", new Uri(phone.Url).PathAndQuery.Replace(new Uri(dashboard).AbsolutePath, "/cases/{caseId}", StringComparison.Ordinal), problems);
                measured++;
            }

            if (!catalog.TryGet(code, out _))
            {
                var coordinator = coordinators.All.Single(c => c.CountryCode == code);
                Assert.Contains(coordinator.Name, await phone.Locator("main").TextContentAsync() ?? "", StringComparison.Ordinal);
            }
        }

        Output.WriteLine($"Measured {measured} pages for {codes.Length} countries offered");
        Assert.True(problems.Count == 0, $"{problems.Count} problems on a phone:\n" + string.Join('\n', problems));
    });

    private async Task<IPage> OnPhoneAsync(IBrowserContext desk) =>
        await (await NewContextAsync(asPhone: true, signedInAs: desk)).NewPageAsync();

    /// <summary>Opens every page an address can be found for, and checks it at each width; returns how many it opened.</summary>
    private async Task<int> WalkAsync(
        IPage page, string who, IReadOnlyList<AppPage> pages, string caseId, Dictionary<string, string> known, List<string> problems)
    {
        var opened = 0;
        var measured = new HashSet<string>(StringComparer.Ordinal);
        var pending = pages.ToList();
        var progress = true;
        while (pending.Count > 0 && progress)
        {
            progress = false;
            foreach (var appPage in pending.ToList())
            {
                if (PageAddresses.For(appPage, caseId, known) is not { } address)
                {
                    continue;
                }

                pending.Remove(appPage);
                progress = true;

                // Files (downloads, previews, PDFs) are not pages; nor is an address that leaves the app.
                var probe = await page.Context.APIRequest.GetAsync(address, new() { MaxRedirects = 0 });
                var type = probe.Headers.TryGetValue("content-type", out var value) ? value : "";
                if ((probe.Headers.TryGetValue("location", out var location) && new Uri(App.BaseAddress, location).Host != App.BaseAddress.Host)
                    || (probe.Status is < 300 or >= 400 && !type.StartsWith("text/html", StringComparison.Ordinal)))
                {
                    continue;
                }

                await page.SetViewportSizeAsync(Widths[0], Phone.Height);
                var response = await page.GotoAsync(address);
                if (response is { Status: >= 400 } refused)
                {
                    // An ally is refused some of the owner's pages; the page saying so must fit too.
                    ExpectConsoleError(e => e.StartsWith(refused.Url + ":", StringComparison.Ordinal) && e.Contains($"status of {refused.Status}", StringComparison.Ordinal));
                }

                await PageAddresses.HarvestAsync(page, pages, caseId, known);
                opened++;

                // A page that sent this person somewhere already measured (sign-in, say, or "not found") is not measured twice.
                if (measured.Add(response is { Status: >= 400 } ? "error" : new Uri(page.Url).PathAndQuery))
                {
                    await CheckAsync(page, who, "/" + appPage.Route, problems);
                }
            }
        }

        Assert.True(who != "owner" || pending.Count == 0, "The owner's walk found no address for: " + string.Join(", ", pending.Select(p => p.Route)));
        return opened;
    }

    /// <summary>Measures the open page at each width (narrowest first, as it was loaded) and notes what does not fit.</summary>
    private static async Task CheckAsync(IPage page, string who, string route, List<string> problems)
    {
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, Phone.Height);
            // Measured against the width set, not innerWidth: a phone's browser zooms out to show a page wider than
            // the screen whole, and innerWidth grows with it.
            var m = await page.EvaluateAsync<Measurement>(Measure);
            m.InnerWidth = m.InnerWidth == 0 ? 0 : width;
            m.InnerHeight = m.InnerHeight == 0 ? 0 : Phone.Height;
            var at = $"{who}, {route} at {width}px:";
            if (m.InnerWidth == 0)
            {
                problems.Add($"{at} there is no Quick exit");
                return;
            }

            if (m.ScrollWidth > m.InnerWidth)
            {
                problems.Add($"{at} the page is {m.ScrollWidth}px wide on a {m.InnerWidth}px screen ({m.Widest})");
            }

            if (m.Left < 0 || m.Top < 0 || m.Right > m.InnerWidth || m.Bottom > m.InnerHeight)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{at} Quick exit is at x {m.Left:0}–{m.Right:0}, y {m.Top:0}–{m.Bottom:0}, outside the {m.InnerWidth}×{m.InnerHeight} screen"));
            }
            else if (!m.Reached)
            {
                problems.Add($"{at} something covers Quick exit");
            }

            // As the page opens, Quick exit sits in room left for it and hides none of the page.
            if (m.Covers.Length > 0)
            {
                problems.Add($"{at} Quick exit covers {m.Covers}");
            }
        }
    }

    /// <summary>
    /// A case as full as a real one: safety questions answered, an entry with a place it was found and a phone's JPEG as its evidence (twice, so one says which exhibit it looks like), a letter
    /// drafted about that place, an ally invited in each role and one invitation left pending.
    /// </summary>
    private static async Task<Seeded> SeedCaseAsync(IPage page)
    {
        await page.SignUpAsync(Journeys.NewUsername("owner"));
        var dashboard = await page.CreateCaseAsync("Spring notes");
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
        return new Seeded(caseId, evidence, invitations, pending);
    }

    private static async Task<string> InviteAsync(IPage page, string dashboard, string role)
    {
        await page.GotoAsync(dashboard + "/people");
        await page.GetByLabel(role + ":", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make an invitation link" }).ClickAsync();
        return await page.Locator("#invitation-link").InputValueAsync();
    }

    private static async Task AcceptAsync(IPage page, string invitation)
    {
        await page.GotoAsync(invitation);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await page.FillSignUpFormAsync(Journeys.NewUsername("ally"), Journeys.Passphrase);
        await page.CreateAccountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept and join" }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync("Spring notes");
    }

    private sealed record Seeded(string CaseId, string Evidence, IReadOnlyList<(string Role, string Invitation)> Invitations, string PendingInvitation);

    /// <summary>What <see cref="Measure"/> returns (Playwright fills it by property name).</summary>
    private sealed class Measurement
    {
        public double ScrollWidth { get; set; }

        public double InnerWidth { get; set; }

        public double InnerHeight { get; set; }

        public double Left { get; set; }

        public double Top { get; set; }

        public double Right { get; set; }

        public double Bottom { get; set; }

        public bool Reached { get; set; }

        public string Widest { get; set; } = "";

        public string Covers { get; set; } = "";
    }
}
