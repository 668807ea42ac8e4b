using System.Globalization;
using IncidentResponse.Domain.Audit;

namespace IncidentResponse.Domain.Tests.Audit;

public class AuditChainTests
{
    private static readonly Guid CaseId = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301", CultureInfo.InvariantCulture);
    private static readonly Guid ActorId = Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8", CultureInfo.InvariantCulture);
    private static readonly DateTime Start = new(2026, 11, 21, 10, 0, 0, DateTimeKind.Utc);
    private static readonly byte[] KeyBytes = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    private static readonly AuditChainKey Key = AuditChainKey.Hmac(KeyBytes);

    [Fact]
    public void Hashes_match_an_independent_implementation_of_the_documented_encoding()
    {
        // Expected values computed outside .NET (Python's hmac/hashlib/struct/uuid) from the encoding in AuditChain's
        // docs, with the key 00 01 02 .. 1f.
        var (first, second) = KnownEvents();

        var firstHash = AuditChain.Compute(Key, AuditChain.GenesisHash, first);
        var secondHash = AuditChain.Compute(Key, firstHash, second);

        Assert.Equal("f9b8c3829040856f2e4e0018c6791badaed31efb7e61443e01acabe9eb7b45cf", Convert.ToHexStringLower(firstHash));
        Assert.Equal("6245ed72792966c27a9c03ad6b1efb6aac55145e47b3d3ac7c77a2206334fa12", Convert.ToHexStringLower(secondHash));
        Assert.Equal(203, AuditChain.CanonicalEncoding(AuditChain.GenesisHash, first).Length);
        Assert.Equal(
            "b15e4c0ebb7c8b4d61e807bc938eadb5d6c313bd3af67c2bd006b73bf14f7ab3",
            Convert.ToHexStringLower(AuditChain.SealHead(Key, CaseId, 2, secondHash)));
    }

    [Fact]
    public void Version_1_is_still_plain_SHA_256_for_the_one_time_re_seal()
    {
        var (first, _) = KnownEvents();

        Assert.Equal(
            "a54b90f0c4451365a9cb71fad0c12ad15c59bddc97ad99be83968f4c926d1fe0",
            Convert.ToHexStringLower(AuditChain.Compute(AuditChainKey.UnkeyedVersion1, AuditChain.GenesisHash, first)));
    }

    [Fact]
    public void Without_the_key_a_rewritten_chain_cannot_be_made_to_verify()
    {
        var chain = BuildChain(3);
        var otherKey = AuditChainKey.Hmac(new byte[32]);
        var rewritten = new List<ChainedAuditEvent>();
        foreach (var chained in chain)
        {
            rewritten.Add(AuditChain.Append(otherKey, rewritten.LastOrDefault(), chained.Event with { Details = "rewritten" }));
        }

        Assert.True(AuditChain.Verify(otherKey, rewritten).IsIntact);
        var verification = AuditChain.Verify(Key, rewritten);
        Assert.Equal(AuditChainFault.HashMismatch, verification.Fault);
        Assert.Equal(1, verification.BrokenAtSequence);

        // Nor can one be rebuilt in the old, unkeyed format.
        var unkeyed = new List<ChainedAuditEvent>();
        foreach (var chained in chain)
        {
            unkeyed.Add(AuditChain.Append(AuditChainKey.UnkeyedVersion1, unkeyed.LastOrDefault(), chained.Event));
        }

        Assert.Equal(AuditChainFault.HashMismatch, AuditChain.Verify(Key, unkeyed).Fault);
    }

    [Fact]
    public void A_case_verifies_against_its_sealed_head()
    {
        var chain = BuildChain(5);
        var head = AuditChain.Head(Key, CaseId, chain[^1]);

        var verification = AuditChain.VerifyCase(Key, CaseId, chain, head);

        Assert.True(verification.IsIntact);
        Assert.Equal(5, verification.EventsChecked);
        Assert.True(AuditChain.VerifyCase(Key, CaseId, [], AuditChain.Head(Key, CaseId, null)).IsIntact);
    }

