using System.Globalization;
using System.Net;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Pages.Cases.Evidence;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IncidentResponse.Web.Tests;

/// <summary>Sweeping the evidence directory: unfinished uploads and files with no evidence record go, nothing else.</summary>
public abstract class EvidenceSweepTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private static readonly byte[] Statement = TestFiles.Pdf("My statement"u8.ToArray());

    [Fact]
    public async Task Old_unfinished_uploads_and_old_files_with_no_record_are_deleted_and_only_counted_in_the_log()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var evidenceId = await client.AddEvidenceAsync(caseId, Statement, "statement.pdf");
        var store = (FileSystemEvidenceBlobStore)app.Services.GetRequiredService<IEvidenceBlobStore>();
        await using var db = app.CreateDbContext();
        var keptBlob = await db.EvidenceItems.Where(e => e.Id == evidenceId).Select(e => e.BlobId).SingleAsync();
        var privateEvidenceId = await client.AddEvidenceAsync(caseId, Statement, "private.pdf");
        var privateBlob = await db.EvidenceItems.Where(e => e.Id == privateEvidenceId).Select(e => e.BlobId).SingleAsync();
        await db.EvidenceItems.Where(e => e.Id == privateEvidenceId).ExecuteUpdateAsync(u => u.SetProperty(e => e.IsPrivate, true));
        var orphan = await CommitBlobAsync(store);
        var recentOrphan = await CommitBlobAsync(store);
        var partial = Path.Combine(store.RootDirectory, $".{Guid.NewGuid():N}.{Guid.NewGuid():N}.partial");
        await File.WriteAllBytesAsync(partial, [1, 2, 3]);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var longAgo = now - EvidenceSweeper.MinimumAge - TimeSpan.FromMinutes(5);
        File.SetLastWriteTimeUtc(BlobPath(store, keptBlob), longAgo);
        File.SetLastWriteTimeUtc(BlobPath(store, privateBlob), longAgo);
        File.SetLastWriteTimeUtc(BlobPath(store, orphan), longAgo);
        File.SetLastWriteTimeUtc(partial, longAgo);
        File.SetLastWriteTimeUtc(BlobPath(store, recentOrphan), now - TimeSpan.FromMinutes(1));
        var logged = app.Logs.Entries.Count;

        var result = await app.Services.GetRequiredService<EvidenceSweeper>().SweepAsync(CancellationToken.None);

        Assert.Equal(new EvidenceSweepResult(AbandonedPartials: 1, Orphans: 1), result);
        Assert.False(File.Exists(BlobPath(store, orphan)));
        Assert.False(File.Exists(partial));
        Assert.True(File.Exists(BlobPath(store, privateBlob)), "A private file is hidden from allies, never orphaned.");
        Assert.True(File.Exists(BlobPath(store, recentOrphan)), "A file written moments ago may belong to an upload still being saved.");
        using var download = await client.DownloadEvidenceAsync(caseId, evidenceId);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Statement, await download.Content.ReadAsByteArrayAsync());
        var entries = app.Logs.Entries.Skip(logged).ToList();
        Assert.Contains(entries, e => e.Contains("Evidence sweep: 1 unfinished uploads and 1 files with no evidence record deleted", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains(orphan.ToString("N"), StringComparison.OrdinalIgnoreCase) || e.Contains(Path.GetFileName(partial), StringComparison.Ordinal));
        Assert.Single(app.Services.GetServices<IHostedService>().OfType<EvidenceSweepAtStartup>());
    }

    private static async Task<Guid> CommitBlobAsync(FileSystemEvidenceBlobStore store)
    {
        await using var pending = await store.CreateAsync();
        await pending.Content.WriteAsync(new byte[] { 9, 9, 9 });
        await pending.CommitAsync();
        return pending.BlobId;
    }

    private static string BlobPath(FileSystemEvidenceBlobStore store, Guid blobId) =>
        Path.Combine(store.RootDirectory, blobId.ToString("N", CultureInfo.InvariantCulture) + ".blob");
}

public sealed class EvidenceSweepTestsOnSqlite(SqliteApp app) : EvidenceSweepTests<SqliteApp>(app);

public sealed class EvidenceSweepTestsOnPostgres(PostgresApp app) : EvidenceSweepTests<PostgresApp>(app);
