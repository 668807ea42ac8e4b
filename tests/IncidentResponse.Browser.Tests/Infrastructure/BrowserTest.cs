using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace IncidentResponse.Browser.Tests.Infrastructure;

/// <summary>A request a page made to a host other than the app's.</summary>
public sealed record OffSiteRequest(string Url, string ResourceType, bool IsNavigation)
{
    /// <summary>Quick exit's own destination, reached by navigating the page: the only off-site request we expect.</summary>
    public bool IsQuickExit => IsNavigation && new Uri(Url).Host == AppFixture.QuickExitUrl.Host;
}

/// <summary>
/// Base for browser tests: a fresh phone-sized browser context per test, every off-site request answered by a stub and
/// recorded, console errors collected, and <see cref="RunAsync"/> to wrap the test body (a screenshot on failure; no
/// off-site request other than quick exit's and no console error on success).
/// </summary>
public abstract class BrowserTest(AppFixture app, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>A common phone (iPhone 12 to 15 in CSS pixels); the app is designed mobile first.</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private const string NeutralPage =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Weather</title></head>"
        + "<body><h1>Today's weather</h1><p>Mild, with a light breeze.</p></body></html>";

    private readonly List<IBrowserContext> _contexts = [];
    private readonly ConcurrentQueue<OffSiteRequest> _offSite = new();
    private readonly ConcurrentQueue<string> _consoleErrors = new();
    private readonly ConcurrentQueue<Func<string, bool>> _expectedConsoleErrors = new();
    private IPage? _page;

    protected AppFixture App => app;

    protected ITestOutputHelper Output => output;

    /// <summary>The test's page, in a context of its own with JavaScript on.</summary>
    protected IPage Page => _page ?? throw new InvalidOperationException("The test has not been initialised.");

    /// <summary>Every off-site request made by any page of this test, in order.</summary>
    protected IReadOnlyCollection<OffSiteRequest> OffSiteRequests => _offSite;

    public async Task InitializeAsync()
    {
        var context = await NewContextAsync();
        _page = await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }

    /// <summary>
    /// Another isolated browser (own cookies and history), for example one with JavaScript turned off. It is closed and
    /// checked with the test's own context. With <paramref name="asPhone"/> Chromium behaves as a phone's browser
    /// does (touch, and a page wider than the screen widens what fixed elements are placed against);
    /// <paramref name="signedInAs"/> starts it with another context's cookies, as the same person on another device;
    /// <paramref name="timeZone"/> is the IANA time zone the browser believes it is in (the machine's by default).
    /// </summary>
    protected async Task<IBrowserContext> NewContextAsync(bool javaScriptEnabled = true, bool asPhone = false, IBrowserContext? signedInAs = null, string? timeZone = null, bool byName = false)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            // byName: the app as https://localhost:port, for what an address cannot do (a passkey's site must be a name).
            BaseURL = (byName ? ByName : app.BaseAddress).ToString(),
            IgnoreHTTPSErrors = true,
            ViewportSize = Phone,
            IsMobile = asPhone,
            HasTouch = asPhone,
            StorageState = signedInAs is null ? null : await signedInAs.StorageStateAsync(),
            JavaScriptEnabled = javaScriptEnabled,
            Locale = "en-GB",
            TimezoneId = timeZone,
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        _contexts.Add(context);
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(10_000);
        context.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Enqueue($"{message.Location}: {message.Text}");
            }
        };
        context.WebError += (_, error) => _consoleErrors.Enqueue($"uncaught: {error.Error}");
        await context.RouteAsync("**/*", AnswerAsync);
        return context;
    }

    /// <summary>
    /// Runs the test body. On failure it saves a full-page screenshot of every open page to
    /// <c>TestResults/screenshots/&lt;class&gt;.&lt;test&gt;.png</c>; on success it checks that no page requested
    /// anything from another host (apart from quick exit's destination) and that nothing was logged as an error.
    /// </summary>
    protected async Task RunAsync(Func<Task> body, string? variant = null, [CallerMemberName] string test = "")
    {
        var name = $"{GetType().Name}.{test}" + (variant is null ? "" : $"-{variant}");
        try
        {
            await body();
            var unexpected = _offSite.Where(r => !r.IsQuickExit).ToList();
            Assert.True(unexpected.Count == 0, "Pages requested other hosts:\n" + string.Join('\n', unexpected));
            var errors = _consoleErrors.Where(e => !_expectedConsoleErrors.Any(expected => expected(e))).ToList();
            Assert.True(errors.Count == 0, "The browser logged errors:\n" + string.Join('\n', errors));
        }
        catch
        {
            var pages = _contexts.SelectMany(c => c.Pages).Where(p => !p.IsClosed).ToList();
            for (var i = 0; i < pages.Count; i++)
            {
                var path = await Screenshots.SaveFailureAsync(pages[i], i == 0 ? name : $"{name}-{i + 1}");
                output.WriteLine(path is null ? $"Could not capture page {i + 1}." : $"Screenshot of {pages[i].Url}: {path}");
            }

            foreach (var request in _offSite)
            {
                output.WriteLine($"Off-site request: {request}");
            }

            throw;
        }
    }

    /// <summary>
    /// A console error the test means to cause, such as Chromium's "Failed to load resource" for a page the test
    /// expects to answer 404; any other error still fails the test.
    /// </summary>
    protected void ExpectConsoleError(Func<string, bool> match) => _expectedConsoleErrors.Enqueue(match);

    /// <summary>The app's own origin with the name <c>localhost</c> in place of the address 127.0.0.1.</summary>
    private Uri ByName => new UriBuilder(app.BaseAddress) { Host = "localhost" }.Uri;

    private async Task AnswerAsync(IRoute route)
    {
        var request = route.Request;
        if (Uri.TryCreate(request.Url, UriKind.Absolute, out var url)
            && (Uri.Compare(url, app.BaseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
                || Uri.Compare(url, ByName, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0))
        {
            await route.ContinueAsync();
            return;
        }

        _offSite.Enqueue(new OffSiteRequest(request.Url, request.ResourceType, request.IsNavigationRequest));
        await route.FulfillAsync(url?.Host == AppFixture.QuickExitUrl.Host && request.IsNavigationRequest
            ? new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = NeutralPage }
            : new RouteFulfillOptions { Status = 204 });
    }
}
