using IncidentResponse.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

/// <summary>
/// Passkeys (issue 21) in Chromium with the DevTools virtual authenticator: added after step-up, signing in without a
/// username, named in the list of signed-in devices, removed without locking anyone out. The app is reached as
/// <c>https://localhost:port</c> here, since a passkey's site must be a name, never an address such as 127.0.0.1.
/// </summary>
[Collection(WithApp.Name)]
public sealed class PasskeyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task A_passkey_added_after_step_up_signs_in_without_a_username_and_removing_it_leaves_the_passphrase() => RunAsync(async () =>
    {
        var page = await (await NewContextAsync(byName: true)).NewPageAsync();
        var devtools = await page.Context.NewCDPSessionAsync(page);
        await devtools.SendAsync("WebAuthn.enable");
        await devtools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        var username = Journeys.NewUsername("passkey");
        await page.SignUpAsync(username);

        await page.GotoAsync("/account/sessions");
        await page.GetByRole(AriaRole.Link, new() { Name = "See or add passkeys" }).ClickAsync();
        await ConfirmPassphraseAsync(page);
        await Expect(page.Heading()).ToHaveTextAsync("Passkeys");
        await Expect(page.Locator("#passkeys-none")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Anyone who can unlock this device");
        await page.GetByLabel("A name for it").FillAsync("My phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Expect(page.Locator("#passkey-done")).ToContainTextAsync("Your passkey is added");
        await Expect(page.Locator("#passkeys")).ToContainTextAsync("My phone");
        await Screenshots.SaveForGuideAsync(page, "passkeys");

        // Signing in with it: no username, no passphrase; the device list says how this session began.
        await page.AccountNavigation().GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Expect(page.Heading()).ToHaveTextAsync("Your cases");
        await page.GotoAsync("/account/sessions");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Signed in with the passkey “My phone”");
        await page.GotoAsync("/account/passkeys");
        await ConfirmPassphraseAsync(page);
        await Expect(page.Locator("#passkeys")).ToContainTextAsync("last used");

        // Removing the only passkey: the passphrase still signs in, and the removed passkey no longer does.
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove “My phone”" }).ClickAsync();
        await Expect(page.Locator("#passkey-done")).ToContainTextAsync("You can still sign in with your passphrase");
        await Expect(page.Locator("#passkeys-none")).ToBeVisibleAsync();
        await page.AccountNavigation().GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Expect(page.Locator("#passkey-status")).ToContainTextAsync("That passkey didn't sign you in");
        await page.SignInAsync(username);
        await Expect(page.Heading()).ToHaveTextAsync("Your cases");
    });

    private static async Task ConfirmPassphraseAsync(IPage page)
    {
        await Expect(page.Heading()).ToHaveTextAsync("Enter your passphrase again");
        await page.GetByLabel("Passphrase", new() { Exact = true }).FillAsync(Journeys.Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }
}
