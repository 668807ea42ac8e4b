using System.Diagnostics;
using System.Text.RegularExpressions;
using IncidentResponse.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

/// <summary>
/// The idle warning, against an app whose idle timeout is 8 s: the warning shows 4 s after a page loads and the page
/// signs itself out at 8 s. These tests wait on real timers, because the timers are what they test.
/// </summary>
[Collection(WithShortIdleApp.Name)]
public sealed partial class IdleTimeoutTests(ShortIdleAppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string CaseTitle = "Spring notes";

    private ILocator Warning => Page.GetByRole(AriaRole.Alertdialog, new() { Name = "Are you still there?" });

    [Fact]
    public Task Stay_signed_in_hides_the_warning_and_keeps_the_session() => RunAsync(async () =>
    {
        var dashboard = await OpenDashboardAsync();
        var sinceScriptStarted = Stopwatch.StartNew();
        await Expect(Warning).ToBeHiddenAsync();

        await Expect(Warning).ToBeVisibleAsync(new() { Timeout = 10_000 });
        Assert.True(sinceScriptStarted.Elapsed >= TimeSpan.FromSeconds(3),
            $"The warning should come half the idle time (4 s) after the page loads, not after {sinceScriptStarted.Elapsed}.");
        var stay = Page.GetByRole(AriaRole.Button, new() { Name = "Stay signed in" });
        await Expect(stay).ToBeFocusedAsync();
        var extended = await Page.RunAndWaitForResponseAsync(() => stay.ClickAsync(), "**/account/session/extend");
        Assert.Equal(204, extended.Status);
        await Expect(Warning).ToBeHiddenAsync();

        // Wait past the moment the page would have signed itself out had "Stay signed in" not worked.
        var untilOldDeadline = App.IdleTimeout + TimeSpan.FromSeconds(1) - sinceScriptStarted.Elapsed;
        if (untilOldDeadline > TimeSpan.Zero)
        {
            await Task.Delay(untilOldDeadline);
        }

        await Expect(Page).ToHaveURLAsync(dashboard);
        await Page.AccountNavigation().GetByRole(AriaRole.Link, new() { Name = "Your cases" }).ClickAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("Your cases");
        await Expect(Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = CaseTitle })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Without_activity_the_page_signs_itself_out() => RunAsync(async () =>
    {
        var dashboard = await OpenDashboardAsync();

        await Expect(Warning).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(Page).ToHaveURLAsync(IdleSignedOutUrl(), new() { Timeout = 10_000 });

        await Expect(Page.Heading()).ToHaveTextAsync("You are signed out");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("there was no activity for a while");
        await Expect(Page.Locator("body")).Not.ToContainTextAsync(CaseTitle);
        await Page.GotoAsync(dashboard);
        await Expect(Page).ToHaveURLAsync(Journeys.SignInUrl());
        await Expect(Page.Locator("body")).Not.ToContainTextAsync(CaseTitle);
    });

    /// <summary>
    /// Opens a new case's dashboard straight after signing in. The app records ordinary activity at most every 30 s,
    /// longer than this app's whole idle timeout, so here a session lasts 8 s from sign-in whatever the pages do; the
    /// dashboard must open promptly after signing in for its timers to match the server's.
    /// </summary>
    private async Task<string> OpenDashboardAsync()
    {
        var username = Journeys.NewUsername();
        await Page.SignUpAsync(username);
        var dashboard = await Page.CreateCaseAsync(CaseTitle);
        await Page.GotoAsync("/account/sign-in?returnUrl=" + Uri.EscapeDataString(new Uri(dashboard).AbsolutePath));
        await Page.SignInAsync(username);
        await Expect(Page).ToHaveURLAsync(dashboard);
        await Page.WaitForScriptAsync();
        return dashboard;
    }

    [GeneratedRegex(@"/account/signed-out\?idle=true$")]
    private static partial Regex IdleSignedOutUrl();
}
