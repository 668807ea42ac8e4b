using System.Net;
using System.Security.Cryptography;
using System.Text;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The app process is killed (as a crash or an out-of-memory kill would) in the middle of an evidence upload: after a
/// restart on the same data directory and database, nothing of that upload is visible or left on disk.
/// </summary>
[Trait("Category", "System")]
public sealed class UploadCrashTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ir-crash-" + Guid.NewGuid().ToString("N")[..8]);
    private AppProcessSettings _settings = null!;

    private string DataDirectory => Path.Combine(_root, "data");

    public async Task InitializeAsync()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        _settings = new AppProcessSettings(database, DataDirectory, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))
        {
            // Plain HTTP on loopback with no proxy in front: cookies without the Secure flag.
            Extra = new Dictionary<string, string> { ["Security:CookiesRequireHttps"] = "false" },
        };
    }

    [Fact]
    public async Task Killed_mid_upload_the_restarted_app_shows_nothing_of_it_and_no_readable_copy_is_left_anywhere()
    {
        var marker = Encoding.ASCII.GetBytes("UNSEALED-" + Guid.NewGuid().ToString("N"));
        var text = new byte[6 * 1024 * 1024];
        for (var at = 0; at < text.Length; at += marker.Length)
        {
            marker.AsSpan(0, Math.Min(marker.Length, text.Length - at)).CopyTo(text.AsSpan(at));
        }

        var file = TestFiles.Pdf(text);
        var cookies = new CookieContainer();
        Guid caseId;
        var app = await AppProcess.StartAsync(_settings);
        try
        {
            using var client = Client(app, cookies);
            await client.SignUpAsync();
            caseId = await client.CreateCaseAsync();
            var token = await client.AntiforgeryTokenAsync($"/cases/{caseId}/evidence/add");

            // Half the file goes up, then the sender stalls: the upload is in flight when the process dies.
            using var stop = new CancellationTokenSource();
            var halfSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var upload = client.UploadEvidenceAsync(caseId, new StallingContent(file, file.Length / 2, halfSent), "statement.pdf", token: token, cancellationToken: stop.Token);
            await halfSent.Task.WaitAsync(TimeSpan.FromSeconds(60));
            var partial = await WaitForPartialAsync(minimumBytes: 1024 * 1024);

            app.Kill();
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => upload);

            // The crash left the unfinished file behind, sealed: not one plaintext copy of the marker in it.
            Assert.True(File.Exists(partial), "The killed process left its unfinished upload on disk.");
            Assert.False(Contains(await File.ReadAllBytesAsync(partial), marker), "An unfinished upload is written sealed, never in plaintext.");
        }
        finally
        {
            await app.DisposeAsync();
        }

        await using var restarted = await AppProcess.StartAsync(_settings);
        var swept = await WaitForOutputAsync(restarted, "Evidence sweep:");
        Assert.Contains("Evidence sweep: 1 unfinished uploads and 0 files with no evidence record deleted", swept, StringComparison.Ordinal);

        Assert.Empty(Directory.GetFiles(DataDirectory, "*.partial", SearchOption.AllDirectories));
        await AssertNoPlaintextAsync(marker, expectFiles: false);

        await using (var db = new AppDbContext(DatabaseProviders.CreateOptions(DatabaseProvider.Postgres, _settings.PostgresConnectionString)))
        {
            Assert.Equal(0, await db.EvidenceItems.IgnoreQueryFilters().CountAsync(e => e.CaseId == caseId));
        }

        // The same browser is still signed in after the restart (sessions and keys are in the database), sees no
        // trace of the lost upload, and can add the file again.
        using var again = Client(restarted, cookies);
        var evidence = await again.GetAsync($"/cases/{caseId}/evidence");
        Assert.Equal(HttpStatusCode.OK, evidence.Status);
        Assert.Empty(EvidenceLinks(evidence.Html, caseId));
        var retried = await again.UploadEvidenceAsync(caseId, new ByteArrayContent(file), "statement.pdf");
        Assert.Equal(HttpStatusCode.Redirect, retried.Status);
        var kept = retried.Location!.OriginalString.Split('/')[^1];
        Assert.Equal([kept], EvidenceLinks((await again.GetAsync($"/cases/{caseId}/evidence")).Html, caseId));
        // The kept copy is sealed too: still no plaintext anywhere, now that there is a file to look in.
        await AssertNoPlaintextAsync(marker, expectFiles: true);
    }

    /// <summary>Every file in the data directory and the process's temp directory (TMPDIR), but the runtime's diagnostic sockets and pipes.</summary>
    private async Task AssertNoPlaintextAsync(byte[] marker, bool expectFiles)
    {
        var everyFile = Directory.GetFiles(_root, "*", SearchOption.AllDirectories)
            .Where(p => !Path.GetFileName(p).StartsWith("dotnet-diagnostic-", StringComparison.Ordinal)
                && !Path.GetFileName(p).StartsWith("clr-debug-pipe-", StringComparison.Ordinal)).ToList();
        Assert.Equal(expectFiles, everyFile.Count > 0);
        foreach (var path in everyFile)
        {
            Assert.False(Contains(await File.ReadAllBytesAsync(path), marker), $"{Path.GetRelativePath(_root, path)} holds the upload in plaintext.");
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temp directories.
        }

        return Task.CompletedTask;
    }

    private static AppClient Client(AppProcess app, CookieContainer cookies) =>
        new(new HttpClient(new CookieContainerHandler(cookies) { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false } })
        {
            BaseAddress = app.Address,
        }, cookies);

    private async Task<string> WaitForPartialAsync(long minimumBytes)
    {
        var evidence = Path.Combine(DataDirectory, "evidence");
        for (var i = 0; i < 600; i++)
        {
            if (Directory.Exists(evidence)
                && Directory.GetFiles(evidence, "*.partial").Select(p => new FileInfo(p)).FirstOrDefault(f => f.Length >= minimumBytes) is { } found)
            {
                return found.FullName;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The app never wrote the upload's partial file.");
    }

    private static async Task<string> WaitForOutputAsync(AppProcess app, string text)
    {
        for (var i = 0; i < 600; i++)
        {
            if (app.Output.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The app never logged '{text}':\n{app.Output}");
    }

    private static List<string> EvidenceLinks(string html, Guid caseId) =>
        System.Text.RegularExpressions.Regex.Matches(html, $"/cases/{caseId}/evidence/([0-9a-f-]{{36}})")
            .Select(m => m.Groups[1].Value).Distinct().ToList();

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>Sends the first <c>sendFirst</c> bytes, says so, then waits until the request is abandoned.</summary>
    private sealed class StallingContent(byte[] file, int sendFirst, TaskCompletionSource sent) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            for (var at = 0; at < sendFirst; at += 64 * 1024)
            {
                await stream.WriteAsync(file.AsMemory(at, Math.Min(64 * 1024, sendFirst - at)), cancellationToken);
            }

            await stream.FlushAsync(cancellationToken);
            sent.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override bool TryComputeLength(out long length)
        {
            length = file.Length;
            return true;
        }
    }
}
