using System.Net;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Operator.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Benchmarks;

/// <summary>
/// Server time for the record's timeline (first page) and the case dashboard, for a case of 10 incidents and one of
/// 5,000, each with a sighting: the real app in process on SQLite, filled by seed-demo's own code. The target is a
/// ratio of at most 2 between the two sizes. Run: ./build.sh bench '*Timeline*'
/// </summary>
[MemoryDiagnoser]
[WarmupCount(2)]
[IterationCount(10)]
public partial class TimelineBenchmarks
{
    private WebApplicationFactory<Program> _app = null!;
    private HttpClient _client = null!;
    private string _directory = "";
    private Guid _caseId;

    [Params(10, 5000)]
    public int Incidents { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _app.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Description = "GET the record's timeline")]
    public async Task<int> Timeline() => await GetAsync($"/cases/{_caseId}/log");

    [Benchmark(Description = "GET the case dashboard")]
    public async Task<int> Dashboard() => await GetAsync($"/cases/{_caseId}");

    private async Task<int> GetAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}.");
        }

        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    private async Task SetupAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "ir-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_directory);
        // The factory looks for the web project beside the calling assembly; from a benchmark, tell it where it is.
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
            ["Input.Username"] = "bench_" + Incidents,
            ["Input.Passphrase"] = passphrase,
            ["Input.ConfirmPassphrase"] = passphrase,
        });
        var created = await PostFormAsync("/cases/new", new() { ["Input.Title"] = "Spring notes", ["Input.JurisdictionCode"] = "GB" });
        _caseId = Guid.Parse(created.Split('/')[2]);

        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ownerId = await db.CaseMembers.Where(m => m.CaseId == _caseId).Select(m => m.UserId).SingleAsync();
        await scope.ServiceProvider.GetRequiredService<DemoCase>().FillAsync(_caseId, ownerId, Incidents, images: 0, CancellationToken.None);
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
