using System.Globalization;
using System.Security.Cryptography;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace IncidentResponse.Benchmarks;

/// <summary>
/// <c>./build.sh bench quick-exit [presses]</c>: how long Quick exit takes, from the press to the neutral page painted,
/// in Debian's Chromium against the built app as its own process (PostgreSQL, as in production). Each press signs in,
/// opens the case's dashboard, presses Esc and reads both moments on the browser's own clock (the key event's time
/// stamp and the neutral page's first paint), so Playwright's polling adds nothing. The target is 300 ms on loopback
/// (the brief: speed targets live in benchmarks, not in timed tests); the browser tests prove only that Quick exit never
/// waits for the server. Prints the spread; asserts nothing.
/// </summary>
public static class QuickExitBenchmark
{
    private const string Passphrase = "copper meadow violin tide";
    private const string Username = "exitdemo";
    private static readonly Uri Neutral = new("https://neutral.invalid/");

    public static async Task RunAsync(string[] args)
    {
        var presses = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var root = Path.Combine(Path.GetTempPath(), "ir-quick-exit-" + Guid.NewGuid().ToString("N")[..8]);
        var postgres = await PostgresServer.SharedAsync();
        try
        {
            var database = await postgres.CreateDatabaseAsync();
            var settings = new AppProcessSettings(database, Path.Combine(root, "data"), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
            {
                Environment = "Benchmark",
                MigrateOnStartup = false,
                Extra = new Dictionary<string, string>
                {
                    ["Security:CookiesRequireHttps"] = "false",
                    ["Logging:LogLevel:Default"] = "Warning",
                    ["Safety:QuickExitUrl"] = Neutral.ToString(),
                },
            };
            await DemoSeed.RunAsync(settings, Username, Passphrase, incidents: 3, images: 1);
            await using var app = await AppProcess.StartAsync(settings);
            var caseId = await DemoSeed.CaseIdAsync(database);

            var figures = await PressAsync(app.Address, caseId, presses);
            figures.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// Quick exit, press to neutral page painted: n {figures.Count}, min {figures[0]:0} ms, p50 {BinderAppBenchmark.Percentile(figures, 50):0} ms, p95 {BinderAppBenchmark.Percentile(figures, 95):0} ms, max {figures[^1]:0} ms (target 300 ms)"));
            var load = await File.ReadAllTextAsync("/proc/loadavg");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; load average {load.Trim()}"));
        }
        finally
        {
            await postgres.DisposeAsync();
            ProcessMemory.DeleteQuietly(root);
        }
    }

    private static async Task<List<double>> PressAsync(Uri app, Guid caseId, int presses)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true });
        var context = await browser.NewContextAsync(new() { BaseURL = app.ToString() });
        // The neutral site is answered here, so the figure is the app's and the browser's, not a far server's.
        await context.RouteAsync(Neutral + "**", route => route.FulfillAsync(new()
        {
            Status = 200,
            ContentType = "text/html; charset=utf-8",
            Body = "<!doctype html><title>Weather</title><p>Sunny.</p>",
        }));
        var page = await context.NewPageAsync();
        var pressed = new TaskCompletionSource<double>();
        await page.ExposeFunctionAsync("reportPress", (double at) => pressed.TrySetResult(at));
        var figures = new List<double>();
        for (var press = 0; press < presses; press++)
        {
            await page.GotoAsync("/account/sign-in");
            await page.GetByLabel("Username", new() { Exact = true }).FillAsync(Username);
            await page.GetByLabel("Passphrase", new() { Exact = true }).FillAsync(Passphrase);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
            await page.GotoAsync($"/cases/{caseId}");
            await page.WaitForFunctionAsync("() => document.documentElement.classList.contains('has-js')");
            pressed = new TaskCompletionSource<double>();
            await page.EvaluateAsync("() => window.addEventListener('keydown', e => reportPress(performance.timeOrigin + e.timeStamp), { capture: true })");

            await page.Keyboard.PressAsync("Escape");
            await page.WaitForURLAsync(url => url.StartsWith(Neutral.ToString(), StringComparison.Ordinal));
            var pressedAt = await pressed.Task.WaitAsync(TimeSpan.FromSeconds(10));
            var painted = await page.EvaluateAsync<double>(
                "() => { const paint = performance.getEntriesByName('first-contentful-paint')[0] || performance.getEntriesByType('paint')[0];"
                + " return performance.timeOrigin + (paint ? paint.startTime : performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd); }");
            figures.Add(painted - pressedAt);
            await context.ClearCookiesAsync();
        }

        return figures;
    }
}
