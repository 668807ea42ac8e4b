using IncidentResponse.Browser.Tests.Infrastructure;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Takedowns;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace IncidentResponse.Browser.Tests;

/// <summary>
/// The pseudo-language walk (issue 23, ADR 0030): pages opened in <c>qps-Ploc</c>, where every text that came through
/// translation is accented and bracketed, must show no plain ASCII word — in their text, their title and the
/// attributes a person hears or sees (<c>title</c>, <c>aria-label</c>, <c>placeholder</c>, <c>alt</c>, a button's
/// value) — except what is not the app's to translate: the site's name, each language's own name in the language
/// links, user content, and culture data (month names) inside a translated sentence. Every page the app maps is opened by the owner of a full
/// case, by an ally of each role and by someone not signed in (the phone walk's case and walk, <see cref="FullCase"/>).
/// </summary>
[Collection(WithApp.Name)]
public sealed class PseudoLanguageTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    /// <summary>As the phone walk: opening these ends the session, the load benchmark's bare page is no page a person sees, and a language link would change the language.</summary>
    private static readonly string[] NotWalked = ["exit", "account/signed-out", "dev/bare", "language/{code}"];

    /// <summary>
    /// What the seeded case's people typed (user content is theirs, in their own words), and names that are not the
    /// app's to translate: the place's site as the person chose it, and the made-up usernames (<c>owner-…</c>, <c>ally-…</c>).
    /// </summary>
    private static readonly string[] TypedByPeople =
    [
        FullCase.Posted, FullCase.PostedAgain, FullCase.CaseName, "A post with my photos, and the link sent to my sister:",
        "The post, as it looked on my phone", "gift cards to", "IMG_20260102_231455_screenshot_of_the_post_before_it_was_removed.jpg",
        "IMG_20260103_080102_the_same_post_found_again_somewhere_else.jpg", "Reddit",
    ];

    private const string Untranslated = """
        ([roots, allowed]) => {
          const found = [];
          const plain = s => {
            // A web address is an address, not a word (the pages show the places and sources a person may open); nor is a
            // file's SHA-256 fingerprint.
            let rest = s.replace(/\[[^\[\]]*\]/g, ' ').replace(/https?:\/\/\S+/g, ' ').replace(/\b[0-9a-f]{64}\b/g, ' ');
            for (const a of allowed) rest = rest.split(a).join(' ');
            return /[A-Za-z]/.test(rest.replace(/\b(owner|ally)-[0-9a-f]{12}\b/g, ' '));
          };
          // Code (a command to type) is the same in every language; so is anything marked as written in another language.
          const exempt = e => e.closest('script, style, noscript, code, [data-user-content], body [lang]');
          for (const root of roots.flatMap(r => [...document.querySelectorAll(r)])) {
            const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let n = texts.nextNode(); n; n = texts.nextNode()) {
              if (!exempt(n.parentElement) && plain(n.textContent)) found.push(n.textContent.trim());
            }
            for (const e of [root, ...root.querySelectorAll('*')]) {
              if (exempt(e)) continue;
              for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
                const v = e.getAttribute(name);
                if (v && plain(v)) found.push(name + '="' + v + '"');
              }
              if (e.matches('input[type=submit], input[type=button]') && plain(e.value)) found.push('value="' + e.value + '"');
            }
          }
          if (roots.includes('body') && plain(document.title)) found.push('<title>' + document.title);
          return found;
        }
        """;

    /// <summary>
    /// The platforms' and sites' own names (Reddit, WhatsApp, "X (Twitter)"): names, the same in every language; not
    /// "Somewhere else" or "Other website or host", which are words.
    /// </summary>
    private static readonly string[] PlatformNames =
    [
        .. Platforms.All.Where(p => p.Key != Platforms.Other).Select(p => p.Name)
            .Concat(PlatformDirectory.LoadEmbedded(DateOnly.FromDateTime(DateTime.UtcNow)).Entries.Where(e => e.Id != PlatformDirectory.OtherHostId).Select(e => e.Name))
            .Distinct()
            .OrderByDescending(n => n.Length),
    ];

    /// <summary>English culture data a translated sentence may carry (the pseudo-language formats dates as English does).</summary>
    private static readonly string[] CultureData =
    [
        "IncidentResponse", "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "UTC",
    ];

    [Fact]
    public Task Every_word_of_every_page_comes_through_translation_for_the_owner_every_ally_and_a_visitor() => RunAsync(async () =>
    {
        var pages = (await AppPages.AllAsync(App.Services)).Where(p => !NotWalked.Contains(p.Route)).ToList();

        // The case is made in English, as the phone walk makes it; then each of its people opens every page in the
        // pseudo-language, and someone not signed in too.
        var seeded = await FullCase.SeedAsync(Page);
        var people = new List<(string Who, IBrowserContext Desk)> { ("owner", Page.Context) };
        foreach (var (role, invitation) in seeded.Invitations)
        {
            var desk = await (await NewContextAsync()).NewPageAsync();
            await FullCase.AcceptAsync(desk, invitation);
            people.Add((role.ToLowerInvariant(), desk.Context));
        }

        var problems = new List<string>();
        var opened = 0;
        foreach (var (who, desk) in people.Append(("visitor", (IBrowserContext)null!)))
        {
            var context = desk is null ? await NewContextAsync() : await NewContextAsync(signedInAs: desk);
            await ChoosePseudoAsync(context);
            var page = await context.NewPageAsync();
            opened += await seeded.WalkAsync(page, who, pages, ExpectConsoleError, async (open, route) =>
                problems.AddRange((await UntranslatedAsync(open, "body")).Select(p => $"{who}, {p}")));
        }

        Output.WriteLine($"Opened {opened} pages for {pages.Count} routes");
        Assert.True(opened >= pages.Count, $"Only {opened} pages were opened for {pages.Count} routes.");
        Assert.True(problems.Count == 0, $"{problems.Count} words not from translation:\n" + string.Join('\n', problems.Distinct()));
    });

    [Fact]
    public Task The_walk_finds_a_word_left_in_English() => RunAsync(async () =>
    {
        var page = await PseudoPageAsync();
        await page.GotoAsync("/");
        await page.EvaluateAsync("() => { document.querySelector('main h1').append(' left in English'); document.querySelector('.site-name').setAttribute('aria-label', 'Home'); }");

        var found = await UntranslatedAsync(page, "body");

        Assert.Contains(found, f => f.EndsWith("left in English", StringComparison.Ordinal));
        Assert.Contains(found, f => f.EndsWith("aria-label=\"Home\"", StringComparison.Ordinal));
        Assert.Equal(2, found.Count);
    });

    /// <summary>
    /// A page in a browser that has chosen the pseudo-language (its cookie, as a language link sets it; Chromium sends
    /// its own locale as Accept-Language whatever a test adds).
    /// </summary>
    private async Task<IPage> PseudoPageAsync()
    {
        var context = await NewContextAsync();
        await ChoosePseudoAsync(context);
        return await context.NewPageAsync();
    }

    private Task ChoosePseudoAsync(IBrowserContext context) =>
        context.AddCookiesAsync([new Cookie { Name = "__Host-ir-lang", Value = "c%3Dqps-Ploc%7Cuic%3Dqps-Ploc", Url = App.BaseAddress.ToString(), Secure = true }]);

    /// <summary>Each text or attribute under <paramref name="roots"/> with a plain word, after the page's address.</summary>
    private static async Task<IReadOnlyList<string>> UntranslatedAsync(IPage page, params string[] roots)
    {
        var found = await page.EvaluateAsync<string[]>(Untranslated, new object[] { roots, CultureData.Concat(TypedByPeople).Concat(PlatformNames).ToArray() });
        var path = new Uri(page.Url).PathAndQuery;
        return found.Select(f => $"{path}: {f}").ToList();
    }
}
