using IncidentResponse.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

[Collection(WithApp.Name)]
public sealed class AllyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task The_owner_invites_a_helper_sees_what_they_added_and_revokes_them_at_once() => RunAsync(async () =>
    {
        await Page.SignUpAsync(Journeys.NewUsername());
        var dashboard = await Page.CreateCaseAsync("Spring notes");

        await Page.GetByRole(AriaRole.Link, new() { Name = "People helping you" }).ClickAsync();
        await Page.GetByLabel("Helper:", new() { Exact = false }).CheckAsync();
        await Page.GetByLabel("A note for you (optional)").FillAsync("my friend");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Make an invitation link" }).ClickAsync();
        var link = await Page.Locator("#invitation-link").InputValueAsync();
        Assert.Contains("/invitations/", link, StringComparison.Ordinal);

        // The friend, in a browser of their own.
        var friendContext = await NewContextAsync();
        var friend = await friendContext.NewPageAsync();
        var friendName = Journeys.NewUsername("friend");
        await friend.GotoAsync(link);
        await Expect(friend.Heading()).ToHaveTextAsync("Someone has asked you to help");
        await friend.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await friend.FillSignUpFormAsync(friendName, Journeys.Passphrase);
        await friend.CreateAccountAsync();
        await friend.GetByRole(AriaRole.Button, new() { Name = "Accept and join" }).ClickAsync();
        await Expect(friend.Heading()).ToHaveTextAsync("Spring notes");

        await friend.GotoAsync(new Uri(friend.Url).AbsolutePath + "/log/new");
        await friend.GetByRole(AriaRole.Group, new() { Name = "What happened?" }).GetByLabel("A threat").CheckAsync();
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await friend.GetByLabel("When did it happen?").FillAsync(yesterday);
        await friend.GetByLabel("When did you find out about it?").FillAsync(yesterday);
        await friend.GetByLabel("Where did it happen?").SelectOptionAsync(new SelectOptionValue { Label = "Instagram" });
        await friend.GetByLabel("What happened, in your own words").FillAsync("Noted by a friend.");
        await friend.GetByRole(AriaRole.Group, new() { Name = "How worrying does this feel to you?" }).GetByLabel("Very worrying").CheckAsync();
        await friend.GetByRole(AriaRole.Button, new() { Name = "Save to your record" }).ClickAsync();
        await Expect(friend).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/log/[0-9a-f-]{36}\\?added=true$"));
        await Expect(friend.GetByRole(AriaRole.Main)).ToContainTextAsync("Noted by a friend.");

        await Page.GotoAsync(dashboard + "/activity");
        await Expect(Page.Locator("#activity > li").First).ToContainTextAsync($"{friendName}: Added an entry to the record");
        await Page.GotoAsync(dashboard + "/people");
        await Expect(Page.Locator("#invitations")).ToContainTextAsync($"Accepted by {friendName}");
        await Screenshots.SaveForGuideAsync(Page, "people");

        await Page.Locator("#members li", new() { HasText = friendName }).GetByRole(AriaRole.Button, new() { Name = "Remove from this case" }).ClickAsync();
        await Expect(Page.Locator("#members")).Not.ToContainTextAsync(friendName);

        // The friend's very next requests, with their own cookies (through the context, so the expected 404 is not a
        // page error): refused.
        var entry = friend.Url;
        var again = await friendContext.APIRequest.GetAsync(entry);
        Assert.Equal(404, again.Status);
        Assert.DoesNotContain("Noted by a friend.", await again.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(404, (await friendContext.APIRequest.GetAsync(dashboard)).Status);
        Assert.Equal(200, (await friendContext.APIRequest.GetAsync("/cases")).Status);
    });
}
