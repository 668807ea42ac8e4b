using IncidentResponse.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

/// <summary>
/// The idle warning for someone using a keyboard and a screen reader, against an app whose idle timeout is 8 s: it
/// appears as an alert dialog with a name and a description (announced when it opens), focus moves into it, and
/// Enter on "Stay signed in" keeps the session.
/// </summary>
[Collection(WithShortIdleApp.Name)]
public sealed class AccessibilityIdleWarningTests(ShortIdleAppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task The_idle_warning_is_announced_and_Enter_keeps_the_session() => RunAsync(async () =>
    {
        var username = Journeys.NewUsername();
        await Page.SignUpAsync(username);
        var dashboard = await Page.CreateCaseAsync("Spring notes");
        await Page.GotoAsync("/account/sign-in?returnUrl=" + Uri.EscapeDataString(new Uri(dashboard).AbsolutePath));
        await Page.SignInAsync(username);
        await Page.WaitForScriptAsync();

        var warning = Page.GetByRole(AriaRole.Alertdialog, new() { Name = "Are you still there?" });
        await Expect(warning).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(warning).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("you will be signed out in"));
        var stay = warning.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" });
        await Expect(stay).ToBeFocusedAsync();

        var extended = await Page.RunAndWaitForResponseAsync(() => Page.Keyboard.PressAsync("Enter"), "**/account/session/extend");
        Assert.Equal(204, extended.Status);
        await Expect(warning).ToBeHiddenAsync();

        // Past the moment the page would have signed itself out, the case is still open.
        await Task.Delay(App.IdleTimeout / 2 + TimeSpan.FromSeconds(1));
        await Expect(Page).ToHaveURLAsync(dashboard);
    });
}
