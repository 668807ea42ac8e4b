using IncidentResponse.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

/// <summary>The browser's own time zone offered at sign-up, and the invitation link's Copy button.</summary>
[Collection(WithApp.Name)]
public sealed class LocalTimeTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Copy_puts_the_whole_invitation_link_on_the_clipboard_and_says_so() => RunAsync(async () =>
    {
        await Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = App.BaseAddress.GetLeftPart(UriPartial.Authority) });
        await Page.SignUpAsync(Journeys.NewUsername());
        await Page.CreateCaseAsync("Spring notes");
        await Page.GetByRole(AriaRole.Link, new() { Name = "People helping you" }).ClickAsync();
        await Page.GetByLabel("Helper:", new() { Exact = false }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Make an invitation link" }).ClickAsync();
        var link = await Page.GetByLabel("Invitation link").InputValueAsync();
        Assert.Contains("/invitations/", link, StringComparison.Ordinal);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Copy the link" }).ClickAsync();

        await Expect(Page.Locator("#copy-status")).ToHaveTextAsync("Copied. You can paste the link into a message now.");
        Assert.Equal(link, await Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    });

    [Fact]
    public Task Without_javascript_the_link_is_there_to_select_and_no_copy_button_is_shown() => RunAsync(async () =>
    {
        var context = await NewContextAsync(javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        await page.SignUpAsync(Journeys.NewUsername());
        await page.CreateCaseAsync("Spring notes");
        await page.GetByRole(AriaRole.Link, new() { Name = "People helping you" }).ClickAsync();
        await page.GetByLabel("Helper:", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make an invitation link" }).ClickAsync();

        Assert.Contains("/invitations/", await page.GetByLabel("Invitation link").InputValueAsync(), StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy the link" })).ToBeHiddenAsync();
    });

    [Fact]
    public Task Sign_up_starts_on_the_browser_time_zone_and_pages_then_use_it() => RunAsync(async () =>
    {
        var context = await NewContextAsync(timeZone: "Asia/Tokyo");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-up");
        await Expect(page.GetByLabel("Your time zone (optional)")).ToHaveValueAsync("Asia/Tokyo");

        await page.FillSignUpFormAsync(Journeys.NewUsername(), Journeys.Passphrase);
        await page.CreateAccountAsync();
        await page.GotoAsync("/account/sessions");

        await Expect(page.Locator("#time-zone-now")).ToContainTextAsync("shown in Tokyo time");
        await Expect(page.Locator("main time").First).ToContainTextAsync("Tokyo time");
    });
}
