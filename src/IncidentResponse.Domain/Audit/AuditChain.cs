using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IncidentResponse.Domain.Audit;

/// <summary>
/// A tamper-evident history: each event's hash covers its own fields and the previous event's hash, so changing,
/// removing, inserting or reordering an event breaks every hash from there on.
/// <para>Canonical encoding, version 2, authenticated with HMAC-SHA256 under the audit key (derived from the master key,
/// <see cref="Keys.MasterKeyUse.AuditChain"/>): without that key nobody can compute a valid hash, so a rewritten
/// history cannot be re-chained. Version 1 (plain SHA-256, label "IncidentResponse.Audit.v1") is read only by the
/// one-time re-seal (<see cref="AuditChainKey.UnkeyedVersion1"/>). Each text field is a 4-byte big-endian byte count followed
/// by its strict UTF-8 bytes; in order:</para>
/// <code>
/// text "IncidentResponse.Audit.v2"  | previous hash (4-byte length, then 32 bytes) | sequence (int64 big-endian)
/// case id (16 bytes, RFC 4122 order) | actor: 0x00, or 0x01 then 16 bytes (RFC 4122 order)
/// text occurred: yyyy-MM-ddTHH:mm:ss.ffffffZ (UTC, invariant culture, microseconds)
/// text action | text entity type | text entity id | text details
/// </code>
/// The first event has sequence 1 and previous hash 32 zero bytes. A chain alone cannot show that its newest events
/// were deleted; each case's head (<see cref="AuditHead"/>: newest sequence and hash, and a keyed seal over both) is
/// saved with every event and checked by <see cref="VerifyCase"/>.
/// </summary>
public static class AuditChain
{
    public const int HashSize = 32;
    public const long FirstSequence = 1;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The previous hash of the first event: 32 zero bytes.</summary>
    public static byte[] GenesisHash => new byte[HashSize];

    public static byte[] Compute(AuditChainKey key, ReadOnlySpan<byte> previousHash, AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Hash(CanonicalEncoding(key.Label, previousHash, auditEvent));
    }

    /// <summary>The exact bytes authenticated for an event (version 2), so anyone holding the key can recompute a hash.</summary>
    public static byte[] CanonicalEncoding(ReadOnlySpan<byte> previousHash, AuditEvent auditEvent) =>
        CanonicalEncoding(AuditChainKey.CurrentLabel, previousHash, auditEvent);

    /// <summary>
    /// The seal kept on a case's head: HMAC-SHA256 over text "IncidentResponse.AuditHead.v2" | case id (16 bytes) |
    /// sequence (int64 big-endian) | newest hash (4-byte length, then 32 bytes). Sequence 0 with the genesis hash is the
    /// head of a case with no events. Someone who deletes the newest events cannot seal an earlier head without the key.
    /// </summary>
    public static byte[] SealHead(AuditChainKey key, Guid caseId, long sequence, ReadOnlySpan<byte> newestHash)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (newestHash.Length != HashSize)
        {
            throw new ArgumentException("A hash is 32 bytes.", nameof(newestHash));
        }

