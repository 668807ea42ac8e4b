using System.Data.Common;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Evidence;

/// <summary>What one sweep of the evidence directory deleted.</summary>
public sealed record EvidenceSweepResult(int AbandonedPartials, int Orphans);

/// <summary>
/// Tidies the evidence directory: deletes unfinished uploads (".partial" files a stopped process left behind) and
/// sealed files no evidence row refers to (kept by a process that stopped between writing the file and saving its
/// row). A partial file goes as soon as no live upload holds its lock (so a restart after a crash leaves none behind),
/// or once older than <see cref="MinimumAge"/> where the file system ignores locks; an upload in progress, here or in
/// another instance sharing the directory, holds its lock and is never swept. Sealed files are touched only when last
/// written more than <see cref="MinimumAge"/> ago (their row may be being saved). Logs counts only, never a file name.
/// </summary>
public sealed partial class EvidenceSweeper(
    IEvidenceBlobStore store, IServiceScopeFactory scopes, TimeProvider clock, ILogger<EvidenceSweeper> logger)
{
    public static readonly TimeSpan MinimumAge = TimeSpan.FromMinutes(30);

    private const int Batch = 500;

    public async Task<EvidenceSweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        if (store is not FileSystemEvidenceBlobStore files)
        {
            return new EvidenceSweepResult(0, 0);
        }

        var cutOff = clock.GetUtcNow().UtcDateTime - MinimumAge;
        var partials = files.DeleteAbandonedPartials(cutOff);
        var orphans = 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var batch in files.CommittedBlobIds(cutOff).Chunk(Batch))
        {
            // Every row counts, private ones included: the privacy filter must never make a kept file look orphaned.
            var kept = await db.EvidenceItems.IgnoreQueryFilters().AsNoTracking().Where(e => batch.Contains(e.BlobId)).Select(e => e.BlobId).ToListAsync(cancellationToken);
            foreach (var blobId in batch.Except(kept))
            {
                await store.DeleteAsync(blobId, cancellationToken);
                orphans++;
            }
        }

        LogSwept(logger, partials, orphans);
        return new EvidenceSweepResult(partials, orphans);
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Evidence sweep: {Partials} unfinished uploads and {Orphans} files with no evidence record deleted")]
    private static partial void LogSwept(ILogger logger, int partials, int orphans);
}

/// <summary>Runs <see cref="EvidenceSweeper"/> once as the app starts (after the database migrator), in the background.</summary>
public sealed partial class EvidenceSweepAtStartup(EvidenceSweeper sweeper, ILogger<EvidenceSweepAtStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await sweeper.SweepAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping; the next start sweeps again.
        }
        catch (Exception exception) when (DatabaseFaults.IsUnavailable(exception) || exception is IOException or UnauthorizedAccessException or DbException or InvalidOperationException)
        {
            // A failed sweep must not stop the app: it is logged by type only (a message could name a file) and
            // runs again at the next start.
            LogFailed(logger, exception.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "Evidence sweep failed ({ExceptionType}); it runs again at the next start")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}
