using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Benchmarks;

/// <summary>
/// <c>./build.sh bench load [seconds] [sqlite|postgres|both]</c>: the built app (Release) as a process on SQLite and on
/// PostgreSQL, a case filled by <c>seed-demo</c>, one signed-in session, then <c>wrk</c> at 10, 50 and 200 connections
/// against the sign-in page, the dashboard, the timeline, an evidence preview and the bare baseline page (one query, no
/// layout; only in the Benchmark environment). Prints throughput and p50/p95/p99 latency per page, each page's
/// throughput as a ratio to the anonymous sign-in page and to the bare page, and issue 20's goals met or not.
/// With <c>LOAD_TRACE_DIR</c> set, a CPU sample trace (<c>dotnet-trace</c>) of each signed-in page at 10 connections is
/// written there. <c>LOAD_POSTGRES_OPTIONS</c> (e.g. <c>;Max Auto Prepare=32</c>) is added to the PostgreSQL connection string,
/// to weigh a setting before adopting it. Asserts nothing.
/// </summary>
public static partial class LoadBenchmark
{
    private const string Passphrase = "copper meadow violin tide";
    private const string SignInPage = "Sign-in page (anonymous)";
    private static readonly int[] Connections = [10, 50, 200];

    /// <summary>Issue 20's goals: a page's requests per second at least this share of the sign-in page's.</summary>
    private static readonly (string Page, double Share, string Words)[] Goals =
    [
        ("Case dashboard", 1.0 / 3, "1/3"),
        ("Timeline (first page)", 1.0 / 4, "1/4"),
        ("Evidence preview (1080x1920 image)", 1.0 / 8, "1/8"),
    ];

    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var providers = (args.Length > 2 ? args[2] : "both") switch
        {
            "sqlite" => new[] { DatabaseProvider.Sqlite },
            "postgres" => [DatabaseProvider.Postgres],
            _ => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres],
        };
        var wrk = File.Exists("/usr/bin/wrk") ? "/usr/bin/wrk" : throw new InvalidOperationException("wrk is not installed: apt-get install wrk");
        var results = new List<Result>();
        foreach (var provider in providers)
        {
            results.AddRange(await RunOnAsync(provider, wrk, seconds));
        }

        PrintTable(results);
        PrintGoals(results);
        var load = await File.ReadAllTextAsync("/proc/loadavg");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average {load}"));
    }

    private sealed record Result(DatabaseProvider Database, string Page, int Connections, double Rps, double P50, double P95, double P99, long Errors);

    // Long because one database's whole run is here in order: seed, start, sign in, then every page at every load.
    private static async Task<List<Result>> RunOnAsync(DatabaseProvider provider, string wrk, int seconds)
    {
        var root = Path.Combine(Path.GetTempPath(), "ir-load-" + Guid.NewGuid().ToString("N")[..8]);
        var data = Path.Combine(root, "data");
        var postgres = provider == DatabaseProvider.Postgres ? await PostgresServer.SharedAsync() : null;
        try
        {
            var database = postgres is null
                ? $"Data Source={Path.Combine(data, "incidentresponse.db")};Default Timeout=30"
                : await postgres.CreateDatabaseAsync() + Environment.GetEnvironmentVariable("LOAD_POSTGRES_OPTIONS");
            var trace = Environment.GetEnvironmentVariable("LOAD_TRACE_DIR");
            // The sign-in page counts against the per-person account limit: at thousands a second, 100,000 a minute (the
            // test hosts' figure) ran out within the benchmark's own runs and answered 429.
            var extra = new Dictionary<string, string>
            {
                ["Security:CookiesRequireHttps"] = "false",
                ["Security:AccountAttemptsPerMinute"] = "100000000",
            };
            if (postgres is null)
            {
                extra["Database:Provider"] = "Sqlite";
                extra["ConnectionStrings:Sqlite"] = database;
            }

            if (trace is not null)
            {
                extra["DOTNET_EnableDiagnostics"] = "1";
            }

            var settings = new AppProcessSettings(postgres is null ? "" : database, data, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
            {
                Environment = "Benchmark",
                MigrateOnStartup = postgres is null,
                Extra = extra,
            };
            Console.WriteLine($"{provider}: seeding the demo case (200 incidents, 10 evidence images) ...");
            await DemoSeed.RunAsync(settings, "loaddemo", Passphrase, incidents: 200, images: 10);

            await using var app = await AppProcess.StartAsync(settings);
            var cookie = await SignInAsync(app.Address);
            var (caseId, evidenceId) = await FirstCaseAsync(provider, database);
            var pages = new (string Name, string Path, bool SignedIn)[]
            {
                ("Bare page (one query, no layout)", $"/dev/bare?id={caseId}", true),
                (SignInPage, "/account/sign-in", false),
                ("Case dashboard", $"/cases/{caseId}", true),
                ("Timeline (first page)", $"/cases/{caseId}/log", true),
                ("Evidence preview (1080x1920 image)", $"/cases/{caseId}/evidence/{evidenceId}/preview", true),
            };
            var script = Path.Combine(root, "report.lua");
            await File.WriteAllTextAsync(script, """
                done = function(summary, latency, requests)
                  io.write(string.format("RESULT %d %d %d %d %d %d %d\n", summary.requests, summary.duration,
                    latency:percentile(50), latency:percentile(95), latency:percentile(99),
                    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
                end
                """);

            var results = new List<Result>();
            foreach (var (name, path, signedIn) in pages)
            {
                // Warm up: JIT, connection pools, the page's first render.
                var run = new WrkRun(wrk, app.Address, path, signedIn ? cookie : null, script);
                await RunWrkAsync(run, 10, 2);
                foreach (var connections in Connections)
                {
                    using var tracing = trace is not null && signedIn && connections == Connections[0]
                        ? Trace(app, Path.Combine(trace, $"{provider}-{Slug(name)}.nettrace"), seconds)
                        : null;
                    var line = await RunWrkAsync(run, connections, seconds);
                    var f = line.Split(' ').Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                    var result = new Result(provider, name, connections, f[0] / (f[1] / 1_000_000.0), f[2] / 1000.0, f[3] / 1000.0, f[4] / 1000.0, f[5] + f[6]);
                    results.Add(result);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{provider,-8} {name,-38} c={connections,3}  {result.Rps,8:F1} req/s  p50 {result.P50,8:F1} ms  p95 {result.P95,8:F1} ms  p99 {result.P99,8:F1} ms  errors {result.Errors}"));
                    tracing?.WaitForExit(30_000);
                }
            }

            return results;
        }
        finally
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }

            ProcessMemory.DeleteQuietly(root);
        }
    }

    private static async Task<(Guid CaseId, Guid EvidenceId)> FirstCaseAsync(DatabaseProvider provider, string database)
    {
        await using var db = new AppDbContext(DatabaseProviders.CreateOptions(provider, database));
        var caseId = await db.Cases.Select(c => c.Id).SingleAsync();
        var evidenceId = await db.EvidenceItems.Where(e => e.CaseId == caseId).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        return (caseId, evidenceId);
    }

    /// <summary>Samples the app's CPU for the length of one wrk run (the app's diagnostics socket is in its TMPDIR).</summary>
    private static Process Trace(AppProcess app, string output, int seconds)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var tool = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-trace");
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "collect", "-p", app.ProcessId.ToString(CultureInfo.InvariantCulture), "--profile", "dotnet-sampled-thread-time", "--duration", TimeSpan.FromSeconds(seconds).ToString("c", CultureInfo.InvariantCulture), "-o", output })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TMPDIR"] = Path.GetFullPath(Path.Combine(app.Settings.DataDirectory, "..", Path.GetFileName(app.Settings.DataDirectory) + "-tmp"));
        return Process.Start(start)!;
    }

    private static string Slug(string name) => string.Concat(name.TakeWhile(c => c != ' ' && c != '(')).ToLowerInvariant();

    private static void PrintTable(List<Result> results)
    {
        Console.WriteLine();
        Console.WriteLine("| Database | Page | Connections | Requests/s | p50 ms | p95 ms | p99 ms | Errors | vs sign-in | vs bare |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var bare = results.First(b => b.Database == r.Database && b.Page.StartsWith("Bare", StringComparison.Ordinal) && b.Connections == r.Connections);
            var signIn = results.First(b => b.Database == r.Database && b.Page == SignInPage && b.Connections == r.Connections);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Database} | {r.Page} | {r.Connections} | {r.Rps:F0} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {r.Errors} | {r.Rps / signIn.Rps:F2} | {r.Rps / bare.Rps:F2} |"));
        }
    }

    private static void PrintGoals(List<Result> results)
    {
        Console.WriteLine();
        foreach (var group in results.GroupBy(r => (r.Database, r.Connections)))
        {
            var signIn = group.First(r => r.Page == SignInPage);
            foreach (var (page, share, words) in Goals)
            {
                var result = group.First(r => r.Page == page);
                var ratio = result.Rps / signIn.Rps;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Goal {group.Key.Database} c={group.Key.Connections}: {page} >= {words} of sign-in: {ratio:F2} ({(ratio >= share ? "met" : "NOT met")})"));
            }
        }

        var errors = results.Sum(r => r.Errors);
        Console.WriteLine(errors == 0 ? "Goal: no errors at any load: met" : $"Goal: no errors at any load: NOT met ({errors} errors)");
    }

    private static async Task<string> SignInAsync(Uri address)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address };
        var form = await http.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var token = TokenPattern().Match(form).Groups[1].Value;
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__rvt"] = WebUtility.HtmlDecode(token),
            ["Input.Username"] = "loaddemo",
            ["Input.Passphrase"] = Passphrase,
        });
        using var response = await http.PostAsync(new Uri("/account/sign-in", UriKind.Relative), body);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in failed: {(int)response.StatusCode}");
        }

        return cookies.GetCookieHeader(address);
    }

    private sealed record WrkRun(string Wrk, Uri Address, string Path, string? Cookie, string Script);

    private static async Task<string> RunWrkAsync(WrkRun run, int connections, int seconds)
    {
        var start = new ProcessStartInfo(run.Wrk) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-t", "2", "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", seconds.ToString(CultureInfo.InvariantCulture) + "s", "--timeout", "10s", "-s", run.Script })
        {
            start.ArgumentList.Add(argument);
        }

        if (run.Cookie is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add("Cookie: " + run.Cookie);
        }

        start.ArgumentList.Add(new Uri(run.Address, run.Path).ToString());
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no result: {output}{error}");
    }

    [GeneratedRegex("name=\"__rvt\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
