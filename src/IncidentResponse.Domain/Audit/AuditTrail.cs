using IncidentResponse.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Domain.Audit;

/// <summary>
/// Adds chained audit events to the current unit of work: they are saved by the same <c>SaveChangesAsync</c> as the
/// change they describe, so a change is never saved without its event, nor an event without its change. The case's
/// head (<see cref="AuditHead"/>) moves with each event in that same save. Two saves in one case racing for the same
/// sequence number collide on the primary key; the loser's attempt fails whole, and its events are then chained after
/// the winner's and saved again (<see cref="AppDbContext.SaveChangesAsync(bool, CancellationToken)"/>), so a request
/// saving beside a background binder job's history entry is not lost.
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
        db.AuditRechain ??= RechainAsync;
        var head = await db.AuditHeads.FindAsync([caseId], cancellationToken);
        if (head is null)
        {
            // A new case (its first event), saved together with it.
            head = AuditChain.Head(key, caseId, null);
            db.AuditHeads.Add(head);
        }

        var previous = head.Sequence < AuditChain.FirstSequence ? null : ChainEnd(head);
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

    /// <summary>
    /// After a failed save: for each case whose stored head has moved to or past this save's first pending event, the
    /// pending events are chained again, in their order, after the stored head, and the tracked head follows them.
    /// </summary>
    private async Task<bool> RechainAsync(CancellationToken cancellationToken)
    {
        var moved = false;
        var pending = db.ChangeTracker.Entries<AuditEventRecord>().Where(e => e.State == EntityState.Added).ToList();
        foreach (var group in pending.GroupBy(e => e.Entity.CaseId))
        {
            var ordered = group.OrderBy(e => e.Entity.Sequence).ToList();
            var stored = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(h => h.CaseId == group.Key, cancellationToken);
            var head = db.ChangeTracker.Entries<AuditHead>().SingleOrDefault(h => h.Entity.CaseId == group.Key)?.Entity;
            if (stored is null || head is null || stored.Sequence < ordered[0].Entity.Sequence)
            {
                continue;
            }

            moved = true;
            var previous = ChainEnd(stored);
            var events = ordered.Select(e => e.Entity.ToChained().Event).ToList();
            ordered.ForEach(e => e.State = EntityState.Detached);
            foreach (var pendingEvent in events)
            {
                previous = AuditChain.Append(key, previous, pendingEvent with { Sequence = previous.Sequence + 1 });
                db.AuditEvents.Add(AuditEventRecord.From(previous));
            }

            var end = AuditChain.Head(key, group.Key, previous);
            (head.Sequence, head.Hash, head.Seal) = (end.Sequence, end.Hash, end.Seal);
        }

        return moved;
    }

    /// <summary>The case's chain end as the event the next one follows: only its sequence and hash are read by <see cref="AuditChain.Append"/>.</summary>
    private static ChainedAuditEvent ChainEnd(AuditHead head) =>
        new(new AuditEvent(head.Sequence, head.CaseId, null, default, "", "", "", ""), [], head.Hash);

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
