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
/// <c>./build.sh bench load</c>: PostgreSQL and the built app (Release) as a process, a case filled by <c>seed-demo</c>,
/// one signed-in session, then <c>wrk</c> at 10, 50 and 200 connections against the sign-in page, the dashboard, the
/// timeline, an evidence preview and the bare baseline page (one query, no layout; only in the Benchmark environment).
/// Prints throughput and p50/p95/p99 latency per page and the ratio to the bare page. Asserts nothing.
/// </summary>
public static partial class LoadBenchmark
{
    private const string Passphrase = "copper meadow violin tide";
    private static readonly int[] Connections = [10, 50, 200];

    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var wrk = File.Exists("/usr/bin/wrk") ? "/usr/bin/wrk" : throw new InvalidOperationException("wrk is not installed: apt-get install wrk");
        var root = Path.Combine(Path.GetTempPath(), "ir-load-" + Guid.NewGuid().ToString("N")[..8]);
        var postgres = await PostgresServer.SharedAsync();
        try
        {
            var database = await postgres.CreateDatabaseAsync();
            var settings = new AppProcessSettings(database, Path.Combine(root, "data"), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
            {
                Environment = "Benchmark",
                MigrateOnStartup = false,
                Extra = new Dictionary<string, string> { ["Security:CookiesRequireHttps"] = "false" },
            };
            Console.WriteLine("Seeding the demo case (200 incidents, 10 evidence images) ...");
            await DemoSeed.RunAsync(settings, "loaddemo", Passphrase, incidents: 200, images: 10);

            await using var app = await AppProcess.StartAsync(settings);
            var cookie = await SignInAsync(app.Address);
            Guid caseId;
            Guid evidenceId;
            await using (var db = new AppDbContext(DatabaseProviders.CreateOptions(DatabaseProvider.Postgres, database)))
            {
                caseId = await db.Cases.Select(c => c.Id).SingleAsync();
                evidenceId = await db.EvidenceItems.Where(e => e.CaseId == caseId).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            }

            var pages = new (string Name, string Path, bool SignedIn)[]
            {
                ("Bare page (one query, no layout)", $"/dev/bare?id={caseId}", true),
                ("Sign-in page (anonymous)", "/account/sign-in", false),
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

            var results = new List<(string Page, int Connections, double Rps, double P50, double P95, double P99, long Errors)>();
            foreach (var (name, path, signedIn) in pages)
            {
                // Warm up: JIT, connection pools, the page's first render.
                await RunWrkAsync(wrk, app.Address, path, signedIn ? cookie : null, script, 10, 2);
                foreach (var connections in Connections)
                {
                    var line = await RunWrkAsync(wrk, app.Address, path, signedIn ? cookie : null, script, connections, seconds);
                    var f = line.Split(' ').Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                    var rps = f[0] / (f[1] / 1_000_000.0);
                    results.Add((name, connections, rps, f[2] / 1000.0, f[3] / 1000.0, f[4] / 1000.0, f[5] + f[6]));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{name,-38} c={connections,3}  {rps,8:F1} req/s  p50 {f[2] / 1000.0,8:F1} ms  p95 {f[3] / 1000.0,8:F1} ms  p99 {f[4] / 1000.0,8:F1} ms  errors {f[5] + f[6]}"));
                }
            }

            Console.WriteLine();
            Console.WriteLine("| Page | Connections | Requests/s | p50 ms | p95 ms | p99 ms | Errors | Throughput vs bare | p50 vs bare |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in results)
            {
                var bare = results.First(b => b.Page == pages[0].Name && b.Connections == r.Connections);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {r.Page} | {r.Connections} | {r.Rps:F0} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {r.Errors} | {r.Rps / bare.Rps:F2} | {r.P50 / bare.P50:F1}× |"));
            }

            Console.WriteLine();
            var load = await File.ReadAllTextAsync("/proc/loadavg");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average {load}"));
        }
        finally
        {
            await postgres.DisposeAsync();
            ProcessMemory.DeleteQuietly(root);
        }
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

    private static async Task<string> RunWrkAsync(string wrk, Uri address, string path, string? cookie, string script, int connections, int seconds)
    {
        var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-t", "2", "-c", connections.ToString(CultureInfo.InvariantCulture), "-d", seconds.ToString(CultureInfo.InvariantCulture) + "s", "--timeout", "10s", "-s", script })
        {
            start.ArgumentList.Add(argument);
        }

        if (cookie is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add("Cookie: " + cookie);
        }

        start.ArgumentList.Add(new Uri(address, path).ToString());
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
