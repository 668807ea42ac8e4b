using System.Security.Cryptography;
using System.Text.Json;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Binders;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Pages.Cases.Evidence;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Binder;

/// <summary>
/// Binder jobs as the pages see them (ADR 0024): asking for one, finding one of your own, cancelling it, opening its
/// PDF and deleting it. What the person chose is sealed under the case key in the job's row; the PDF is sealed the same
/// way in <see cref="BinderJobFiles"/>. Every lookup is by case, member and job together, so a job is found only by the
/// member who asked for it.
/// </summary>
public sealed class BinderJobs(AppDbContext db, CaseKeyring keys, EvidenceVault vault, BinderJobFiles files, BinderJobSignal signal, TimeProvider clock)
{
    private const long MaxChoicesBytes = 4 * 1024 * 1024;

    /// <summary>
    /// A new job for the binder chosen in <paramref name="choices"/>, queued for the runner; or, when this person
    /// already has a binder being made for this case, that one (one binder at a time each, so nobody's fill the queue).
    /// </summary>
    public Task<Guid> StartAsync(CaseMembership membership, IndexModel.InputModel choices, CancellationToken cancellationToken) =>
        StartAsync(membership, choices, forExport: false, cancellationToken);

    /// <summary>A job for the binder "Download everything" carries (every part, as <see cref="BinderExportPart"/> prints it).</summary>
    public Task<Guid> StartForExportAsync(CaseMembership membership, CancellationToken cancellationToken) =>
        StartAsync(membership, null, forExport: true, cancellationToken);

    private async Task<Guid> StartAsync(CaseMembership membership, IndexModel.InputModel? choices, bool forExport, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membership);
        var now = clock.GetUtcNow().UtcDateTime;
        var active = await Mine(membership.CaseId, membership.UserId)
            .Where(j => j.ExpiresUtc > now && (j.State == BinderJobState.Queued || j.State == BinderJobState.Running))
            .Select(j => (Guid?)j.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (active is { } existing)
        {
            return existing;
        }

        var job = new BinderJob
        {
            Id = Guid.NewGuid(),
            CaseId = membership.CaseId,
            UserId = membership.UserId,
            ForExport = forExport,
            State = BinderJobState.Queued,
            Phase = BinderJobPhase.Waiting,
            CreatedUtc = now,
            ExpiresUtc = now + BinderJob.Lifetime,
        };
        // The case's key seals the choices and, later, the PDF: a case with no file yet gets it now.
        var caseKey = await keys.UnwrapOrCreateAsync(membership.CaseId, cancellationToken);
        try
        {
            if (choices is not null)
            {
                await SealChoicesAsync(job, choices, caseKey, cancellationToken);
            }
        }
        finally
        {
            CaseKeys.Destroy(caseKey);
        }

        db.BinderJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return job.Id;
    }

    private async Task SealChoicesAsync(BinderJob job, IndexModel.InputModel choices, byte[] caseKey, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(choices);
        try
        {
            using var plain = new MemoryStream(json, writable: false);
            using var sealedChoices = new MemoryStream();
            var result = await vault.SealAsync(plain, caseKey, job.Id, sealedChoices, MaxChoicesBytes, cancellationToken);
            job.SealedChoices = sealedChoices.ToArray();
            job.ChoicesKey = result.WrappedFileKey;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(json);
        }
    }

    /// <summary>The choices sealed in a job, opened with its case's key.</summary>
    public async Task<IndexModel.InputModel> OpenChoicesAsync(BinderJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.SealedChoices is null || job.ChoicesKey is null)
        {
            throw new EvidenceIntegrityException("The job's choices are gone.");
        }

