namespace IncidentResponse.Domain.Audit;

/// <summary>
/// An audit event as stored: one row per change in a case, numbered per case, each hash covering the event and the
/// previous event's hash (<see cref="AuditChain"/>). Rows are only ever added.
/// </summary>
public sealed class AuditEventRecord
{
    public Guid CaseId { get; set; }

    public long Sequence { get; set; }

    public Guid? ActorId { get; set; }

    public DateTime OccurredUtc { get; set; }

    public string Action { get; set; } = "";

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    public string Details { get; set; } = "";

    public byte[] PreviousHash { get; set; } = [];

    public byte[] Hash { get; set; } = [];

    public AuditEvent ToEvent() => new(Sequence, CaseId, ActorId, OccurredUtc, Action, EntityType, EntityId, Details);

    public ChainedAuditEvent ToChained() => new(ToEvent(), PreviousHash, Hash);

    public static AuditEventRecord From(ChainedAuditEvent chained) => new()
    {
        CaseId = chained.Event.CaseId,
        Sequence = chained.Event.Sequence,
        ActorId = chained.Event.ActorId,
        OccurredUtc = chained.Event.OccurredUtc,
        Action = chained.Event.Action,
        EntityType = chained.Event.EntityType,
        EntityId = chained.Event.EntityId,
        Details = chained.Event.Details,
        PreviousHash = chained.PreviousHash,
        Hash = chained.Hash,
    };
}
