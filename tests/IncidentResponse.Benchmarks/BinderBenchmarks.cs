using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime;
using System.Text;
using System.Text.RegularExpressions;
using IncidentResponse.Documents;
using IncidentResponse.Documents.Binder;
using IncidentResponse.Documents.Pdf;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Operator.Demo;
using IncidentResponse.Web.Pages.Cases.Binder;
using IncidentResponse.Web.Pages.Cases.Evidence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Benchmarks;

/// <summary>
/// The evidence binder for a case made by seed-demo with 500 incidents and 200 screenshot-sized images: the whole
/// binder (read, check every file, render, print) against a plain Chromium print of static HTML showing the same
/// 200 metadata-free images, already in memory, with no logic. Pages, size and memory are printed at the end.
/// One run takes minutes, beyond BenchmarkDotNet's in-process limit, so it is timed by hand:
/// <c>dotnet run -c Release --project tests/IncidentResponse.Benchmarks -- binder</c> (a one-picture warm-up print, then one timed run of each). Also times requests to the
/// server with no binder printing and while one prints.
/// </summary>
public partial class BinderBenchmarks
{
    public static async Task MeasureAsync()
    {
        var bench = new BinderBenchmarks();
        var seeding = Stopwatch.StartNew();
        bench.Setup();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Seeded {Incidents} incidents and {Images} images in {seeding.Elapsed.TotalSeconds:0} s"));

        // Warm the browser and the request path with a one-picture print and a few requests; the timed runs follow.
        await bench.PlainPrint(1);
        var idle = await bench.TimeRequestsAsync(() => Task.Delay(TimeSpan.FromSeconds(30)));
        Console.WriteLine("// Requests with no binder printing: " + idle);

        var plain = await Measured.RunAsync(() => bench.PlainPrint(Images));
        Console.WriteLine("// Plain Chromium print: " + plain);

        // The plain print's pictures are the benchmark's own, held in memory on purpose; the binder run starts without them.
        bench._stripped.Clear();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

        Measured binder = null!;
        var busy = await bench.TimeRequestsAsync(async () => binder = await Measured.RunAsync(bench.Binder));
        Console.WriteLine("// Binder PDF: " + binder);
        Console.WriteLine("// Requests while the binder printed: " + busy);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// Ratio binder / plain: {binder.Elapsed.TotalSeconds / plain.Elapsed.TotalSeconds:0.00}x time, {(double)bench._binderBytes / bench._plainBytes:0.00}x size"));
        bench.Cleanup();
    }

    // BINDER_BENCH_INCIDENTS and BINDER_BENCH_IMAGES make a smaller case for a quick look; the figures in docs use the defaults.
    private static readonly int Incidents = int.Parse(Environment.GetEnvironmentVariable("BINDER_BENCH_INCIDENTS") ?? "500", CultureInfo.InvariantCulture);
    private static readonly int Images = int.Parse(Environment.GetEnvironmentVariable("BINDER_BENCH_IMAGES") ?? "200", CultureInfo.InvariantCulture);

    private readonly List<byte[]> _stripped = [];
    private WebApplicationFactory<Program> _app = null!;
    private HttpClient _client = null!;
    private string _directory = "";
    private Guid _caseId;
    private long _binderBytes;
    private long _plainBytes;

    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    public void Cleanup()
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// Binder: {_binderBytes / 1048576.0:0.0} MiB, {PageCount(_binderBytes, "binder")} pages; plain print: {_plainBytes / 1048576.0:0.0} MiB, {PageCount(_plainBytes, "plain")} pages"));
        _client.Dispose();
        _app.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>The binder as the PDF button makes it, written to a file as it streams (the response, in the app).</summary>
    public async Task<long> Binder()
    {
        using var scope = _app.Services.CreateScope();
        var binders = scope.ServiceProvider.GetRequiredService<BinderPrinter>();
        await using var pdf = File.Create(Path.Combine(_directory, "binder.pdf"));
        await binders.WritePdfAsync(_caseId, BinderOptions.For(BinderPreset.Police), pdf, CancellationToken.None);
        _binderBytes = pdf.Length;
        return pdf.Length;
    }