        var caseKey = await keys.UnwrapAsync(job.CaseId, cancellationToken);
        using var plain = new MemoryStream();
        try
        {
            using var sealedChoices = new MemoryStream(job.SealedChoices, writable: false);
            await vault.OpenAsync(sealedChoices, job.ChoicesKey, caseKey, job.Id, plain, cancellationToken);
            return JsonSerializer.Deserialize<IndexModel.InputModel>(plain.GetBuffer().AsSpan(0, (int)plain.Length))
                ?? throw new EvidenceIntegrityException("The job's choices are empty.");
        }
        finally
        {
            CaseKeys.Destroy(caseKey);
            CryptographicOperations.ZeroMemory(plain.GetBuffer());
        }
    }

    /// <summary>This member's job on this case, unexpired; null for anyone else's (the page answers 404).</summary>
    public Task<BinderJob?> FindAsync(Guid caseId, Guid userId, Guid jobId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return Mine(caseId, userId).Where(j => j.Id == jobId && j.ExpiresUtc > now).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Whether a waiting job waits behind another document: one being made on any instance, or one asked for before it.
    /// Says nothing of whose (the page words it as "another document").
    /// </summary>
    public Task<bool> IsBehindAnotherAsync(BinderJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.State != BinderJobState.Queued
            ? Task.FromResult(false)
            : db.BinderJobs.AnyAsync(
                j => j.Id != job.Id && (j.State == BinderJobState.Running || (j.State == BinderJobState.Queued && j.CreatedUtc < job.CreatedUtc)),
                cancellationToken);
    }

    /// <summary>This member's unexpired jobs on this case, newest first, for the binder page.</summary>
    public async Task<List<BinderJob>> ListAsync(CaseMembership membership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membership);
        var now = clock.GetUtcNow().UtcDateTime;
        var list = await Mine(membership.CaseId, membership.UserId).Where(j => j.ExpiresUtc > now).OrderByDescending(j => j.CreatedUtc)
            .ToListAsync(cancellationToken);
        foreach (var ready in list.Where(j => j.State == BinderJobState.Ready))
        {
            // The list says "ready" only of a binder its maker may still open (the same check as the job page's).
            if (await WithdrawIfOutdatedAsync(ready, membership.IsOwner, cancellationToken))
            {
                (ready.State, ready.Failure, ready.BlobId, ready.FileKey, ready.Length, ready.FinishedUtc) =
                    (BinderJobState.Failed, BinderJobFailure.Outdated, null, null, 0, now);
            }
        }

        return list;
    }

    /// <summary>
    /// Cancel: a waiting job is cancelled at once; a running one is marked, and the instance running it stops its print
    /// within a second or so and leaves no file.
    /// </summary>
    public async Task CancelAsync(BinderJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.BinderJobs.Where(j => j.Id == job.Id && j.State == BinderJobState.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, BinderJobState.Cancelled).SetProperty(j => j.FinishedUtc, now)
                .SetProperty(j => j.SealedChoices, (byte[]?)null).SetProperty(j => j.ChoicesKey, (byte[]?)null), cancellationToken);
        await db.BinderJobs.Where(j => j.Id == job.Id && j.State == BinderJobState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), cancellationToken);
    }

    /// <summary>The finished PDF, decrypted as it is read (each chunk checked first); nothing plain touches the disk.</summary>
    public async Task<Stream> OpenPdfAsync(BinderJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.State != BinderJobState.Ready || job.BlobId is not { } blobId || job.FileKey is null)
        {
            throw new InvalidOperationException("The binder is not ready.");
        }

        var caseKey = await keys.UnwrapAsync(job.CaseId, cancellationToken);
        try
        {
            var ciphertext = await files.Store.OpenReadAsync(blobId, cancellationToken);
            return vault.OpenRead(ciphertext, job.FileKey, caseKey, job.Id);
        }
        finally
        {
            CaseKeys.Destroy(caseKey);
        }
    }

    /// <summary>
    /// Changes in a case's history after which a ready binder no longer matches what an ally may see: anything made
    /// private, helpers kept apart (the people listed in it), the age answers changed.
    /// </summary>
    private static readonly string[] NarrowedForAllies =
        [AuditActions.IncidentMadePrivate, AuditActions.EvidenceMadePrivate, AuditActions.CaseHelpersKeptApart, AuditActions.CaseAgeAnswersChanged];

    /// <summary>The same, for changes to one ally's own access (the event names the ally as its entity).</summary>
    private static readonly string[] NarrowedForTheAlly =
    [
        AuditActions.AllyRoleChanged, AuditActions.AllyRemoved, AuditActions.AllyEvidenceImagesWithdrawn,
        AuditActions.AllyExportWithdrawn, AuditActions.AllyOriginalsWithdrawn, AuditActions.AllyRiskAssessmentWithdrawn,
    ];

    /// <summary>
    /// A ready binder is frozen as the member could see the case when they asked for it. When the case's history shows
    /// that their view narrowed since (for the owner only the age answers count), the PDF is deleted unread and the job
    /// says so (<see cref="BinderJobFailure.Outdated"/>). True when it was withdrawn.
    /// </summary>
    public async Task<bool> WithdrawIfOutdatedAsync(BinderJob job, bool forOwner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.State != BinderJobState.Ready)
        {
            return false;
        }

        // After the moment it was asked for: the binder was built later still, so anything up to then is in it already.
        var member = job.UserId.ToString();
        var outdated = await db.AuditEvents.AsNoTracking().AnyAsync(
            e => e.CaseId == job.CaseId && e.OccurredUtc > job.CreatedUtc
                && (e.Action == AuditActions.CaseAgeAnswersChanged
                    || (!forOwner && (NarrowedForAllies.Contains(e.Action) || (NarrowedForTheAlly.Contains(e.Action) && e.EntityId == member)))),
            cancellationToken);
        if (!outdated)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.BinderJobs.Where(j => j.Id == job.Id && j.State == BinderJobState.Ready)
            .ExecuteUpdateAsync(
                s => s.SetProperty(j => j.State, BinderJobState.Failed).SetProperty(j => j.Failure, BinderJobFailure.Outdated)
                    .SetProperty(j => j.BlobId, (Guid?)null).SetProperty(j => j.FileKey, (byte[]?)null).SetProperty(j => j.Length, 0L)
                    .SetProperty(j => j.FinishedUtc, now),
                cancellationToken);
        if (job.BlobId is { } blobId)
        {
            await files.Store.DeleteAsync(blobId, cancellationToken);
        }

        return true;
    }

    /// <summary>Deletes the job and its PDF ("it downloaded, delete it from the server").</summary>
    public async Task DeleteAsync(BinderJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await db.BinderJobs.Where(j => j.Id == job.Id).ExecuteDeleteAsync(cancellationToken);
        if (job.BlobId is { } blobId)
        {
            await files.Store.DeleteAsync(blobId, cancellationToken);
        }
    }

    private IQueryable<BinderJob> Mine(Guid caseId, Guid userId) =>
        db.BinderJobs.AsNoTracking().Where(j => j.CaseId == caseId && j.UserId == userId);
}

/// <summary>Where finished binder PDFs are kept, sealed: <c>binders/</c> beside the evidence, in the vault's format.</summary>
public sealed class BinderJobFiles(string directory)
{
    public FileSystemEvidenceBlobStore Store { get; } = new(directory);
}

/// <summary>Wakes this instance's runner when a job is asked for here (other instances find it by polling).</summary>
public sealed class BinderJobSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _wake.Dispose();
}
