using IncidentResponse.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

/// <summary>
/// Issue 21's recovery journey in a real browser: the first codes at sign-up (downloaded as a text file, on a phone's
/// width), then "Forgot your passphrase?" with one of them, and the next sign-in telling the person it happened.
/// </summary>
[Collection(WithApp.Name)]
public sealed class RecoveryJourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string NewPassphrase = "harbour lantern pebble frost";

    [Fact]
    public Task A_forgotten_passphrase_is_reset_with_a_recovery_code_and_the_next_sign_in_says_so() => RunAsync(async () =>
    {
        var username = Journeys.NewUsername("recover");
        await Page.GotoAsync("/account/sign-up");
        await Page.FillSignUpFormAsync(username, Journeys.Passphrase);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account", Exact = true }).ClickAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("One more step: your recovery codes");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show my recovery codes" }).ClickAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("Your recovery codes");
        var codes = (await Page.GetByRole(AriaRole.List, new() { Name = "Your recovery codes" }).GetByRole(AriaRole.Listitem).AllInnerTextsAsync())
            .Select(c => c.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        await Screenshots.SaveForGuideAsync(Page, "recovery-codes");

        // "Download as a text file" is made in the browser from the page: the codes, the username, nothing fetched again.
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Download as a text file" }).ClickAsync());
        Assert.Equal("recovery-codes.txt", download.SuggestedFilename);
        var text = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.All(codes, code => Assert.Contains(code, text, StringComparison.Ordinal));
        Assert.Contains("Username: " + username, text, StringComparison.Ordinal);

        // On a small phone the codes fit the screen and Quick exit stays on it.
        await Page.SetViewportSizeAsync(320, Phone.Height);
        Assert.True(await Page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth"), "The codes page is wider than a 320 px screen.");
        await Expect(Page.QuickExitLink()).ToBeInViewportAsync();
        await Page.SetViewportSizeAsync(Phone.Width, Phone.Height);

        await Page.GetByRole(AriaRole.Link, new() { Name = "I have kept them safe: continue" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(Journeys.StartCaseUrl());
        await Page.AccountNavigation().GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Page.GotoAsync("/account/sign-in");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Forgot your passphrase?" }).ClickAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("Forgot your passphrase?");
        await Page.GetByLabel("Username", new() { Exact = true }).FillAsync(username);
        await Page.GetByLabel("Recovery code").FillAsync(codes[0].ToLowerInvariant());
        await Page.GetByLabel("New passphrase", new() { Exact = true }).FillAsync(NewPassphrase);
        await Page.GetByLabel("Type the new passphrase again").FillAsync(NewPassphrase);
        await Screenshots.SaveForGuideAsync(Page, "recover");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Choose this passphrase" }).ClickAsync();

        await Expect(Page.Heading()).ToHaveTextAsync("Sign in");
        await Expect(Page.Locator("#reset-done")).ToContainTextAsync("Your new passphrase is set");
        await Page.SignInAsync(username, NewPassphrase);
        await Expect(Page.Heading()).ToHaveTextAsync("Your passphrase was reset with a recovery code");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("If that was not you");
        await Screenshots.SaveForGuideAsync(Page, "recovered");
        await Page.GetByRole(AriaRole.Link, new() { Name = "That was me: continue" }).ClickAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("Your cases");

        await Page.GotoAsync("/account/sessions");
        await Expect(Page.Locator("#recovery-codes-left")).ToContainTextAsync("You have 9 of 10 recovery codes left");
    });
}
