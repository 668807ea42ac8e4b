using System.Text.RegularExpressions;
using IncidentResponse.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

[Collection(WithApp.Name)]
public sealed class JourneyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private static readonly string[] StepNames =
    [
        "Safety first", "Understand the risk", "Keep a record", "Get it taken down", "Evidence binder", "Trusted allies",
    ];

    [Fact]
    public Task Signing_up_leads_to_starting_a_case_and_the_dashboard_shows_the_journey() => RunAsync(async () =>
    {
        const string title = "Spring notes";

        await Page.GotoAsync("/");
        await Expect(Page.Heading()).ToHaveTextAsync("You are not alone, and you can take this one step at a time");
        await Screenshots.SaveForGuideAsync(Page, "home");

        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("Create an account");
        await Screenshots.SaveForGuideAsync(Page, "sign-up");

        await Page.FillSignUpFormAsync(Journeys.NewUsername(), Journeys.Passphrase);
        await Page.CreateAccountAsync();
        await Expect(Page).ToHaveURLAsync(Journeys.StartCaseUrl());
        await Expect(Page.Heading()).ToHaveTextAsync("Start a case");
        await Screenshots.SaveForGuideAsync(Page, "start-a-case");

        var session = (await Page.Context.CookiesAsync()).SingleOrDefault(c => c.Name == "__Host-ir-session");
        Assert.True(session is { Secure: true, HttpOnly: true, SameSite: SameSiteAttribute.Strict, Path: "/" },
            "The browser should hold the Secure, HttpOnly, SameSite=Strict __Host- session cookie over loopback HTTP.");

        await Page.AccountNavigation().GetByRole(AriaRole.Link, new() { Name = "Your cases" }).ClickAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("Your cases");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("You haven't started a case yet.");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Start a case" }).ClickAsync();
        await Page.CreateCaseAsync(title);

        await Expect(Page.Heading()).ToHaveTextAsync(title);
        await Expect(Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(StepNames);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Next: Safety first" })).ToBeVisibleAsync();
        await Expect(Page).ToHaveTitleAsync("Case · IncidentResponse");
        Assert.DoesNotContain(title, await Page.TitleAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("spring", Page.Url, StringComparison.OrdinalIgnoreCase);
        await Screenshots.SaveForGuideAsync(Page, "dashboard");

        await Page.AccountNavigation().GetByRole(AriaRole.Link, new() { Name = "Your cases" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_sign_up_error_keeps_what_was_typed_and_shows_the_message_by_the_field() => RunAsync(async () =>
    {
        var username = Journeys.NewUsername();
        await Page.GotoAsync("/account/sign-up");
        await Page.FillSignUpFormAsync(username, "short", email: "someone@example.org");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account", Exact = true }).ClickAsync();

        var message = "Use at least 12 characters.";
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync(message);
        await Expect(Page).ToHaveURLAsync(new Regex("/account/sign-up$"));
        await Expect(Page.GetByLabel("Username", new() { Exact = true })).ToHaveValueAsync(username);
        await Expect(Page.GetByLabel("Email address (optional)")).ToHaveValueAsync("someone@example.org");

        // The message sits in the passphrase's own field group, not only in the summary at the top.
        var passphrase = Page.GetByLabel("Passphrase", new() { Exact = true });
        var passphraseField = Page.Locator(".field").Filter(new() { Has = passphrase });
        await Expect(passphraseField.Locator(".field-error")).ToContainTextAsync(message);
        var usernameField = Page.Locator(".field").Filter(new() { Has = Page.GetByLabel("Username", new() { Exact = true }) });
        await Expect(usernameField.Locator(".field-error")).ToHaveCountAsync(0);

        // Passphrases are never echoed back into the page.
        await Expect(passphrase).ToHaveValueAsync("");
        await Expect(Page.GetByLabel("Type the passphrase again")).ToHaveValueAsync("");
    });
}
