namespace IncidentResponse.Domain.Audit;

/// <summary>
/// A case's newest audit event as last written: its sequence and hash, and a seal (HMAC under the audit key) over the
/// case id, both and nothing else (<see cref="AuditChain.SealHead"/>). One row per case, saved by the same
/// <c>SaveChangesAsync</c> as every event; a case with no events has sequence 0. Deleting the newest events (or all of
/// them) leaves a chain that ends before its head; rewinding the head to an older event needs a seal only the key
/// makes. Kept beside the case rather than in its row, so an event does not count as a change to the case's own
/// details (their concurrency token).
/// </summary>
public sealed class AuditHead
{
    public Guid CaseId { get; set; }

    public long Sequence { get; set; }

    public byte[] Hash { get; set; } = [];

    public byte[] Seal { get; set; } = [];
}
