using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using IncidentResponse.Domain.Data;
using IncidentResponse.TestSupport;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Benchmarks;

/// <summary>
/// <c>./build.sh bench binder-app</c>: the binder's memory as production sees it. PostgreSQL and the built app
/// (Release) as its own process, a case filled by <c>seed-demo --incidents 500 --images 200</c>, one signed-in person
/// who downloads the whole binder PDF over HTTP. Reports the app process's peak resident set (<c>VmHWM</c> of its
/// own <c>/proc</c> entry: nothing of the benchmark is in it), Chromium's processes (its children) separately, the
/// time, the size, and the app's answers to a liveness check every 250 ms while the binder prints. Run it once as
/// it is and once with a heap limit (<c>binder-app 500 200 400</c> sets <c>DOTNET_GCHeapHardLimit</c> to 400 MiB,
/// what a container memory limit does by itself). Asserts nothing.
/// </summary>
public static class BinderAppBenchmark
{
    private const string Passphrase = "copper meadow violin tide";

    public static async Task RunAsync(string[] args)
    {
        var incidents = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
        var images = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
        var heapLimitMiB = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0;
        var root = Path.Combine(Path.GetTempPath(), "ir-binder-app-" + Guid.NewGuid().ToString("N")[..8]);
        var postgres = await PostgresServer.SharedAsync();
        try
        {
            var database = await postgres.CreateDatabaseAsync();
            var extra = new Dictionary<string, string>
            {
                ["Security:CookiesRequireHttps"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            if (Environment.GetEnvironmentVariable("BINDER_APP_DIAGNOSTICS") == "1")
            {
                // dotnet-counters / dotnet-gcdump can attach (their socket is in the app's TMPDIR, printed below).
                extra["DOTNET_EnableDiagnostics"] = "1";
            }

            // BINDER_APP_DOTNET_X=v reaches the app as DOTNET_X=v (garbage collector settings to compare), and
            // BINDER_APP_MALLOC_X=v as MALLOC_X=v (the C library's allocator, which SkiaSharp's decoding uses).
            foreach (var (key, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                .Select(e => ((string)e.Key, (string?)e.Value ?? ""))
                .Where(e => e.Item1.StartsWith("BINDER_APP_DOTNET_", StringComparison.Ordinal) || e.Item1.StartsWith("BINDER_APP_MALLOC_", StringComparison.Ordinal)))
            {
                extra[key["BINDER_APP_".Length..]] = value;
                Console.WriteLine($"// {key["BINDER_APP_".Length..]}={value}");
            }

            if (heapLimitMiB > 0)
            {
                extra["DOTNET_GCHeapHardLimit"] = "0x" + ((long)heapLimitMiB * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture);
            }

            var settings = new AppProcessSettings(database, Path.Combine(root, "data"), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
            {
                Environment = "Benchmark",
                MigrateOnStartup = false,
                Extra = extra,

                // BINDER_APP_DIR=dir runs the app published there (dotnet publish -o dir), as deploy/Dockerfile does.
                AppDirectory = Environment.GetEnvironmentVariable("BINDER_APP_DIR") is { Length: > 0 } published ? Path.GetFullPath(published) : null,
            };
            Console.WriteLine($"// App: {settings.AppDirectory ?? "the Release build output"}");
            var seeding = Stopwatch.StartNew();
            await DemoSeed.RunAsync(settings, "binderdemo", Passphrase, incidents, images);

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Seeded {incidents} incidents and {images} images in {seeding.Elapsed.TotalSeconds:0} s"));

            // BINDER_APP_WORKER=1 (ADR 0031): the instance people use makes no binders (Binder:RunJobs false); a second
            // instance on the same database and files, reached by no one, makes them. Its memory and Chromium's are
            // then the printer's, and the first instance's is what printing costs the people using the app.
            // BINDER_APP_WORKER_NICE=n runs the printing instance at that niceness (as a deployment's Nice= would).
            var split = Environment.GetEnvironmentVariable("BINDER_APP_WORKER") == "1";
            await using var app = await AppProcess.StartAsync(split ? settings with { Extra = new Dictionary<string, string>(extra) { ["Binder:RunJobs"] = "false" } } : settings);
            // BINDER_APP_WORKER_HEAP=MiB caps the printing instance's .NET heap at its own figure (a deployment's printer
            // service may set its own DOTNET_GCHeapHardLimit, docs/operations.md).
            var workerHeapMiB = Environment.GetEnvironmentVariable("BINDER_APP_WORKER_HEAP") is { Length: > 0 } h ? int.Parse(h, CultureInfo.InvariantCulture) : heapLimitMiB;
            var workerSettings = workerHeapMiB == heapLimitMiB || workerHeapMiB <= 0 ? settings : settings with
            {
                Extra = new Dictionary<string, string>(extra) { ["DOTNET_GCHeapHardLimit"] = "0x" + ((long)workerHeapMiB * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture) },
            };
            await using var worker = split ? await AppProcess.StartAsync(workerSettings) : null;
            var printer = worker ?? app;
            if (worker is not null && Environment.GetEnvironmentVariable("BINDER_APP_WORKER_NICE") is { Length: > 0 } nice)
            {
                // Every thread of the printing instance (Linux niceness is per thread; threads and Chromium started later inherit it).
                foreach (var task in Directory.GetDirectories($"/proc/{worker.ProcessId}/task"))
                {
                    using var renice = Process.Start("renice", ["-n", nice, "-p", Path.GetFileName(task)]);
                    await renice.WaitForExitAsync();
                }
            }

            Console.WriteLine(split ? $"// Binders made by a second instance (Binder:RunJobs false on the first){(worker is not null && Environment.GetEnvironmentVariable("BINDER_APP_WORKER_NICE") is { Length: > 0 } n ? $", at niceness {n}" : "")}" : "// One instance serves and prints");
            var caseId = await DemoSeed.CaseIdAsync(database);

            // BINDER_APP_SHOW=1 shows every picture in full (as a binder for the police may); by default the preset's
            // choice obscures the intimate ones, which prints each as a few hundred blocks.
            var shown = Environment.GetEnvironmentVariable("BINDER_APP_SHOW") == "1" ? await DemoSeed.EvidenceIdsAsync(database) : [];
            Console.WriteLine($"// Pictures: {(shown.Count > 0 ? "every one shown in full" : "as the preset chooses (intimate ones obscured)")}");

            var cookies = new CookieContainer();
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
            {
                BaseAddress = app.Address,
                Timeout = TimeSpan.FromMinutes(20),
            };
            await PostFormAsync(client, "/account/sign-in", new() { ["Input.Username"] = "binderdemo", ["Input.Passphrase"] = Passphrase });

            // A one-part binder first: starts Chromium and warms the path, as any server that printed once is.
            var back = Uri.EscapeDataString($"/cases/{caseId}/binder");
            await PostFormAsync(client, $"/account/confirm?returnUrl={back}", new() { ["Input.Passphrase"] = Passphrase });
            await DownloadAsync(client, caseId, ["Cover"]);
            var pid = app.ProcessId.ToString(CultureInfo.InvariantCulture);
            var printerPid = printer.ProcessId.ToString(CultureInfo.InvariantCulture);
            var before = ProcessMemory.Status(pid, "VmRSS:");
            var printerBefore = ProcessMemory.Status(printerPid, "VmRSS:");
            await File.WriteAllTextAsync($"/proc/{app.ProcessId}/clear_refs", "5");
            if (worker is not null)
            {
                await File.WriteAllTextAsync($"/proc/{worker.ProcessId}/clear_refs", "5");
            }

            using var stop = new CancellationTokenSource();
            var chromiumPeak = Task.Run(async () =>
            {
                long chromium = 0, driver = 0, chromiumPss = 0;
                var atPeak = new Dictionary<string, long>();
                var clock = Stopwatch.StartNew();
                var nextMark = 0.0;
                while (!stop.IsCancellationRequested)
                {
                    if (clock.Elapsed.TotalSeconds >= nextMark)
                    {
                        // The app's resident set every 5 s: where in the print its peak falls.
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"//   {clock.Elapsed.TotalSeconds,5:0} s  app {ProcessMemory.Status(pid, "VmRSS:") / 1024.0,5:0} MiB,{(worker is null ? "" : $" printer {ProcessMemory.Status(printerPid, "VmRSS:") / 1024.0,5:0} MiB,")} Chromium {ProcessMemory.Descendants(printer.ProcessId, proportional: true).Chromium / 1024.0,5:0} MiB"));
                        nextMark += 5;
                    }

                    var (c, d) = ProcessMemory.Descendants(printer.ProcessId);
                    chromium = Math.Max(chromium, c);
                    driver = Math.Max(driver, d);
                    var kinds = new Dictionary<string, long>();
                    var pss = ProcessMemory.Descendants(printer.ProcessId, proportional: true, kinds).Chromium;
                    if (pss > chromiumPss)
                    {
                        (chromiumPss, atPeak) = (pss, kinds);
                    }

                    await Task.Delay(100, CancellationToken.None);
                }

                Console.WriteLine("// Chromium at its peak, by process: " + string.Join(", ", atPeak.OrderByDescending(k => k.Value)
                    .Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Key} {k.Value / 1024.0:0} MiB"))));
                return (chromium, driver, chromiumPss);
            });
            var liveness = Task.Run(async () =>
            {
                using var probe = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };
                var times = new List<double>();
                while (!stop.IsCancellationRequested)
                {
                    var watch = Stopwatch.StartNew();
                    using (await probe.GetAsync(new Uri("/health/live", UriKind.Relative), CancellationToken.None))
                    {
                        times.Add(watch.Elapsed.TotalMilliseconds);
                    }

                    await Task.Delay(250, CancellationToken.None);
                }

                return times;
            });

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Printing now: app process {app.ProcessId}, TMPDIR {Path.GetFullPath(Path.Combine(root, "data-tmp"))}"));
            // BINDER_APP_KEEP=path keeps the PDF there; otherwise it is read back (below) and deleted with the rest.
            var kept = Environment.GetEnvironmentVariable("BINDER_APP_KEEP") is { Length: > 0 } keep ? keep : Path.Combine(root, "binder.pdf");
            var timing = Stopwatch.StartNew();
            HttpStatusCode status;
            long bytes;
            try
            {
                (status, bytes) = await DownloadAsync(client, caseId, ["Cover", "Contents", "Summary", "ThreatAssessment", "IncidentLog", "Exhibits", "Sightings", "Letters", "Verification"], kept, shown);
            }
            catch (InvalidOperationException)
            {
                var log = string.Join('\n', app.Output.Split('\n').Where(l => !l.Contains("/health/live", StringComparison.Ordinal)));
                Console.WriteLine("// The app's output:\n" + log[Math.Max(0, log.Length - 20000)..]);
                throw;
            }

            var elapsed = timing.Elapsed;
            var peak = ProcessMemory.Status(pid, "VmHWM:");
            var after = ProcessMemory.Status(pid, "VmRSS:");
            var printerPeak = ProcessMemory.Status(printerPid, "VmHWM:");
            var printerAfter = ProcessMemory.Status(printerPid, "VmRSS:");
            await stop.CancelAsync();
            var (chromium, driver, chromiumPss) = await chromiumPeak;
            var probes = (await liveness).Order().ToList();

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// Binder PDF over HTTP: status {(int)status}, {elapsed.TotalSeconds:0.0} s, {bytes / 1048576.0:0.0} MiB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// App process: {before / 1024.0:0} MiB before, peak {peak / 1024.0:0} MiB, {after / 1024.0:0} MiB after; heap limit {(heapLimitMiB > 0 ? heapLimitMiB + " MiB" : "none")}"));
            if (worker is not null)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"// Printing instance: {printerBefore / 1024.0:0} MiB before, peak {printerPeak / 1024.0:0} MiB, {printerAfter / 1024.0:0} MiB after; heap limit {(workerHeapMiB > 0 ? workerHeapMiB + " MiB" : "none")}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Chromium's processes (the printing instance's children): peak {chromiumPss / 1024.0:0} MiB proportional (shared pages counted once), {chromium / 1024.0:0} MiB resident summed; Playwright's driver peak {driver / 1024.0:0} MiB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// /health/live while printing: n {probes.Count}, p50 {Percentile(probes, 50):0.0} ms, p95 {Percentile(probes, 95):0.0} ms, max {probes.LastOrDefault():0.0} ms"));
            Console.WriteLine("// " + ContentsCheck(PdfTools.Read(await File.ReadAllBytesAsync(kept))));
            var load = await File.ReadAllTextAsync("/proc/loadavg");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average {load.Trim()}"));
        }
        finally
        {
            await postgres.DisposeAsync();
            ProcessMemory.DeleteQuietly(root);
        }
    }

