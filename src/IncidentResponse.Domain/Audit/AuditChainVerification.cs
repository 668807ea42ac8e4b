namespace IncidentResponse.Domain.Audit;

public enum AuditChainFault
{
    None,

    /// <summary>The event's sequence number is not the one after its predecessor's: one was deleted, inserted or moved.</summary>
    SequenceGap,

    /// <summary>The event names a previous hash other than its predecessor's hash.</summary>
    PreviousHashMismatch,

    /// <summary>The event's stored hash is not the hash of its fields: it was altered after it was written.</summary>
    HashMismatch,

    /// <summary>
    /// The chain does not end at, or does not agree with, the case's sealed head (<see cref="AuditHead"/>) or a head
    /// recorded elsewhere: its newest events, or all of them, were deleted, or the head is missing or forged.
    /// </summary>
    HeadMismatch,
}

/// <summary>
/// The outcome of <see cref="AuditChain.Verify"/>: intact, or the first broken event (its stored sequence number and
/// its 0-based position in what was checked) and why.
/// </summary>
public sealed record AuditChainVerification(
    AuditChainFault Fault,
    long? BrokenAtSequence,
    long? BrokenAtPosition,
    string? Explanation,
    long EventsChecked)
{
    public bool IsIntact => Fault == AuditChainFault.None;
}
