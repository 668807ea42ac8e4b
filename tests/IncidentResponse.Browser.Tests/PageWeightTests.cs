using System.Collections.Concurrent;
using IncidentResponse.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

/// <summary>
/// What a page costs someone on a slow or metered phone connection: the bytes that crossed the network (headers and
/// bodies, as Chromium counts them) for the home page, sign-in and a case's dashboard, loaded with an empty cache and
/// then again with the cache warm, against budgets written here. Every request goes to the app's own host.
/// </summary>
[Collection(WithApp.Name)]
public sealed class PageWeightTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    /// <summary>A first visit, nothing cached.</summary>
    private const long FirstLoadBudget = 100 * 1024;

    /// <summary>The same page again in the same browser: only the page itself should travel.</summary>
    private const long RepeatLoadBudget = 20 * 1024;

    [Fact]
    public Task Home_sign_in_and_dashboard_stay_within_their_byte_budgets_and_ask_only_the_app() => RunAsync(async () =>
    {
        // A context of its own: the other tests' context answers off-site requests through Playwright's routing, and
        // routing turns Chromium's cache off. Here nothing is intercepted; every request is recorded and checked instead.
        await using var context = await App.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            IgnoreHTTPSErrors = true,
            ViewportSize = Phone,
            Locale = "en-GB",
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        var page = await context.NewPageAsync();
        var network = await NetworkMeter.StartAsync(page);
        var figures = new List<(string Page, long First, long Repeat, int FirstRequests, int RepeatRequests)>();

        async Task MeasureAsync(string name, string address)
        {
            await network.ClearCacheAsync();
            var first = await network.MeasureAsync(() => page.GotoAsync(address));
            // Away and back, as a person would come back to it (the same address twice in a row is a reload).
            await page.GotoAsync("about:blank");
            var repeat = await network.MeasureAsync(() => page.GotoAsync(address));
            figures.Add((name, first.Bytes, repeat.Bytes, first.Requests.Count, repeat.Requests.Count));
            Output.WriteLine($"{name}: first load {first.Bytes:N0} bytes in {first.Requests.Count} requests ({Paths(first.Requests)}); "
                + $"repeat {repeat.Bytes:N0} bytes in {repeat.Requests.Count} ({Paths(repeat.Requests)})");
            foreach (var url in first.Requests.Concat(repeat.Requests))
            {
                Assert.True(new Uri(url).Host == App.BaseAddress.Host, $"{name} asked another host: {url}");
            }
        }

        await MeasureAsync("Home page", "/");
        await MeasureAsync("Sign in", "/account/sign-in");
        await page.SignUpAsync(Journeys.NewUsername());
        var dashboard = await page.CreateCaseAsync("Spring notes");
        await Expect(page.Heading()).ToHaveTextAsync("Spring notes");
        await MeasureAsync("Case dashboard", new Uri(dashboard).AbsolutePath);

        foreach (var (name, first, repeat, _, _) in figures)
        {
            Assert.True(first <= FirstLoadBudget, $"{name}: the first load moved {first:N0} bytes, over the budget of {FirstLoadBudget:N0}.");
            Assert.True(repeat <= RepeatLoadBudget, $"{name}: the repeat load moved {repeat:N0} bytes, over the budget of {RepeatLoadBudget:N0}.");
            Assert.True(first > repeat, $"{name}: the repeat load ({repeat:N0} bytes) should be lighter than the first ({first:N0}).");
        }
    });

    private static string Paths(IEnumerable<string> urls) => string.Join(", ", urls.Select(u => new Uri(u).PathAndQuery));

    /// <summary>Counts the bytes Chromium received (encodedDataLength: headers and body as sent) through the DevTools protocol.</summary>
    private sealed class NetworkMeter
    {
        private readonly ICDPSession _session;
        private readonly ConcurrentDictionary<string, string> _urls = new();
        private readonly ConcurrentDictionary<string, long> _finished = new();
        private readonly ConcurrentDictionary<string, bool> _failed = new();

        private NetworkMeter(ICDPSession session) => _session = session;

        public static async Task<NetworkMeter> StartAsync(IPage page)
        {
            var meter = new NetworkMeter(await page.Context.NewCDPSessionAsync(page));
            meter._session.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
            {
                if (e is { } json && !json.GetProperty("request").GetProperty("url").GetString()!.StartsWith("data:", StringComparison.Ordinal))
                {
                    meter._urls[json.GetProperty("requestId").GetString()!] = json.GetProperty("request").GetProperty("url").GetString()!;
                }
            };
            meter._session.Event("Network.loadingFinished").OnEvent += (_, e) =>
            {
                if (e is { } json)
                {
                    meter._finished[json.GetProperty("requestId").GetString()!] = (long)json.GetProperty("encodedDataLength").GetDouble();
                }
            };
            meter._session.Event("Network.loadingFailed").OnEvent += (_, e) =>
            {
                if (e is { } json)
                {
                    meter._failed[json.GetProperty("requestId").GetString()!] = true;
                }
            };
            await meter._session.SendAsync("Network.enable");
            return meter;
        }

        public async Task ClearCacheAsync() => await _session.SendAsync("Network.clearBrowserCache");

        /// <summary>Runs the navigation and waits until every request it started has finished.</summary>
        public async Task<(long Bytes, List<string> Requests)> MeasureAsync(Func<Task> navigation)
        {
            _urls.Clear();
            _finished.Clear();
            _failed.Clear();
            await navigation();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (_urls.Keys.Any(id => !_finished.ContainsKey(id) && !_failed.ContainsKey(id)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            // The script's own requests, if any, start after load; give them a moment to show.
            await Task.Delay(300);
            Assert.True(_urls.Keys.All(id => _finished.ContainsKey(id) || _failed.ContainsKey(id)), "Requests did not finish: " + string.Join(", ", _urls.Values));
            return (_finished.Values.Sum(), [.. _urls.Values]);
        }
    }
}