        using var buffer = new MemoryStream();
        WriteText(buffer, "IncidentResponse.AuditHead.v2");
        Span<byte> scratch = stackalloc byte[16];
        WriteGuid(buffer, caseId, scratch);
        BinaryPrimitives.WriteInt64BigEndian(scratch, sequence);
        buffer.Write(scratch[..8]);
        WriteBytes(buffer, newestHash);
        return key.SealHead(buffer.ToArray());
    }

    /// <summary>The head to store after <paramref name="newest"/> (null: the case has no events yet).</summary>
    public static AuditHead Head(AuditChainKey key, Guid caseId, ChainedAuditEvent? newest)
    {
        var sequence = newest?.Sequence ?? FirstSequence - 1;
        var hash = newest?.Hash ?? GenesisHash;
        return new AuditHead { CaseId = caseId, Sequence = sequence, Hash = hash, Seal = SealHead(key, caseId, sequence, hash) };
    }

    private static byte[] CanonicalEncoding(string label, ReadOnlySpan<byte> previousHash, AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (previousHash.Length != HashSize)
        {
            throw new ArgumentException("A previous hash is 32 bytes.", nameof(previousHash));
        }

        using var buffer = new MemoryStream();
        WriteText(buffer, label);
        WriteBytes(buffer, previousHash);
        Span<byte> scratch = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(scratch, auditEvent.Sequence);
        buffer.Write(scratch[..8]);
        WriteGuid(buffer, auditEvent.CaseId, scratch);
        if (auditEvent.ActorId is { } actorId)
        {
            buffer.WriteByte(1);
            WriteGuid(buffer, actorId, scratch);
        }
        else
        {
            buffer.WriteByte(0);
        }

        WriteText(buffer, FormatTimestamp(auditEvent.OccurredUtc));
        WriteText(buffer, auditEvent.Action);
        WriteText(buffer, auditEvent.EntityType);
        WriteText(buffer, auditEvent.EntityId);
        WriteText(buffer, auditEvent.Details);
        return buffer.ToArray();
    }

    /// <summary>
    /// Chains <paramref name="next"/> after <paramref name="previous"/> (null for the first event). Its sequence must
    /// follow on, and its timestamp should already be normalised so the stored value is the hashed one.
    /// </summary>
    public static ChainedAuditEvent Append(AuditChainKey key, ChainedAuditEvent? previous, AuditEvent next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var expected = previous is null ? FirstSequence : previous.Sequence + 1;
        if (next.Sequence != expected)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The next event's sequence must be {expected}, not {next.Sequence}."),
                nameof(next));
        }

        var previousHash = previous?.Hash ?? GenesisHash;
        return new ChainedAuditEvent(next, previousHash, Compute(key, previousHash, next));
    }

    /// <summary>
    /// Checks a whole chain, given in sequence order from its first event. Reports the first event at which it breaks.
    /// With <paramref name="expectedHead"/>, also checks the chain reaches that sequence with that hash, which is what
    /// catches deleting the newest events.
    /// </summary>
    public static AuditChainVerification Verify(AuditChainKey key, IEnumerable<ChainedAuditEvent> eventsInOrder, AuditChainHead? expectedHead = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(eventsInOrder);
        var expectedSequence = FirstSequence;
        var expectedPreviousHash = GenesisHash;
        long position = 0;
        var headReached = false;
        foreach (var chained in eventsInOrder)
        {
            var sequence = chained.Event.Sequence;
            if (BreakAt(key, chained, expectedSequence, expectedPreviousHash, position) is { } broken)
            {
                return broken;
            }

            if (expectedHead is not null && sequence == expectedHead.Sequence)
            {
                if (!chained.Hash.AsSpan().SequenceEqual(expectedHead.Hash))
                {
                    return Broken(AuditChainFault.HeadMismatch, sequence, position, "its hash is not the one recorded for the head");
                }

                headReached = true;
            }

            expectedSequence = sequence + 1;
            expectedPreviousHash = chained.Hash;
            position++;
        }

        if (expectedHead is not null && !headReached)
        {
            return Broken(
                AuditChainFault.HeadMismatch,
                expectedSequence,
                position,
                string.Create(CultureInfo.InvariantCulture, $"the chain ends before sequence {expectedHead.Sequence}, the head recorded"));
        }

        return new AuditChainVerification(AuditChainFault.None, null, null, null, position);
    }

    /// <summary>
    /// Where the chain breaks at <paramref name="chained"/>, or null when it follows on from the event before it (its
    /// sequence and previous hash) and its stored hash is the one its contents give under the key.
    /// </summary>
    private static AuditChainVerification? BreakAt(AuditChainKey key, ChainedAuditEvent chained, long expectedSequence, byte[] expectedPreviousHash, long position)
    {
        var sequence = chained.Event.Sequence;
        if (sequence != expectedSequence)
        {
            return Broken(
                AuditChainFault.SequenceGap,
                sequence,
                position,
                string.Create(CultureInfo.InvariantCulture, $"expected sequence {expectedSequence}, found {sequence}"));
        }

        if (!chained.PreviousHash.AsSpan().SequenceEqual(expectedPreviousHash))
        {
            return Broken(
                AuditChainFault.PreviousHashMismatch, sequence, position, "its previous hash is not the hash of the event before it");
        }

        if (!TryCompute(key, chained.PreviousHash, chained.Event, out var computed))
        {
            return Broken(AuditChainFault.HashMismatch, sequence, position, "its fields cannot be encoded (missing or invalid text)");
        }

        if (!CryptographicOperations.FixedTimeEquals(chained.Hash, computed))
        {
            return Broken(AuditChainFault.HashMismatch, sequence, position, "its stored hash does not match its contents");
        }

        return null;
    }

    /// <summary>
    /// Checks one case's whole chain, oldest first, against the head stored for the case: every event must verify, and
    /// the chain must end exactly at the head's sequence and hash, sealed under the key. So deleting the newest events,
    /// or all of them, breaks it as surely as editing one; so does a missing head (<paramref name="head"/> null).
    /// </summary>
    public static AuditChainVerification VerifyCase(AuditChainKey key, Guid caseId, IReadOnlyList<ChainedAuditEvent> eventsInOrder, AuditHead? head)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(eventsInOrder);
        var chain = Verify(key, eventsInOrder);
        if (!chain.IsIntact)
        {
            return chain;
        }

        var count = eventsInOrder.Count;
        if (head is null)
        {
            return Broken(AuditChainFault.HeadMismatch, FirstSequence, count, "the case has no recorded head: its history was removed or never sealed", count);
        }

        var newest = count == 0 ? null : eventsInOrder[^1];
        var sequence = newest?.Sequence ?? FirstSequence - 1;
        var hash = newest?.Hash ?? GenesisHash;
        if (sequence < head.Sequence)
        {
            return Broken(
                AuditChainFault.HeadMismatch,
                sequence + 1,
                count,
                string.Create(CultureInfo.InvariantCulture, $"the history ends at #{sequence} but the case's head is #{head.Sequence}: newer events were deleted"),
                count);
        }

        if (sequence > head.Sequence)
        {
            return Broken(
                AuditChainFault.HeadMismatch,
                head.Sequence + 1,
                count,
                string.Create(CultureInfo.InvariantCulture, $"the history goes on past the case's head #{head.Sequence}"),
                count);
        }

        if (!CryptographicOperations.FixedTimeEquals(hash, head.Hash)
            || !CryptographicOperations.FixedTimeEquals(SealHead(key, caseId, sequence, hash), head.Seal))
        {
            return Broken(AuditChainFault.HeadMismatch, sequence, count, "the case's recorded head does not match its newest event", count);
        }

        return chain;
    }

    /// <summary>
    /// The timestamp exactly as hashed: UTC, cut to whole microseconds (what PostgreSQL keeps). Store this value.
    /// Unspecified kind is taken as UTC (as SQLite reads it back); local time is refused.
    /// </summary>
    public static DateTime NormaliseTimestamp(DateTime utc)
    {
        if (utc.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("Audit timestamps are UTC.", nameof(utc));
        }

        var ticks = utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMicrosecond);
        return new DateTime(ticks, DateTimeKind.Utc);
    }

    private static bool TryCompute(AuditChainKey key, byte[] previousHash, AuditEvent auditEvent, out byte[] hash)
    {
        try
        {
            hash = Compute(key, previousHash, auditEvent);
            return true;
        }
        catch (ArgumentException)
        {
            hash = [];
            return false;
        }
    }

    private static AuditChainVerification Broken(AuditChainFault fault, long sequence, long position, string explanation) =>
        new(fault, sequence, position, explanation, position);

    private static AuditChainVerification Broken(AuditChainFault fault, long sequence, long position, string explanation, long eventsChecked) =>
        new(fault, sequence, position, explanation, eventsChecked);

    private static string FormatTimestamp(DateTime utc) =>
        NormaliseTimestamp(utc).ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'", CultureInfo.InvariantCulture);

    private static void WriteGuid(Stream buffer, Guid value, Span<byte> scratch)
    {
        value.TryWriteBytes(scratch, bigEndian: true, out _);
        buffer.Write(scratch[..16]);
    }

    private static void WriteText(Stream buffer, string? value)
    {
        ArgumentNullException.ThrowIfNull(value);
        WriteBytes(buffer, StrictUtf8.GetBytes(value));
    }

    private static void WriteBytes(Stream buffer, ReadOnlySpan<byte> value)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, value.Length);
        buffer.Write(length);
        buffer.Write(value);
    }
}
