using IncidentResponse.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

/// <summary>
/// The translated pages on a small phone (issue 23): Spanish and French run longer than English, so Quick exit, its
/// words translated, must stay on screen and no page may grow wider than the screen in either language; and each page
/// passes axe in the language, as the English walk's pages do.
/// </summary>
public sealed partial class PhoneWidthTests
{
    /// <summary>The pages translated so far (ADR 0030), after the case's address where they start with a slash.</summary>
    private static readonly string[] TranslatedPages =
    [
        "/", "/account/sign-in", "/account/sign-up", "/account/recover", "/account/sessions", "/account/passkeys",
        "/account/passphrase", "/account/delete", "/cases", "/cases/new",
    ];

    private static readonly string[] TranslatedCasePages =
        ["", "/safety", "/plan", "/assessment", "/details", "/delete", "/activity", "/history", "/people", "/questions"];

    [Theory]
    [InlineData("es", "Salida rápida")]
    [InlineData("fr", "Sortie rapide")]
    public Task The_translated_pages_fit_a_small_phone_with_quick_exit_in_the_language(string language, string quickExit) => RunAsync(async () =>
    {
        await Page.SignUpAsync(Journeys.NewUsername("lang"));
        var dashboard = await Page.CreateCaseAsync("Notes " + language);
        var phone = await OnPhoneAsync(Page.Context);
        await phone.GotoAsync("/");
        await phone.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = language == "es" ? "Español" : "Français" }).ClickAsync();
        await Expect(phone.Locator("#quick-exit")).ToHaveTextAsync(quickExit);
        if (language == "es")
        {
            await Screenshots.SaveForGuideAsync(phone, "home-es");
        }
        else
        {
            await Screenshots.SaveForGuideAsync(phone, "home-fr");
        }

        var plan = new Uri(dashboard).AbsolutePath + "/plan/";
        await phone.GotoAsync(dashboard + "/plan");
        var steps = await phone.Locator($"main a[href*='{plan}']").EvaluateAllAsync<string[]>("links => [...new Set(links.map(a => a.getAttribute('href')))]");
        Assert.NotEmpty(steps);
        var problems = new List<string>();
        var axe = new AxeAudit();
        foreach (var address in TranslatedPages.Concat(TranslatedCasePages.Select(p => dashboard + p)).Concat(steps))
        {
            var response = await phone.GotoAsync(address);
            Assert.True(response is { Ok: true }, $"{address} answered {response?.Status}");
            await Expect(phone.Locator("#quick-exit")).ToHaveTextAsync(quickExit);
            var route = new Uri(phone.Url).PathAndQuery.Replace(new Uri(dashboard).AbsolutePath, "/cases/{caseId}", StringComparison.Ordinal);
            await CheckAsync(phone, $"owner, in {language}", route, problems);
            await axe.CheckAsync(phone, $"owner, in {language}", route);
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems on a phone:\n" + string.Join('\n', problems));
        Assert.True(axe.Violations.Count == 0, axe.Report());
    }, language);
}