    [Fact]
    public void Deleting_the_newest_events_breaks_the_case_against_its_head()
    {
        var chain = BuildChain(5);
        var head = AuditChain.Head(Key, CaseId, chain[^1]);
        chain.RemoveRange(3, 2);

        var verification = AuditChain.VerifyCase(Key, CaseId, chain, head);

        Assert.Equal(AuditChainFault.HeadMismatch, verification.Fault);
        Assert.Equal(4, verification.BrokenAtSequence);
        Assert.Contains("newer events were deleted", verification.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_every_event_breaks_the_case_against_its_head()
    {
        var chain = BuildChain(3);
        var head = AuditChain.Head(Key, CaseId, chain[^1]);

        var verification = AuditChain.VerifyCase(Key, CaseId, [], head);

        Assert.Equal(AuditChainFault.HeadMismatch, verification.Fault);
        Assert.Equal(1, verification.BrokenAtSequence);
    }

    [Fact]
    public void A_missing_head_breaks_the_case()
    {
        Assert.Equal(AuditChainFault.HeadMismatch, AuditChain.VerifyCase(Key, CaseId, BuildChain(2), null).Fault);
        Assert.Equal(AuditChainFault.HeadMismatch, AuditChain.VerifyCase(Key, CaseId, [], null).Fault);
    }

    [Fact]
    public void Rewinding_the_head_to_an_older_event_needs_the_key()
    {
        var chain = BuildChain(5);
        chain.RemoveRange(3, 2);

        // Someone who deletes events 4 and 5 and copies event 3's sequence and hash onto the head: the seal gives it away.
        var rewound = new AuditHead { CaseId = CaseId, Sequence = 3, Hash = chain[2].Hash, Seal = AuditChain.Head(Key, CaseId, BuildChain(5)[^1]).Seal };
        Assert.Equal(AuditChainFault.HeadMismatch, AuditChain.VerifyCase(Key, CaseId, chain, rewound).Fault);
        var forged = AuditChain.Head(AuditChainKey.Hmac(new byte[32]), CaseId, chain[^1]);
        Assert.Equal(AuditChainFault.HeadMismatch, AuditChain.VerifyCase(Key, CaseId, chain, forged).Fault);

        // A head is bound to its case, too.
        var otherCase = AuditChain.Head(Key, Guid.NewGuid(), chain[^1]);
        otherCase.CaseId = CaseId;
        Assert.Equal(AuditChainFault.HeadMismatch, AuditChain.VerifyCase(Key, CaseId, chain, otherCase).Fault);
        Assert.True(AuditChain.VerifyCase(Key, CaseId, chain, AuditChain.Head(Key, CaseId, chain[^1])).IsIntact);
    }

    [Fact]
    public void Events_past_the_head_break_the_case()
    {
        var chain = BuildChain(4);
        var head = AuditChain.Head(Key, CaseId, chain[2]);

        Assert.Equal(AuditChainFault.HeadMismatch, AuditChain.VerifyCase(Key, CaseId, chain, head).Fault);
    }

    [Fact]
    public void Resealing_under_a_new_key_keeps_an_intact_history_intact_and_a_broken_one_broken_at_the_same_event()
    {
        var newKey = AuditChainKey.Hmac(Enumerable.Repeat((byte)7, 32).ToArray());
        var records = BuildChain(4).Select(AuditEventRecord.From).ToList();
        var head = AuditChain.Head(Key, CaseId, records[^1].ToChained());

        var (intact, resealed) = AuditResealing.Reseal(Key, newKey, CaseId, records, head);

        Assert.True(intact);
        Assert.True(AuditChain.VerifyCase(newKey, CaseId, records.Select(r => r.ToChained()).ToList(), resealed).IsIntact);

        var broken = BuildChain(4).Select(AuditEventRecord.From).ToList();
        broken[2].Details = "edited";
        var brokenHead = AuditChain.Head(Key, CaseId, broken[^1].ToChained());
        var (wasIntact, kept) = AuditResealing.Reseal(Key, newKey, CaseId, broken, brokenHead);

        Assert.False(wasIntact);
        var after = AuditChain.VerifyCase(newKey, CaseId, broken.Select(r => r.ToChained()).ToList(), kept);
        Assert.Equal(3, after.BrokenAtSequence);
    }

    [Fact]
    public void Resealing_a_version_1_history_keys_it_and_gives_it_a_head()
    {
        var legacy = new List<ChainedAuditEvent>();
        for (var sequence = 1; sequence <= 3; sequence++)
        {
            legacy.Add(AuditChain.Append(AuditChainKey.UnkeyedVersion1, legacy.LastOrDefault(), Event(sequence)));
        }

        var records = legacy.Select(AuditEventRecord.From).ToList();
        var (intact, head) = AuditResealing.Reseal(AuditChainKey.UnkeyedVersion1, Key, CaseId, records, storedHead: null);

        Assert.True(intact);
        Assert.Equal(3, head.Sequence);
        Assert.True(AuditChain.VerifyCase(Key, CaseId, records.Select(r => r.ToChained()).ToList(), head).IsIntact);
        Assert.Equal(legacy.Select(c => c.Event), records.Select(r => r.ToEvent()));
    }

    [Fact]
    public void A_chain_built_with_Append_verifies()
    {
        var chain = BuildChain(5);

        var verification = AuditChain.Verify(Key, chain);

        Assert.True(verification.IsIntact);
        Assert.Equal(AuditChainFault.None, verification.Fault);
        Assert.Null(verification.BrokenAtSequence);
        Assert.Equal(5, verification.EventsChecked);
        Assert.Equal(new byte[32], chain[0].PreviousHash);
        Assert.Equal(chain[0].Hash, chain[1].PreviousHash);
    }

    [Fact]
    public void An_empty_chain_is_intact()
    {
        Assert.True(AuditChain.Verify(Key, []).IsIntact);
    }

    public static TheoryData<string, AuditChainFault> SingleFieldChanges => new()
    {
        { nameof(AuditEvent.Sequence), AuditChainFault.SequenceGap },
        { nameof(AuditEvent.CaseId), AuditChainFault.HashMismatch },
        { nameof(AuditEvent.ActorId), AuditChainFault.HashMismatch },
        { "ActorId removed", AuditChainFault.HashMismatch },
        { nameof(AuditEvent.OccurredUtc), AuditChainFault.HashMismatch },
        { nameof(AuditEvent.Action), AuditChainFault.HashMismatch },
        { nameof(AuditEvent.EntityType), AuditChainFault.HashMismatch },
        { nameof(AuditEvent.EntityId), AuditChainFault.HashMismatch },
        { nameof(AuditEvent.Details), AuditChainFault.HashMismatch },
        { nameof(ChainedAuditEvent.PreviousHash), AuditChainFault.PreviousHashMismatch },
        { nameof(ChainedAuditEvent.Hash), AuditChainFault.HashMismatch },
    };

    [Theory]
    [MemberData(nameof(SingleFieldChanges))]
    public void Changing_any_single_field_names_that_event_as_the_first_broken(string field, AuditChainFault expectedFault)
    {
        var chain = BuildChain(5);
        var target = chain[2];
        var e = target.Event;
        chain[2] = field switch
        {
            nameof(AuditEvent.Sequence) => target with { Event = e with { Sequence = 30 } },
            nameof(AuditEvent.CaseId) => target with { Event = e with { CaseId = Guid.NewGuid() } },
            nameof(AuditEvent.ActorId) => target with { Event = e with { ActorId = Guid.NewGuid() } },
            "ActorId removed" => target with { Event = e with { ActorId = null } },
            nameof(AuditEvent.OccurredUtc) => target with { Event = e with { OccurredUtc = e.OccurredUtc.AddMicroseconds(1) } },
            nameof(AuditEvent.Action) => target with { Event = e with { Action = "evidence.deleted" } },
            nameof(AuditEvent.EntityType) => target with { Event = e with { EntityType = "Letter" } },
            nameof(AuditEvent.EntityId) => target with { Event = e with { EntityId = "43" } },
            nameof(AuditEvent.Details) => target with { Event = e with { Details = e.Details + " " } },
            nameof(ChainedAuditEvent.PreviousHash) => target with { PreviousHash = Flip(target.PreviousHash) },
            nameof(ChainedAuditEvent.Hash) => target with { Hash = Flip(target.Hash) },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        var verification = AuditChain.Verify(Key, chain);

        Assert.False(verification.IsIntact);
        Assert.Equal(expectedFault, verification.Fault);
        Assert.Equal(2, verification.BrokenAtPosition);
        Assert.Equal(chain[2].Sequence, verification.BrokenAtSequence);
        Assert.Equal(2, verification.EventsChecked);
        Assert.False(string.IsNullOrWhiteSpace(verification.Explanation));
    }

    [Fact]
    public void Deleting_an_event_names_the_one_after_it()
    {
        var chain = BuildChain(5);
        chain.RemoveAt(2);

        var verification = AuditChain.Verify(Key, chain);

        Assert.Equal(AuditChainFault.SequenceGap, verification.Fault);
        Assert.Equal(4, verification.BrokenAtSequence);
        Assert.Equal(2, verification.BrokenAtPosition);
        Assert.Equal("expected sequence 3, found 4", verification.Explanation);
    }

    [Fact]
    public void Deleting_the_first_event_is_detected()
    {
        var chain = BuildChain(3);
        chain.RemoveAt(0);

        var verification = AuditChain.Verify(Key, chain);

        Assert.Equal(AuditChainFault.SequenceGap, verification.Fault);
        Assert.Equal(2, verification.BrokenAtSequence);
        Assert.Equal(0, verification.BrokenAtPosition);
    }

    [Fact]
    public void Deleting_an_event_and_renumbering_the_rest_is_detected_at_the_first_renumbered()
    {
        var chain = BuildChain(5);
        chain.RemoveAt(2);
        for (var i = 2; i < chain.Count; i++)
        {
            chain[i] = chain[i] with { Event = chain[i].Event with { Sequence = i + 1 } };
        }

        var verification = AuditChain.Verify(Key, chain);

        Assert.Equal(AuditChainFault.PreviousHashMismatch, verification.Fault);
        Assert.Equal(3, verification.BrokenAtSequence);
        Assert.Equal(2, verification.BrokenAtPosition);
    }

    [Fact]
    public void Swapping_two_events_is_detected_at_the_first_out_of_place()
    {
        var chain = BuildChain(5);
        (chain[1], chain[2]) = (chain[2], chain[1]);

        var verification = AuditChain.Verify(Key, chain);

        Assert.Equal(AuditChainFault.SequenceGap, verification.Fault);
        Assert.Equal(3, verification.BrokenAtSequence);
        Assert.Equal(1, verification.BrokenAtPosition);
    }

    [Fact]
    public void Swapping_two_events_contents_but_keeping_their_numbers_is_detected()
    {
        var chain = BuildChain(5);
        var second = chain[1];
        var third = chain[2];
        chain[1] = third with { Event = third.Event with { Sequence = 2 } };
        chain[2] = second with { Event = second.Event with { Sequence = 3 } };

        var verification = AuditChain.Verify(Key, chain);

        Assert.Equal(AuditChainFault.PreviousHashMismatch, verification.Fault);
        Assert.Equal(1, verification.BrokenAtPosition);
    }

    [Fact]
    public void Inserting_an_event_with_a_duplicate_number_is_detected()
    {
        var chain = BuildChain(5);
        chain.Insert(3, AuditChain.Append(Key, chain[1], Event(3, "evidence.deleted")));

        var verification = AuditChain.Verify(Key, chain);

        Assert.Equal(AuditChainFault.SequenceGap, verification.Fault);
        Assert.Equal(3, verification.BrokenAtPosition);
    }

    [Fact]
    public void Inserting_a_correctly_chained_event_is_detected_at_the_event_it_displaced()
    {
        var chain = BuildChain(5);
        var forged = AuditChain.Append(Key, chain[1], Event(3, "evidence.deleted"));
        chain.Insert(2, forged);
        for (var i = 3; i < chain.Count; i++)
        {
            chain[i] = chain[i] with { Event = chain[i].Event with { Sequence = i + 1 } };
        }

        var verification = AuditChain.Verify(Key, chain);

        Assert.Equal(AuditChainFault.PreviousHashMismatch, verification.Fault);
        Assert.Equal(4, verification.BrokenAtSequence);
        Assert.Equal(3, verification.BrokenAtPosition);
    }

    [Fact]
    public void Deleting_the_newest_events_is_caught_only_against_a_recorded_head()
    {
        var chain = BuildChain(5);
        var head = new AuditChainHead(5, chain[4].Hash);
        chain.RemoveRange(3, 2);

        Assert.True(AuditChain.Verify(Key, chain).IsIntact);
        var verification = AuditChain.Verify(Key, chain, head);

        Assert.Equal(AuditChainFault.HeadMismatch, verification.Fault);
        Assert.Equal(4, verification.BrokenAtSequence);
        Assert.Equal(3, verification.BrokenAtPosition);
    }

    [Fact]
    public void Rewriting_the_whole_tail_is_caught_only_against_a_recorded_head()
    {
        var chain = BuildChain(5);
        var head = new AuditChainHead(5, chain[4].Hash);
        chain[2] = AuditChain.Append(Key, chain[1], chain[2].Event with { Details = "rewritten" });
        chain[3] = AuditChain.Append(Key, chain[2], chain[3].Event);
        chain[4] = AuditChain.Append(Key, chain[3], chain[4].Event);

        Assert.True(AuditChain.Verify(Key, chain).IsIntact);
        var verification = AuditChain.Verify(Key, chain, head);

        Assert.Equal(AuditChainFault.HeadMismatch, verification.Fault);
        Assert.Equal(5, verification.BrokenAtSequence);
    }

    [Fact]
    public void A_chain_longer_than_the_recorded_head_verifies_when_it_agrees_with_it()
    {
        var chain = BuildChain(5);

        Assert.True(AuditChain.Verify(Key, chain, new AuditChainHead(3, chain[2].Hash)).IsIntact);
        Assert.Equal(AuditChainFault.HeadMismatch, AuditChain.Verify(Key, chain, new AuditChainHead(3, chain[1].Hash)).Fault);
    }

    [Fact]
    public void A_stored_row_with_a_missing_field_is_reported_not_thrown()
    {
        var chain = BuildChain(3);
        chain[1] = chain[1] with { Event = chain[1].Event with { Details = null! } };

        var verification = AuditChain.Verify(Key, chain);

        Assert.Equal(AuditChainFault.HashMismatch, verification.Fault);
        Assert.Equal(2, verification.BrokenAtSequence);
    }

    [Fact]
    public void Append_refuses_a_sequence_that_does_not_follow_on()
    {
        var first = AuditChain.Append(Key, null, Event(1));

        Assert.Throws<ArgumentException>(() => AuditChain.Append(Key, null, Event(2)));
        Assert.Throws<ArgumentException>(() => AuditChain.Append(Key, first, Event(3)));
        Assert.Throws<ArgumentException>(() => AuditChain.Append(Key, first, Event(1)));
    }

    [Fact]
    public void Fields_are_length_prefixed_so_moving_text_between_them_changes_the_hash()
    {
        var a = Event(1) with { Action = "ab", EntityType = "c" };
        var b = Event(1) with { Action = "a", EntityType = "bc" };

        Assert.NotEqual(AuditChain.Compute(Key, AuditChain.GenesisHash, a), AuditChain.Compute(Key, AuditChain.GenesisHash, b));
    }

    [Fact]
    public void No_actor_and_the_empty_actor_id_hash_differently()
    {
        var system = Event(1) with { ActorId = null };
        var empty = Event(1) with { ActorId = Guid.Empty };

        Assert.NotEqual(AuditChain.Compute(Key, AuditChain.GenesisHash, system), AuditChain.Compute(Key, AuditChain.GenesisHash, empty));
    }

    [Fact]
    public void Timestamps_are_hashed_to_the_microsecond_as_PostgreSQL_stores_them()
    {
        var precise = Event(1) with { OccurredUtc = Start.AddTicks(1_234_567) };
        var stored = precise with { OccurredUtc = AuditChain.NormaliseTimestamp(precise.OccurredUtc) };

        Assert.Equal(Start.AddTicks(1_234_560), stored.OccurredUtc);
        Assert.Equal(AuditChain.Compute(Key, AuditChain.GenesisHash, precise), AuditChain.Compute(Key, AuditChain.GenesisHash, stored));
    }

    [Fact]
    public void An_unspecified_kind_timestamp_read_back_from_SQLite_hashes_as_UTC()
    {
        var utc = Event(1);
        var readBack = utc with { OccurredUtc = DateTime.SpecifyKind(utc.OccurredUtc, DateTimeKind.Unspecified) };

        Assert.Equal(AuditChain.Compute(Key, AuditChain.GenesisHash, utc), AuditChain.Compute(Key, AuditChain.GenesisHash, readBack));
    }

    [Fact]
    public void Local_times_are_refused()
    {
        var local = Event(1) with { OccurredUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local) };

        Assert.Throws<ArgumentException>(() => AuditChain.Compute(Key, AuditChain.GenesisHash, local));
    }

    [Fact]
    public void Text_that_is_not_valid_Unicode_is_refused_rather_than_silently_replaced()
    {
        var broken = Event(1) with { Details = "\uD800" };

        Assert.ThrowsAny<ArgumentException>(() => AuditChain.Compute(Key, AuditChain.GenesisHash, broken));
    }

    [Fact]
    public void The_hash_does_not_depend_on_the_current_culture()
    {
        var auditEvent = Event(1);
        var expected = AuditChain.Compute(Key, AuditChain.GenesisHash, auditEvent);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
            Assert.Equal(expected, AuditChain.Compute(Key, AuditChain.GenesisHash, auditEvent));
            CultureInfo.CurrentCulture = new CultureInfo("th-TH");
            Assert.Equal(expected, AuditChain.Compute(Key, AuditChain.GenesisHash, auditEvent));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static (AuditEvent First, AuditEvent Second) KnownEvents() => (
        new AuditEvent(
            1,
            CaseId,
            ActorId,
            new DateTime(2026, 11, 21, 10, 15, 30, DateTimeKind.Utc).AddTicks(1_234_567),
            "evidence.added",
            "EvidenceItem",
            "42",
            "sha256=abc; bytes=1234"),
        new AuditEvent(
            2, CaseId, null, new DateTime(2026, 11, 21, 10, 16, 0, DateTimeKind.Utc), "evidence.viewed", "EvidenceItem", "42", "café ✓"));

    private static List<ChainedAuditEvent> BuildChain(int length)
    {
        var chain = new List<ChainedAuditEvent>();
        for (var sequence = 1; sequence <= length; sequence++)
        {
            chain.Add(AuditChain.Append(Key, chain.LastOrDefault(), Event(sequence)));
        }

        return chain;
    }

    private static AuditEvent Event(long sequence, string action = "evidence.added") => new(
        sequence,
        CaseId,
        ActorId,
        Start.AddMinutes(sequence),
        action,
        "EvidenceItem",
        sequence.ToString(CultureInfo.InvariantCulture),
        string.Create(CultureInfo.InvariantCulture, $"bytes={sequence * 1000}"));

    private static byte[] Flip(byte[] hash)
    {
        var copy = hash.ToArray();
        copy[0] ^= 0x01;
        return copy;
    }
}
