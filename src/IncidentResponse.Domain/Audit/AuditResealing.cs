namespace IncidentResponse.Domain.Audit;

/// <summary>
/// Seals a case's history again under another key (a new master key, or the one-time move from plain SHA-256 to
/// HMAC): every event's previous hash and hash, and the case's head. It never changes what an event says, and it never
/// mends a break: the events before a break are sealed anew, the broken event and everything after it are left exactly
/// as they were, so the history is reported broken at the same event under the new key.
/// </summary>
public static class AuditResealing
{
    /// <param name="from">The key the history is sealed with now.</param>
    /// <param name="to">The key to seal it with.</param>
    /// <param name="eventsInOrder">All of the case's events, oldest first, as tracked rows: they are updated in place.</param>
    /// <param name="storedHead">The case's head row (updated in place when the history is intact); null for a history
    /// from before heads were kept, whose end is then taken as it is.</param>
    /// <returns>Whether the history was intact, and the head to keep (<paramref name="storedHead"/> or a new row to add).</returns>
    public static (bool WasIntact, AuditHead Head) Reseal(
        AuditChainKey from, AuditChainKey to, Guid caseId, IReadOnlyList<AuditEventRecord> eventsInOrder, AuditHead? storedHead)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(eventsInOrder);
        var chained = eventsInOrder.Select(e => e.ToChained()).ToList();
        var chain = AuditChain.Verify(from, chained);
        var intact = chain.IsIntact && (storedHead is null || AuditChain.VerifyCase(from, caseId, chained, storedHead).IsIntact);
        var intactCount = chain.IsIntact ? eventsInOrder.Count : (int)chain.BrokenAtPosition!.Value;

        ChainedAuditEvent? previous = null;
        for (var i = 0; i < intactCount; i++)
        {
            var record = eventsInOrder[i];
            var next = AuditChain.Append(to, previous, record.ToEvent());
            record.PreviousHash = next.PreviousHash;
            record.Hash = next.Hash;
            previous = next;
        }

        if (intact)
        {
            var head = storedHead ?? new AuditHead();
            var sealedHead = AuditChain.Head(to, caseId, previous);
            (head.CaseId, head.Sequence, head.Hash, head.Seal) = (caseId, sealedHead.Sequence, sealedHead.Hash, sealedHead.Seal);
            return (true, head);
        }

        // Broken: a stored head stays as it was (it no longer matches under the new key); a history without one gets a
        // head over its last event as stored, so the check still stops at the first broken event.
        return (false, storedHead ?? AuditChain.Head(to, caseId, chained.Count == 0 ? null : chained[^1]));
    }
}