    /// <summary>
    /// Whether the contents list tells the truth on a big binder: every entry's page is the first after the contents
    /// where its heading begins a line (the tests check this on small binders; the page numbers come from a first print).
    /// </summary>
    private static string ContentsCheck(PrintedPdf pdf)
    {
        var entries = pdf.ContentsEntries(out var lastContentsPage).Where(e => e.Page > lastContentsPage).ToList();
        var wrong = entries.Where(e => pdf.FirstPageWith(e.Entry, from: lastContentsPage + 1) != e.Page).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"Contents: {pdf.PageCount} pages, {entries.Count} entries on pages 2–{lastContentsPage}, {wrong.Count} naming a page their heading is not on")
            + string.Concat(wrong.Take(5).Select(e => $"\n//   {e.Entry}: listed {e.Page}, found {pdf.FirstPageWith(e.Entry, from: lastContentsPage + 1)}"));
    }

    /// <summary>Opens a page, takes its antiforgery token, posts the fields to it; the answer must be a redirect.</summary>
    private static async Task PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        fields["__rvt"] = await TokenAsync(client, url);
        using var body = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(new Uri(url, UriKind.Relative), body);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"POST {url} answered {(int)response.StatusCode}.");
        }
    }

    private static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var page = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        var match = Regex.Match(page, "name=\"__rvt\" type=\"hidden\" value=\"([^\"]+)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No form token on {url}.");
    }

    /// <summary>
    /// Presses "Download the PDF" (which starts a binder job, ADR 0024), checks the job's status as its page does until it
    /// ends, then reads the download to its end, keeping it at <paramref name="keep"/> when given.
    /// </summary>
    private static async Task<(HttpStatusCode Status, long Bytes)> DownloadAsync(HttpClient client, Guid caseId, string[] sections, string? keep = null, IReadOnlyList<Guid>? shown = null)
    {
        var token = await TokenAsync(client, $"/cases/{caseId}/binder");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__rvt", token),
            new("Input.Preset", "Police"),
            new("Input.Title", "Evidence record"),
        };
        fields.AddRange(sections.Select(s => new KeyValuePair<string, string>("Input.Sections", s)));
        fields.AddRange((shown ?? []).Select(id => new KeyValuePair<string, string>($"Input.Redactions[{id}]", "None")));
        using var content = new FormUrlEncodedContent(fields);
        using var pressed = await client.PostAsync(new Uri($"/cases/{caseId}/binder?handler=Pdf", UriKind.Relative), content);
        var job = pressed.StatusCode == HttpStatusCode.Redirect ? pressed.Headers.Location?.OriginalString : null;
        if (job is null || !job.Contains("/binder/jobs/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The binder press answered {(int)pressed.StatusCode}, not its job's page.");
        }

        while (true)
        {
            using var status = JsonDocument.Parse(await client.GetStringAsync(new Uri(job + "?handler=Status", UriKind.Relative)));
            var state = status.RootElement.GetProperty("state").GetString();
            if (state == "ready")
            {
                break;
            }

            if (state is not ("queued" or "running"))
            {
                throw new InvalidOperationException($"The binder job ended {state}.");
            }

            await Task.Delay(250);
        }

        using var response = await client.GetAsync(new Uri(job + "?handler=Download", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "application/pdf")
        {
            throw new InvalidOperationException($"The binder answered {(int)response.StatusCode} {response.Content.Headers.ContentType}.");
        }

        await using var body = await response.Content.ReadAsStreamAsync();

        await using var kept = keep is null ? Stream.Null : File.Create(keep);
        var buffer = new byte[1 << 20];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            await kept.WriteAsync(buffer.AsMemory(0, read));
            total += read;
        }

        return (response.StatusCode, total);
    }

    /// <summary>The nearest-rank percentile of already sorted figures (0 when there are none); the quick-exit benchmark uses it too.</summary>
    internal static double Percentile(List<double> sorted, int percent) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
