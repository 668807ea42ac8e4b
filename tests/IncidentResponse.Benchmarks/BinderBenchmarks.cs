using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using IncidentResponse.Documents;
using IncidentResponse.Documents.Pdf;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Binder;
using IncidentResponse.Web.Evidence;
using IncidentResponse.Web.Infrastructure;
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
/// <c>dotnet run -c Release --project tests/IncidentResponse.Benchmarks -- binder</c> (a warm-up run of each, then one timed).
/// </summary>
public partial class BinderBenchmarks
{
    public static async Task MeasureAsync()
    {
        var bench = new BinderBenchmarks();
        var seeding = Stopwatch.StartNew();
        bench.Setup();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// Seeded {Incidents} incidents and {Images} images in {seeding.Elapsed.TotalSeconds:0} s"));
        foreach (var (name, run) in new (string, Func<Task<long>>)[] { ("Plain Chromium print", bench.PlainPrint), ("Binder PDF", bench.Binder) })
        {
            await run();
            for (var i = 1; i <= 1; i++)
            {
                var watch = Stopwatch.StartNew();
                var bytes = await run();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {name}, run {i}: {watch.Elapsed.TotalSeconds:0.0} s, {bytes / 1048576.0:0.0} MiB"));
            }
        }

        bench.Cleanup();
    }

    private const int Incidents = 500;
    private const int Images = 200;

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
        var chromium = Process.GetProcessesByName("chromium").Sum(p => p.WorkingSet64);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// Binder: {_binderBytes / 1048576.0:0.0} MiB, {PageCount(_binderBytes, "binder")} pages; plain print: {_plainBytes / 1048576.0:0.0} MiB, {PageCount(_plainBytes, "plain")} pages"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// App process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB; Chromium processes now {chromium / 1048576.0:0} MiB"));
        _client.Dispose();
        _app.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    public async Task<long> Binder()
    {
        using var scope = _app.Services.CreateScope();
        var binders = scope.ServiceProvider.GetRequiredService<BinderService>();
        using var pdf = new MemoryStream();
        await binders.WritePdfAsync(_caseId, BinderOptions.For(BinderPreset.Police), pdf, CancellationToken.None);
        _binderBytes = pdf.Length;
        Keep("binder", pdf);
        return pdf.Length;
    }

    public async Task<long> PlainPrint()
    {
        var printer = _app.Services.GetRequiredService<ChromiumPdfPrinter>();
        var html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>img{display:block;width:100%;height:125mm;object-fit:contain;break-before:page}</style></head><body>");
        for (var i = 0; i < _stripped.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Image {i + 1}</p><img src=\"{DocumentResources.UrlFor("image/" + i.ToString(CultureInfo.InvariantCulture))}\" alt=\"\">");
        }

        html.Append("</body></html>");
        using var pdf = new MemoryStream();
        await printer.PrintAsync(
            html.ToString(),
            (name, _) => Task.FromResult<(byte[] Bytes, string ContentType)?>((_stripped[int.Parse(name["image/".Length..], CultureInfo.InvariantCulture)], "image/png")),
            pdf,
            new PdfOptions { RunningHeader = "Plain", GeneratedAtUtc = DateTimeOffset.UtcNow },
            CancellationToken.None);
        _plainBytes = pdf.Length;
        Keep("plain", pdf);
        return pdf.Length;
    }

    private void Keep(string name, MemoryStream pdf) => File.WriteAllBytes(Path.Combine(_directory, name + ".pdf"), pdf.ToArray());

    private string PageCount(long length, string name)
    {
        if (length == 0)
        {
            return "?";
        }

        var start = new ProcessStartInfo("pdfinfo") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(_directory, name + ".pdf"));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Split('\n').FirstOrDefault(l => l.StartsWith("Pages:", StringComparison.Ordinal))?["Pages:".Length..].Trim() ?? "?";
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

        const string passphrase = "kettle river orange lamp";
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
