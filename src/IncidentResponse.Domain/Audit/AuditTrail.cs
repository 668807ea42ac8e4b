using IncidentResponse.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Domain.Audit;

/// <summary>
/// Adds chained audit events to the current unit of work: they are saved by the same <c>SaveChangesAsync</c> as the
/// change they describe, so a change is never saved without its event, nor an event without its change. Two saves in
/// one case racing for the same sequence number collide on the primary key; the loser's whole save fails and nothing
/// of it is kept.
/// </summary>
public sealed class AuditTrail(AppDbContext db, TimeProvider clock)
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
        var pending = db.ChangeTracker.Entries<AuditEventRecord>()
            .Where(e => e.State == EntityState.Added && e.Entity.CaseId == caseId)
            .Select(e => e.Entity)
            .OrderByDescending(e => e.Sequence)
            .FirstOrDefault();
        var previous = pending ?? await db.AuditEvents.AsNoTracking()
            .Where(e => e.CaseId == caseId)
            .OrderByDescending(e => e.Sequence)
            .FirstOrDefaultAsync(cancellationToken);
        var next = new AuditEvent(
            (previous?.Sequence ?? AuditChain.FirstSequence - 1) + 1,
            caseId,
            actorId,
            AuditChain.NormaliseTimestamp(clock.GetUtcNow().UtcDateTime),
            action,
            entityType,
            entityId,
            details);
        db.AuditEvents.Add(AuditEventRecord.From(AuditChain.Append(previous?.ToChained(), next)));
    }

    /// <summary>Checks one case's whole chain, oldest first.</summary>
    public async Task<AuditChainVerification> VerifyAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => e.CaseId == caseId)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        return AuditChain.Verify(events.Select(e => e.ToChained()));
    }
}
