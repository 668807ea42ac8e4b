using System.Collections.Concurrent;
using IncidentResponse.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

[Collection(WithApp.Name)]
public sealed class PrivacyTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task No_page_requests_anything_from_another_host() => RunAsync(async () =>
    {
        var requested = new ConcurrentQueue<string>();
        Page.Request += (_, request) => requested.Enqueue(request.Url);

        await Page.GotoAsync("/");
        await Page.GotoAsync("/account/sign-in");
        await Page.SignUpAsync(Journeys.NewUsername());
        await Page.GotoAsync("/cases");
        await Page.CreateCaseAsync("Spring notes");
        await Page.GotoAsync("/account/sessions");
        await Expect(Page.Heading()).ToHaveTextAsync("Where you are signed in");
        await Page.AccountNavigation().GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("You are signed out");

        var own = requested.Where(IsApp).ToList();
        Assert.Contains(own, url => url.Contains("/css/site.css", StringComparison.Ordinal));
        Assert.Contains(own, url => url.Contains("/js/site.js", StringComparison.Ordinal));
        Assert.All(requested, url => Assert.True(IsApp(url), $"{url} is not on the app's host."));
        Assert.Empty(OffSiteRequests);
    });

    private bool IsApp(string url) =>
        Uri.Compare(new Uri(url), App.BaseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
