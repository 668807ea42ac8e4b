using System.Data.Common;
using IncidentResponse.Domain.Binders;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Binder;

/// <summary>
/// Runs binder jobs on this instance, one at a time, in turns between people (see <see cref="ClaimNextAsync"/>; ADR 0024). A job is claimed with a conditional
/// update (queued to running, only if still queued), so two instances on one database never run the same job. At
/// start-up, and with every tidy-up after, jobs left running by a process that died (no heartbeat for
/// <see cref="BinderJob.HeartbeatTimeout"/>) become failed, and expired jobs and stray files are deleted
/// (<see cref="BinderJobCleanup"/>). Wakes when a job is asked for here; polls for jobs asked for on other instances.
/// An instance with <c>Binder:RunJobs</c> set to false only tidies up: its binders are made by the others.
/// </summary>
public sealed partial class BinderJobRunner(
    IConfiguration configuration,
    IServiceScopeFactory scopes,
    BinderJobSignal signal,
    BinderJobCleanup cleanup,
    TimeProvider clock,
    ILogger<BinderJobRunner> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The tag (an SQL comment) on the queries the runner, its tidy-up and a job's pulse send on their own: an operator
    /// can tell them from requests' queries, and the query-count tests leave them out. EF puts no tag on
    /// ExecuteUpdate/ExecuteDelete, so those run only when a tagged query found something to change.
    /// </summary>
    public const string Background = "binder jobs, in the background";

    public static readonly TimeSpan CleanupInterval = TimeSpan.FromMinutes(1);

    /// <summary>On the thread pool, never on the context of whatever started the host (a test's, which it could starve).</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() => RunAsync(stoppingToken), CancellationToken.None);

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var lastCleanup = DateTime.MinValue;
        var runsJobs = configuration.GetValue("Binder:RunJobs", true);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (DateTime.UtcNow - lastCleanup >= CleanupInterval)
                {
                    await cleanup.RunAsync(stoppingToken);
                    lastCleanup = DateTime.UtcNow;
                }

                // Jobs put back to wait (their person has another document printing) are passed over until the next poll.
                var waiting = new HashSet<Guid>();
                while (runsJobs && await ClaimNextAsync(waiting, stoppingToken) is { } jobId)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    if (!await scope.ServiceProvider.GetRequiredService<BinderJobWork>().TryRunAsync(jobId, stoppingToken))
                    {
                        waiting.Add(jobId);
                    }
                }

                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (DatabaseFaults.IsUnavailable(exception) || exception is DbException or InvalidOperationException or IOException)
            {
                // The database was out of reach (retries exhausted included: an exception leaving this loop would stop
                // the whole app), or a file could not be read: logged by type only, tried again soon.
                LogTroubled(logger, exception.GetType().Name);
                await Task.Delay(PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// The next queued job, now running on this instance; null when there is none (or another took it first). Taken in
    /// turns: first the job of whoever has had the fewest binders made or being made this past hour (the jobs still kept),
    /// and among equals the one asked for first, so one person's many binders never hold back another's.
    /// </summary>
    private async Task<Guid?> ClaimNextAsync(HashSet<Guid> passedOver, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var candidates = (await db.BinderJobs.TagWith(Background).AsNoTracking()
            .Where(j => j.State == BinderJobState.Queued)
            .OrderBy(j => db.BinderJobs.Count(r => r.UserId == j.UserId && r.State != BinderJobState.Queued))
            .ThenBy(j => j.CreatedUtc).Select(j => j.Id).Take(passedOver.Count + 5)
            .ToListAsync(cancellationToken)).Where(id => !passedOver.Contains(id));
        foreach (var id in candidates)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var claimed = await db.BinderJobs.Where(j => j.Id == id && j.State == BinderJobState.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, BinderJobState.Running).SetProperty(j => j.HeartbeatUtc, now), cancellationToken);
            if (claimed == 1)
            {
                return id;
            }
        }

        return null;
    }

    [LoggerMessage(EventId = 7604, Level = LogLevel.Warning, Message = "Binder jobs could not be run just now ({ExceptionType}); trying again shortly")]
    private static partial void LogTroubled(ILogger logger, string exceptionType);
}

/// <summary>
/// The tidy-up of binder jobs: jobs running with no heartbeat (their process died) become failed with no file; expired
/// jobs are deleted with their PDF; sealed files no job refers to (a process stopped between sealing and saving, or a
/// case was deleted) are deleted, as are unfinished ones. Logs counts only.
/// </summary>
public sealed partial class BinderJobCleanup(IServiceScopeFactory scopes, BinderJobFiles files, TimeProvider clock, ILogger<BinderJobCleanup> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - BinderJob.HeartbeatTimeout;
        // Looked for first with a tagged query: EF leaves tags off ExecuteUpdate, and most minutes there is nothing to do.
        var anyStale = await db.BinderJobs.TagWith(BinderJobRunner.Background).AsNoTracking()
            .AnyAsync(j => j.State == BinderJobState.Running && (j.HeartbeatUtc == null || j.HeartbeatUtc < stale), cancellationToken);
        var interrupted = !anyStale ? 0 : await db.BinderJobs
            .Where(j => j.State == BinderJobState.Running && (j.HeartbeatUtc == null || j.HeartbeatUtc < stale))
            .ExecuteUpdateAsync(
                s => s.SetProperty(j => j.State, BinderJobState.Failed).SetProperty(j => j.Failure, BinderJobFailure.Interrupted)
                    .SetProperty(j => j.FinishedUtc, now).SetProperty(j => j.SealedChoices, (byte[]?)null).SetProperty(j => j.ChoicesKey, (byte[]?)null),
                cancellationToken);

        var expired = await db.BinderJobs.TagWith(BinderJobRunner.Background).AsNoTracking().Where(j => j.ExpiresUtc <= now).Select(j => new { j.Id, j.BlobId }).ToListAsync(cancellationToken);
        foreach (var job in expired)
        {
            await db.BinderJobs.Where(j => j.Id == job.Id).ExecuteDeleteAsync(cancellationToken);
            if (job.BlobId is { } blobId)
            {
                await files.Store.DeleteAsync(blobId, cancellationToken);
            }
        }

        // Older than a minute only: a file sealed a moment ago may be having its row written.
        var partials = files.Store.DeleteAbandonedPartials(DateTime.UtcNow - TimeSpan.FromMinutes(1));
        var strays = 0;
        foreach (var batch in files.Store.CommittedBlobIds(DateTime.UtcNow - TimeSpan.FromMinutes(1)).Chunk(500))
        {
            var kept = await db.BinderJobs.TagWith(BinderJobRunner.Background).AsNoTracking().Where(j => j.BlobId != null && batch.Contains(j.BlobId.Value)).Select(j => j.BlobId!.Value).ToListAsync(cancellationToken);
            foreach (var blobId in batch.Except(kept))
            {
                await files.Store.DeleteAsync(blobId, cancellationToken);
                strays++;
            }
        }

        if (interrupted + expired.Count + partials + strays > 0)
        {
            LogTidied(logger, interrupted, expired.Count, partials + strays);
        }
    }

    [LoggerMessage(EventId = 7605, Level = LogLevel.Information, Message = "Binder jobs tidied: {Interrupted} interrupted, {Expired} expired, {Files} stray files deleted")]
    private static partial void LogTidied(ILogger logger, int interrupted, int expired, int files);
}
