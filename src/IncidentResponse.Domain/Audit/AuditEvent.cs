namespace IncidentResponse.Domain.Audit;

/// <summary>
/// One recorded action, as hashed into the audit chain. A plain record so the web layer can map its own stored row to
/// it. <see cref="Details"/> is short and factual (ids, sizes, a hash), never a narrative, a name or a URL.
/// </summary>
/// <param name="Sequence">Position in the chain, from <see cref="AuditChain.FirstSequence"/> up with no gaps.</param>
/// <param name="ActorId">Who did it; null for the system itself (a scheduled clean-up, say).</param>
/// <param name="OccurredUtc">When, in UTC. Hashed to the microsecond (<see cref="AuditChain.NormaliseTimestamp"/>).</param>
/// <param name="Action">What was done, a stable code from <see cref="AuditActions"/>, such as <c>evidence.added</c>.</param>
public sealed record AuditEvent(
    long Sequence,
    Guid CaseId,
    Guid? ActorId,
    DateTime OccurredUtc,
    string Action,
    string EntityType,
    string EntityId,
    string Details)
{
    public const int ActionMaxLength = 64;
    public const int EntityTypeMaxLength = 64;
    public const int EntityIdMaxLength = 64;
    public const int DetailsMaxLength = 1024;
}

/// <summary>An event with the hash it was chained to and its own hash, as stored.</summary>
public sealed record ChainedAuditEvent(AuditEvent Event, byte[] PreviousHash, byte[] Hash)
{
    public long Sequence => Event.Sequence;
}

/// <summary>
/// The latest sequence and hash as recorded somewhere the database cannot change (an export, a printed binder, a
/// message to the survivor). Without one, deleting the newest events leaves a shorter chain that is still intact.
/// </summary>
public sealed record AuditChainHead(long Sequence, byte[] Hash);