    public async Task<long> PlainPrint(int images)
    {
        var printer = _app.Services.GetRequiredService<ChromiumPdfPrinter>();
        string Html(string prefix)
        {
            var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>img{display:block;width:100%;height:125mm;object-fit:contain;break-before:page}</style></head><body>");
            for (var i = 0; i < images; i++)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p>Image {i + 1}</p><img src=\"{DocumentResources.UrlFor("image/" + i.ToString(CultureInfo.InvariantCulture), prefix)}\" alt=\"\">");
            }

            return html.Append("</body></html>").ToString();
        }

        await using var pdf = File.Create(Path.Combine(_directory, "plain.pdf"));
        await printer.PrintAsync(
            (prefix, _) => Task.FromResult(Html(prefix)),
            (name, _) => Task.FromResult<(byte[] Bytes, string ContentType)?>((_stripped[int.Parse(name["image/".Length..], CultureInfo.InvariantCulture)], "image/png")),
            pdf,
            new PdfOptions { RunningHeader = "Plain", GeneratedAtUtc = DateTimeOffset.UtcNow },
            CancellationToken.None);
        _plainBytes = pdf.Length;
        return pdf.Length;
    }

    /// <summary>
    /// Times a liveness check and the case's overview page, one pair every 250 ms, for as long as
    /// <paramref name="meanwhile"/> runs. The requests go through the whole pipeline in this process (the test server),
    /// sharing its CPU and thread pool with whatever <paramref name="meanwhile"/> does.
    /// </summary>
    private async Task<RequestTimes> TimeRequestsAsync(Func<Task> meanwhile)
    {
        var health = new List<double>();
        var casePage = new List<double>();
        var work = meanwhile();
        while (!work.IsCompleted)
        {
            health.Add(await TimeAsync("/health/live"));
            casePage.Add(await TimeAsync($"/cases/{_caseId}"));
            await Task.WhenAny(work, Task.Delay(250));
        }

        await work;
        return new RequestTimes(health, casePage);

        async Task<double> TimeAsync(string url)
        {
            var watch = Stopwatch.StartNew();
            using var response = await _client.GetAsync(url);
            _ = await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            return watch.Elapsed.TotalMilliseconds;
        }
    }

    private sealed record RequestTimes(List<double> Health, List<double> CasePage)
    {
        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"/health/live n={Health.Count} p50 {Percentile(Health, 50):0.0} ms p95 {Percentile(Health, 95):0.0} ms; case page n={CasePage.Count} p50 {Percentile(CasePage, 50):0.0} ms p95 {Percentile(CasePage, 95):0.0} ms");

        private static double Percentile(List<double> values, int percent)
        {
            if (values.Count == 0)
            {
                return double.NaN;
            }

            var sorted = values.Order().ToList();
            return sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
        }
    }

    /// <summary>
    /// One timed run with its memory: this process's peak resident set (Linux <c>VmHWM</c>, reset just before the run
    /// through <c>/proc/self/clear_refs</c>), and the largest total resident set of its child processes (Chromium's
    /// processes and Playwright's driver), sampled every 100 ms.
    /// </summary>
    private sealed record Measured(TimeSpan Elapsed, long Bytes, long AppBeforeKiB, long AppPeakKiB, long ChromiumPeakKiB, long DriverPeakKiB, string Gc)
    {
        public static async Task<Measured> RunAsync(Func<Task<long>> run)
        {
            var liveBefore = GC.GetTotalMemory(forceFullCollection: true);
            var before = ProcessMemory.Status("self", "VmRSS:");
            File.WriteAllText("/proc/self/clear_refs", "5");
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                long chromium = 0, driver = 0;
                while (!stop.IsCancellationRequested)
                {
                    var (c, d) = ProcessMemory.Descendants(Environment.ProcessId);
                    chromium = Math.Max(chromium, c);
                    driver = Math.Max(driver, d);
                    await Task.Delay(100, CancellationToken.None);
                }

                return (chromium, driver);
            });
            var allocated = GC.GetTotalAllocatedBytes();
            var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var watch = Stopwatch.StartNew();
            var bytes = await run();
            var elapsed = watch.Elapsed;
            var peak = ProcessMemory.Status("self", "VmHWM:");
            await stop.CancelAsync();
            var (chromiumPeak, driverPeak) = await sampler;
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            var gc = string.Create(
                CultureInfo.InvariantCulture,
                $"allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0:0} MiB, GCs {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}, "
                + $"heap after last GC {info.HeapSizeBytes / 1048576.0:0} MiB, committed {info.TotalCommittedBytes / 1048576.0:0} MiB, live before {liveBefore / 1048576.0:0} MiB, live after {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:0} MiB, server GC {GCSettings.IsServerGC}");
            return new Measured(elapsed, bytes, before, peak, chromiumPeak, driverPeak, gc);
        }

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"{Elapsed.TotalSeconds:0.0} s, {Bytes / 1048576.0:0.0} MiB; app process {AppBeforeKiB / 1024.0:0} MiB before, peak {AppPeakKiB / 1024.0:0} MiB; Chromium processes peak {ChromiumPeakKiB / 1024.0:0} MiB (sum); Playwright driver peak {DriverPeakKiB / 1024.0:0} MiB; {Gc}");
    }

    private string PageCount(long length, string name)
    {
        if (length == 0)
        {
            return "?";
        }

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(Path.Combine(_directory, name + ".pdf"));
        return pdf.NumberOfPages.ToString(CultureInfo.InvariantCulture);
    }

    private async Task SetupAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "ir-bench-binder-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_directory);
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_INCIDENTRESPONSE_WEB", WebProjectDirectory());
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:DataDirectory", _directory);
            builder.UseSetting("Security:AccountAttemptsPerMinute", "100000");
            builder.UseSetting("Serilog:MinimumLevel", "Warning");
        });
        _client = _app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(new CookieContainer()));

        const string passphrase = "copper meadow violin tide";
        await PostFormAsync("/account/sign-up", new()
        {
            ["Input.Username"] = "bench_binder",
            ["Input.Passphrase"] = passphrase,
            ["Input.ConfirmPassphrase"] = passphrase,
        });
        var created = await PostFormAsync("/cases/new", new() { ["Input.Title"] = "Spring notes", ["Input.JurisdictionCode"] = "GB" });
        _caseId = Guid.Parse(created.Split('/')[2]);

        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ownerId = await db.CaseMembers.Where(m => m.CaseId == _caseId).Select(m => m.UserId).SingleAsync();
        await scope.ServiceProvider.GetRequiredService<DemoCase>().FillAsync(_caseId, ownerId, Incidents, Images, CancellationToken.None);
        var evidence = scope.ServiceProvider.GetRequiredService<EvidenceService>();
        foreach (var item in await db.EvidenceItems.AsNoTracking().Where(e => e.CaseId == _caseId).OrderBy(e => e.ReceivedUtc).ToListAsync())
        {
            _stripped.Add(await evidence.PreviewAsync(item, CancellationToken.None) ?? throw new InvalidOperationException("A demo image has no preview."));
        }
    }

    private async Task<string> PostFormAsync(string url, Dictionary<string, string> fields)
    {
        var page = await _client.GetStringAsync(url);
        fields["__rvt"] = TokenPattern().Match(page).Groups[1].Value;
        using var content = new FormUrlEncodedContent(fields);
        using var response = await _client.PostAsync(url, content);
        return response.StatusCode == HttpStatusCode.Redirect
            ? response.Headers.Location!.OriginalString
            : throw new InvalidOperationException($"POST {url} answered {(int)response.StatusCode}.");
    }

    private static string WebProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "IncidentResponse.sln")))
            {
                return Path.Combine(directory.FullName, "src", "IncidentResponse.Web");
            }
        }

        throw new InvalidOperationException("Run the benchmarks from within the repository.");
    }

    [GeneratedRegex("name=\"__rvt\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
