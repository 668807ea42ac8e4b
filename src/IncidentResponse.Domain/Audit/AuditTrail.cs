using IncidentResponse.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Domain.Audit;

/// <summary>
/// Adds chained audit events to the current unit of work: they are saved by the same <c>SaveChangesAsync</c> as the
/// change they describe, so a change is never saved without its event, nor an event without its change. The case's
/// head (<see cref="AuditHead"/>) moves with each event in that same save. Two saves in one case racing for the same
/// sequence number collide on the primary key; the loser's whole save fails and nothing of it is kept.
/// </summary>
public sealed class AuditTrail(AppDbContext db, TimeProvider clock, AuditChainKey key)
{
    public async Task RecordAsync(
        Guid caseId,
        Guid? actorId,
        string action,
        string entityType,
        string entityId,
        string details = "",
        CancellationToken cancellationToken = default)
    {
        var head = await db.AuditHeads.FindAsync([caseId], cancellationToken);
        if (head is null)
        {
            // A new case (its first event), saved together with it.
            head = AuditChain.Head(key, caseId, null);
            db.AuditHeads.Add(head);
        }

        var previous = head.Sequence < AuditChain.FirstSequence
            ? null
            : new ChainedAuditEvent(new AuditEvent(head.Sequence, caseId, null, default, "", "", "", ""), [], head.Hash);
        var next = new AuditEvent(
            head.Sequence + 1,
            caseId,
            actorId,
            AuditChain.NormaliseTimestamp(clock.GetUtcNow().UtcDateTime),
            action,
            entityType,
            entityId,
            details);
        var chained = AuditChain.Append(key, previous, next);
        db.AuditEvents.Add(AuditEventRecord.From(chained));
        var moved = AuditChain.Head(key, caseId, chained);
        (head.Sequence, head.Hash, head.Seal) = (moved.Sequence, moved.Hash, moved.Seal);
    }

    /// <summary>Checks one case's whole chain, oldest first, and that it ends at the case's sealed head.</summary>
    public async Task<AuditChainVerification> VerifyAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => e.CaseId == caseId)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        var head = await HeadAsync(caseId, cancellationToken);
        return Verify(caseId, events, head);
    }

    /// <summary>The case's stored head, as it is in the database now.</summary>
    public Task<AuditHead?> HeadAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(h => h.CaseId == caseId, cancellationToken);

    /// <summary>Checks events already loaded (all of one case's, oldest first) against its head.</summary>
    public AuditChainVerification Verify(Guid caseId, IReadOnlyList<AuditEventRecord> eventsInOrder, AuditHead? head) =>
        AuditChain.VerifyCase(key, caseId, eventsInOrder.Select(e => e.ToChained()).ToList(), head);
}
