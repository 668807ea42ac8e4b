using System.IO.Pipelines;
using IncidentResponse.Documents.Binder;
using IncidentResponse.Documents.Pdf;
using IncidentResponse.Domain.Binders;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Pages.Cases.Evidence;
using IncidentResponse.Web.Security;
using Microsoft.EntityFrameworkCore;
using BinderOptions = IncidentResponse.Documents.Binder.BinderOptions;

namespace IncidentResponse.Web.Pages.Cases.Binder;

/// <summary>
/// Makes one claimed binder job (in a scope of its own): opens the choices, builds the binder as the member who asked
/// may see it now, prints it while a pulse writes its progress and watches for Cancel, seals the PDF under the case
/// key as it is printed, and records in the case's history that a binder was made. Nothing is kept unless the whole
/// PDF was printed and sealed: a failure or a cancel discards the half-written file.
/// </summary>
public sealed partial class BinderJobWork(
    AppDbContext db,
    BinderJobs jobs,
    BinderBuilder builder,
    BinderPrinter printer,
    CaseKeyring keys,
    EvidenceVault vault,
    BinderJobFiles files,
    IServiceScopeFactory scopes,
    FairPrinting fairPrinting,
    TimeProvider clock,
    ILogger<BinderJobWork> logger)
{
    /// <summary>How often the pulse writes progress and reads Cancel.</summary>
    public static readonly TimeSpan PulseInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Runs a job this instance has claimed. False when the person already has a document printing here (fair
    /// printing: a ZIP with its binder, say): the job goes back to waiting, and its page says so.
    /// </summary>
    public async Task<bool> TryRunAsync(Guid jobId, CancellationToken stopping)
    {
        var job = await db.BinderJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, stopping);
        using var slot = fairPrinting.TryStart(job.UserId, PrintKind.Binder);
        if (slot is null)
        {
            await db.BinderJobs.Where(j => j.Id == jobId && j.State == BinderJobState.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, BinderJobState.Queued), stopping);
            return false;
        }

        await RunAsync(job, stopping);
        return true;
    }

    /// <summary>What the binder holds: the asker's choices (or the export's fixed ones), within what they may see now.</summary>
    private async Task<BinderOptions> OptionsAsync(BinderJob job, CaseMembership membership, CancellationToken cancellationToken)
    {
        var audience = (await CaseAudience.LoadAsync(db, membership, cancellationToken)).ForBinder();
        var picturesShared = membership.Can(CaseOperation.ViewEvidence);
        var assessmentShown = membership.Can(CaseOperation.ViewRiskAssessment);
        return job.ForExport
            ? BinderExportPart.OptionsFor(picturesShared, assessmentShown, audience)
            : (await jobs.OpenChoicesAsync(job, cancellationToken)).ToOptions() with
            {
                PicturesShared = picturesShared,
                AssessmentShown = assessmentShown,
                Audience = audience,
            };
    }

    // Long because the job's whole life is here, in order: who may see what, the print beside its pulse, the seal,
    // and the one place each way it can end (ready, cancelled, failed) is written.
    private async Task RunAsync(BinderJob job, CancellationToken stopping)
    {
        var jobId = job.Id;
        var membership = await CaseMembership.FindAsync(db, job.CaseId, job.UserId, stopping);
        if (membership is null || !membership.Can(CaseOperation.Export))
        {
            await FinishAsync(jobId, BinderJobState.Failed, BinderJobFailure.NotAllowed, null, stopping);
            return;
        }

        db.ShowPrivateItems = membership.IsOwner;
        var progress = new BinderProgress();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var pulseStop = new CancellationTokenSource();
        var pulse = PulseAsync(jobId, progress, cancel, pulseStop.Token);
        try
        {
            var options = await OptionsAsync(job, membership, cancel.Token);
            var binder = await builder.BuildDocumentAsync(job.CaseId, options, cancel.Token);
            var kept = await PrintSealedAsync(job, binder, progress, cancel.Token);
            await pulseStop.CancelAsync();
            await pulse;
            await FinishReadyAsync(job, kept, progress, options, binder);
            LogReady(logger, jobId, binder.Exhibits.Count);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested && !stopping.IsCancellationRequested)
        {
            await pulseStop.CancelAsync();
            await pulse;
            await FinishAsync(jobId, BinderJobState.Cancelled, null, null, CancellationToken.None);
            LogCancelled(logger, jobId);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The app is stopping: the job is interrupted, and says so kindly, rather than left running for ever.
            await pulseStop.CancelAsync();
            await pulse;
            await FinishAsync(jobId, BinderJobState.Failed, BinderJobFailure.Interrupted, null, CancellationToken.None);
        }
        catch (Exception exception) when (exception is PdfRendererUnavailableException or EvidenceIntegrityException or IOException or InvalidOperationException)
        {
            await pulseStop.CancelAsync();
            await pulse;
            var failure = exception is PdfRendererUnavailableException ? BinderJobFailure.NoPrinter : BinderJobFailure.PrintFailed;
            await FinishAsync(jobId, BinderJobState.Failed, failure, null, CancellationToken.None);
            LogFailed(logger, jobId, exception.GetType().Name);
        }
    }

    /// <summary>
    /// Prints into a pipe that the vault seals from as the bytes come, into a pending file committed only when the
    /// whole PDF is sealed: the plaintext PDF never touches the disk, and a failure leaves no file.
    /// </summary>
    private async Task<(Guid BlobId, byte[] FileKey, long Length)> PrintSealedAsync(
        BinderJob job, IncidentResponse.Documents.Binder.BinderDocument binder, BinderProgress progress, CancellationToken cancellationToken)
    {
        var caseKey = await keys.UnwrapAsync(job.CaseId, cancellationToken);
        try
        {
            await using var pending = await files.Store.CreateAsync(cancellationToken);
            var pipe = new Pipe();
            var sealing = vault.SealAsync(pipe.Reader.AsStream(), caseKey, job.Id, pending.Content, long.MaxValue, cancellationToken);
            try
            {
                await using (var into = pipe.Writer.AsStream())
                {
                    await printer.WritePdfAsync(binder, into, cancellationToken, progress);
                }
            }
            catch (Exception exception)
            {
                await pipe.Writer.CompleteAsync(exception);
                await Task.WhenAny(sealing);
                _ = sealing.Exception;
                throw;
            }

            progress.Begin(BinderJobPhase.Saving);
            var result = await sealing;
            await pending.CommitAsync(cancellationToken);
            return (pending.BlobId, result.WrappedFileKey, result.Length);
        }
        finally
        {
            CaseKeys.Destroy(caseKey);
        }
    }

    /// <summary>Every <see cref="PulseInterval"/>: the progress and a heartbeat out, Cancel in (from any instance).</summary>
    private async Task PulseAsync(Guid jobId, BinderProgress progress, CancellationTokenSource cancel, CancellationToken stop)
    {
        await using var scope = scopes.CreateAsyncScope();
        var pulseDb = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        using var timer = new PeriodicTimer(PulseInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    await pulseDb.BinderJobs.Where(j => j.Id == jobId && j.State == BinderJobState.Running)
                        .ExecuteUpdateAsync(
                            s => s.SetProperty(j => j.Phase, progress.Phase).SetProperty(j => j.ExhibitsDone, progress.ExhibitsDone)
                                .SetProperty(j => j.ExhibitsTotal, progress.ExhibitsTotal).SetProperty(j => j.HeartbeatUtc, now),
                            stop);
                    if (await pulseDb.BinderJobs.TagWith(BinderJobRunner.Background).AsNoTracking().AnyAsync(j => j.Id == jobId && j.CancelRequested, stop))
                    {
                        await cancel.CancelAsync();
                    }
                }
                catch (System.Data.Common.DbException)
                {
                    // A missed beat: the next one writes the progress again.
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The job has ended; its last state is written by FinishAsync.
        }
    }

    /// <summary>
    /// Ready and "a binder was made" in one transaction (inside the provider's retry strategy): whoever sees the binder
    /// ready finds it in the case's history too, and a failure between the two leaves neither.
    /// </summary>
    private async Task FinishReadyAsync(BinderJob job, (Guid BlobId, byte[] FileKey, long Length) kept, BinderProgress progress, BinderOptions options, BinderDocument binder) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            await FinishAsync(job.Id, BinderJobState.Ready, null, kept, CancellationToken.None, progress);
            await printer.RecordMadeAsync(job.CaseId, job.UserId, "pdf", options, binder, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        });

    /// <summary>
    /// Ends a running job once. Where it is no longer running (declared interrupted by another instance, or deleted
    /// with its case), the PDF just sealed is deleted rather than left without a row.
    /// </summary>
    private async Task FinishAsync(
        Guid jobId, BinderJobState state, BinderJobFailure? failure, (Guid BlobId, byte[] FileKey, long Length)? kept, CancellationToken cancellationToken, BinderProgress? progress = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var done = progress?.ExhibitsDone ?? 0;
        var total = progress?.ExhibitsTotal ?? 0;
        var ended = await db.BinderJobs.Where(j => j.Id == jobId && j.State == BinderJobState.Running)
            .ExecuteUpdateAsync(
                s => s.SetProperty(j => j.State, state)
                    .SetProperty(j => j.ExhibitsDone, done).SetProperty(j => j.ExhibitsTotal, total).SetProperty(j => j.Failure, failure).SetProperty(j => j.FinishedUtc, now)
                    .SetProperty(j => j.Phase, state == BinderJobState.Ready ? BinderJobPhase.Done : BinderJobPhase.Waiting)
                    .SetProperty(j => j.SealedChoices, (byte[]?)null).SetProperty(j => j.ChoicesKey, (byte[]?)null)
                    .SetProperty(j => j.BlobId, kept.HasValue ? kept.Value.BlobId : null)
                    .SetProperty(j => j.FileKey, kept.HasValue ? kept.Value.FileKey : null)
                    .SetProperty(j => j.Length, kept.HasValue ? kept.Value.Length : 0),
                cancellationToken);
        if (ended == 0 && kept.HasValue)
        {
            await files.Store.DeleteAsync(kept.Value.BlobId, cancellationToken);
            throw new InvalidOperationException("The job ended elsewhere before its PDF was kept.");
        }
    }

    [LoggerMessage(EventId = 7601, Level = LogLevel.Information, Message = "Binder job {JobId} is ready ({Exhibits} exhibits)")]
    private static partial void LogReady(ILogger logger, Guid jobId, int exhibits);

    [LoggerMessage(EventId = 7602, Level = LogLevel.Information, Message = "Binder job {JobId} was cancelled; nothing was kept")]
    private static partial void LogCancelled(ILogger logger, Guid jobId);

    [LoggerMessage(EventId = 7603, Level = LogLevel.Warning, Message = "Binder job {JobId} failed ({ExceptionType}); nothing was kept")]
    private static partial void LogFailed(ILogger logger, Guid jobId, string exceptionType);
}
