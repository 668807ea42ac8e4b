using IncidentResponse.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace IncidentResponse.Browser.Tests;

/// <summary>
/// The pseudo-language walk (issue 23, ADR 0030): pages opened in <c>qps-Ploc</c>, where every text that came through
/// translation is accented and bracketed, must show no plain ASCII word — in their text, their title and the
/// attributes a person hears or sees (<c>title</c>, <c>aria-label</c>, <c>placeholder</c>, <c>alt</c>, a button's
/// value) — except what is not the app's to translate: the site's name, each language's own name in the language
/// links, user content, and culture data (month names) inside a translated sentence. It grows with every feature
/// folder translated; pages not yet translated are listed in ADR 0030.
/// </summary>
[Collection(WithApp.Name)]
public sealed class PseudoLanguageTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    /// <summary>Pages anyone can open, translated whole.</summary>
    private static readonly string[] PublicPages =
        ["/", "/error/404", "/error/500", "/error/429", "/account/sign-in", "/account/sign-up", "/account/recover", "/account/signed-out"];

    /// <summary>A signed-in person's own pages, translated whole.</summary>
    private static readonly string[] AccountPages =
        ["/account/sessions", "/account/passkeys", "/account/passphrase", "/account/recovery-codes", "/account/delete", "/cases", "/cases/new"];

    /// <summary>A case's pages translated whole, after the case's address.</summary>
    private static readonly string[] CasePages = ["", "/details", "/delete", "/activity", "/history", "/people", "/questions"];

    /// <summary>The case's name, typed by the person: their words, with no letter the walk would take for the app's.</summary>
    private const string CaseName = "Ŧŧ ŋŋ 2026";

    private const string Untranslated = """
        ([roots, allowed]) => {
          const found = [];
          const plain = s => {
            let rest = s.replace(/\[[^\[\]]*\]/g, ' ');
            for (const a of allowed) rest = rest.split(a).join(' ');
            return /[A-Za-z]/.test(rest);
          };
          const exempt = e => e.closest('script, style, noscript, [data-user-content], body [lang]');
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

    /// <summary>English culture data a translated sentence may carry (the pseudo-language formats dates as English does).</summary>
    private static readonly string[] CultureData =
    [
        "IncidentResponse", "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "UTC",
    ];

    [Fact]
    public Task Every_word_of_the_public_pages_comes_through_translation() => RunAsync(async () =>
    {
        var page = await PseudoPageAsync();
        ExpectConsoleError(e => e.Contains("/error/", StringComparison.Ordinal) && e.Contains("Failed to load resource", StringComparison.Ordinal));
        var problems = new List<string>();
        foreach (var url in PublicPages)
        {
            await page.GotoAsync(url);
            problems.AddRange(await UntranslatedAsync(page, "body"));
        }

        Assert.True(problems.Count == 0, "Words not from translation:\n" + string.Join('\n', problems));
    });

    [Fact]
    public Task Every_word_of_a_persons_own_pages_and_of_a_case_comes_through_translation() => RunAsync(async () =>
    {
        // The case is made in English; the same person then opens it in the pseudo-language.
        await Page.GotoAsync("/");
        var username = Journeys.NewUsername();
        await Page.SignUpAsync(username);
        var dashboard = await Page.CreateCaseAsync(CaseName);
        var context = await NewContextAsync(signedInAs: Page.Context);
        await ChoosePseudoAsync(context);
        var page = await context.NewPageAsync();

        var problems = new List<string>();
        foreach (var url in AccountPages.Concat(CasePages.Select(p => new Uri(dashboard).AbsolutePath + p)))
        {
            await page.GotoAsync(url);
            problems.AddRange(await UntranslatedAsync(page, "body"));
        }

        // The person's own username is theirs, not the app's.
        problems.RemoveAll(p => p.Contains(username, StringComparison.Ordinal));
        Assert.True(problems.Count == 0, "Words not from translation:\n" + string.Join('\n', problems));
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
        var found = await page.EvaluateAsync<string[]>(Untranslated, new object[] { roots, CultureData });
        var path = new Uri(page.Url).PathAndQuery;
        return found.Select(f => $"{path}: {f}").ToList();
    }
}
