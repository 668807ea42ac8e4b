using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Pages.Cases.Binder;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Cases;

/// <summary>
/// Deletes a whole case for good (crypto-shredding): its key first, then every row of the case in the same transaction
/// (the database cascades from the case), then its encrypted files and kept binders, which the key's loss has already
/// made unreadable wherever a copy survives. Used by "Delete this case" and by "Delete my account" for every case
/// the person owns.
/// </summary>
public sealed partial class CaseShredder(AppDbContext db, IEvidenceBlobStore blobs, BinderJobFiles binders, ILogger<CaseShredder> logger)
{
    /// <summary>The words the operator's log gives for why: "by its owner" or "with its owner's account".</summary>
    public const string ByOwner = "by its owner";

    public const string WithOwnersAccount = "with its owner's account";

    /// <summary>Shreds the case, logging why (<see cref="ByOwner"/> or <see cref="WithOwnersAccount"/>) with counts, never content.</summary>
    public async Task ShredAsync(Guid caseId, string reason, CancellationToken cancellationToken)
    {
        var memberCount = await db.CaseMembers.CountAsync(m => m.CaseId == caseId, cancellationToken);
        var blobIds = await db.EvidenceItems.IgnoreQueryFilters().Where(e => e.CaseId == caseId).Select(e => e.BlobId).ToListAsync(cancellationToken);
        var binderIds = await db.BinderJobs.Where(j => j.CaseId == caseId && j.BlobId != null).Select(j => j.BlobId!.Value).ToListAsync(cancellationToken);
        await DeleteKeyAndRowsAsync(caseId, cancellationToken);

        // The operator's record that it happened: ids and counts only, never the title or anything in the case.
        LogDeleted(logger, caseId, reason, memberCount, blobIds.Count);

        // On SQLite the deleted rows are zeroed (secure_delete); empty the write-ahead log too, so no copy lingers there.
        if (!await SqliteShredding.CheckpointAsync(db, CancellationToken.None))
        {
            LogCheckpointPartial(logger);
        }

        await RemoveFilesAsync(blobs, blobIds);
        await RemoveFilesAsync(binders.Store, binderIds);
    }

    /// <summary>The case key, then every row of the case, in one transaction.</summary>
    private Task DeleteKeyAndRowsAsync(Guid caseId, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // Letters that replace or follow up others point at each other with restricting keys: unlink them first.
            await db.TakedownRequests.Where(r => r.CaseId == caseId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReplacesId, (Guid?)null).SetProperty(r => r.FollowsUpId, (Guid?)null), cancellationToken);

            // The key first: from here on the files cannot be read, wherever a copy survives.
            await db.CaseEvidenceKeys.Where(k => k.CaseId == caseId).ExecuteDeleteAsync(cancellationToken);
            await db.Cases.Where(c => c.Id == caseId).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

    /// <summary>The encrypted files, after the rows: the key is gone already, so a file that stays is unreadable.</summary>
    private async Task RemoveFilesAsync(IEvidenceBlobStore store, IEnumerable<Guid> blobIds)
    {
        var left = 0;
        foreach (var blobId in blobIds)
        {
            try
            {
                await store.DeleteAsync(blobId, CancellationToken.None);
            }
            catch (IOException)
            {
                left++;
            }
        }

        if (left > 0)
        {
            // Unreadable already (the key is gone); the operator can remove orphaned files.
            LogFilesLeft(logger, left);
        }
    }

    [LoggerMessage(EventId = 7401, Level = LogLevel.Information, Message = "Case {CaseId} was deleted {Reason:l} ({MemberCount} members, {FileCount} files); its key is destroyed")]
    private static partial void LogDeleted(ILogger logger, Guid caseId, string reason, int memberCount, int fileCount);

    [LoggerMessage(EventId = 7402, Level = LogLevel.Warning, Message = "After a case was deleted, a reader kept the SQLite write-ahead log from being emptied; it is emptied at the next checkpoint")]
    private static partial void LogCheckpointPartial(ILogger logger);

    [LoggerMessage(EventId = 7403, Level = LogLevel.Warning, Message = "After a case was deleted, {Count} of its encrypted files could not be removed")]
    private static partial void LogFilesLeft(ILogger logger, int count);
}
