using IncidentResponse.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

/// <summary>
/// The translated pages on a small phone (issue 23): Spanish and French run longer than English, so Quick exit, its
/// words translated, must stay on screen and no page may grow wider than the screen in either language; and each page
/// passes axe in the language, as the English walk's pages do. Every page, for the owner of a full case (as the English
/// walk makes it) and for someone not signed in.
/// </summary>
public sealed partial class PhoneWidthTests
{
    [Theory]
    [InlineData("es", "Salida rápida")]
    [InlineData("fr", "Sortie rapide")]
    public Task Every_page_fits_a_small_phone_with_quick_exit_in_the_language(string language, string quickExit) => RunAsync(async () =>
    {
        var pages = (await AppPages.AllAsync(App.Services)).Where(p => !NotWalked.Contains(p.Route)).ToList();
        var seeded = await FullCase.SeedAsync(Page);
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

        // The owner of the full case, then someone not signed in who has chosen the language too.
        var visitor = await (await NewContextAsync(asPhone: true)).NewPageAsync();
        await visitor.GotoAsync("/");
        await visitor.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = language == "es" ? "Español" : "Français" }).ClickAsync();
        var problems = new List<string>();
        var axe = new AxeAudit();
        var opened = 0;
        foreach (var (who, page) in new[] { ($"owner, in {language}", phone), ($"visitor, in {language}", visitor) })
        {
            opened += await seeded.WalkAsync(page, who, pages, ExpectConsoleError, async (open, route) =>
            {
                await Expect(open.Locator("#quick-exit")).ToHaveTextAsync(quickExit);
                await CheckAsync(open, who, route, problems);
                await axe.CheckAsync(open, who, route);
            }, p => p.SetViewportSizeAsync(Widths[0], Phone.Height));
        }

        Assert.True(opened >= pages.Count, $"Only {opened} pages were opened for {pages.Count} routes.");
        Assert.True(problems.Count == 0, $"{problems.Count} problems on a phone:\n" + string.Join('\n', problems));
        Assert.True(axe.Violations.Count == 0, axe.Report());
    }, language);
}
