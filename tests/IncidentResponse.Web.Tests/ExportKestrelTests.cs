using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using IncidentResponse.Web.Pages.Cases.Export;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Web.Tests;

/// <summary>The real app on Kestrel (synchronous IO disallowed, as in production), with one extra export part registered
/// through the seam the binder will use.</summary>
public sealed class ExportKestrelApp : SqliteApp
{
    public ExportKestrelApp()
    {
        Set("Security:CookiesRequireHttps", "false");
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddScoped<ICaseExportPart, ExtraNotesPart>();
            services.AddScoped<ICaseExportPart, BreakingPart>();
        });
    }

    public AppClient CreateSocketClient()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var cookies = new CookieContainer();
        var handler = new CookieContainerHandler(cookies) { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false } };
        return new AppClient(new HttpClient(handler) { BaseAddress = new Uri(address) }, cookies);
    }

    /// <summary>A stand-in for binder.pdf: a plain text file written in several asynchronous pieces.</summary>
    public sealed class ExtraNotesPart : ICaseExportPart
    {
        public string FileName => "extra-notes.txt";

        public async Task WriteAsync(CaseExportRequest request, Stream destination, CancellationToken cancellationToken)
        {
            for (var i = 0; i < 3; i++)
            {
                await destination.WriteAsync(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"part {i} of {request.CaseId}\n")), cancellationToken);
            }
        }
    }
}

/// <summary>A part that breaks halfway for the cases a test names, as a binder might if Chromium fails.</summary>
public sealed class BreakingPart : ICaseExportPart
{
    public static System.Collections.Concurrent.ConcurrentDictionary<Guid, bool> BreakFor { get; } = new();

    public string FileName => "sometimes-broken.txt";

    public async Task WriteAsync(CaseExportRequest request, Stream destination, CancellationToken cancellationToken)
    {
        await destination.WriteAsync("the first half\n"u8.ToArray(), cancellationToken);
        if (BreakFor.ContainsKey(request.CaseId))
        {
            throw new InvalidOperationException("The part broke halfway.");
        }

        await destination.WriteAsync("the second half\n"u8.ToArray(), cancellationToken);
    }
}

public sealed class ExportKestrelTests(ExportKestrelApp app) : IClassFixture<ExportKestrelApp>
{
    [Fact]
    public async Task A_large_exhibit_streams_through_Kestrel_bit_exact_with_only_small_writes_held_back()
    {
        using var client = app.CreateSocketClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync();
        var large = TestFiles.Pdf(RandomNumberGenerator.GetBytes(12 * 1024 * 1024));
        var small = TestImages.Png(32, 32);
        await client.AddEvidenceAsync(caseId, large, "large.pdf");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await client.AddEvidenceAsync(caseId, small, "small.png");

        var folder = await client.DownloadEverythingAsync(caseId);
        try
        {
            Assert.Equal(large, await File.ReadAllBytesAsync(Path.Combine(folder, "exhibit-001.pdf")));
            Assert.Equal(small, await File.ReadAllBytesAsync(Path.Combine(folder, "exhibit-002.png")));
            Assert.Equal(
                $"part 0 of {caseId}\npart 1 of {caseId}\npart 2 of {caseId}\n",
                await File.ReadAllTextAsync(Path.Combine(folder, "extra-notes.txt")));
            var manifest = await File.ReadAllTextAsync(Path.Combine(folder, CaseExporter.ManifestName));
            Assert.Contains("  extra-notes.txt\n", manifest, StringComparison.Ordinal);
            var check = await ExportJourneys.Sha256SumCheckAsync(folder);
            Assert.True(check.ExitCode == 0, check.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // Only the ZIP's own small synchronous tails were held for the response, never a file's contents.
        var written = app.Logs.Entries.Last(e => e.Contains("exported with 2 exhibits", StringComparison.Ordinal));
        var held = long.Parse(Regex.Match(written, @"MostHeldBytes=(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(held, 0, 256 * 1024);
    }

    [Fact]
    public async Task A_part_that_breaks_is_named_in_problems_txt_and_left_out_of_the_manifest()
    {
        using var client = app.CreateSocketClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync();
        await client.AddEvidenceAsync(caseId, TestImages.Png(8, 8), "a.png");
        BreakingPart.BreakFor[caseId] = true;

        var folder = await client.DownloadEverythingAsync(caseId);
        try
        {
            var problems = await File.ReadAllTextAsync(Path.Combine(folder, CaseExporter.ProblemsName));
            Assert.Contains("sometimes-broken.txt could not be completed", problems, StringComparison.Ordinal);
            var manifest = await File.ReadAllTextAsync(Path.Combine(folder, CaseExporter.ManifestName));
            Assert.DoesNotContain("sometimes-broken.txt", manifest, StringComparison.Ordinal);
            Assert.Contains("  extra-notes.txt\n", manifest, StringComparison.Ordinal);
            Assert.Contains("  exhibit-001.png\n", manifest, StringComparison.Ordinal);
            var check = await ExportJourneys.Sha256SumCheckAsync(folder);
            Assert.True(check.ExitCode == 0, check.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
