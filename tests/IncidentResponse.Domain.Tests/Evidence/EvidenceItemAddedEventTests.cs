using System.Globalization;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Evidence;

namespace IncidentResponse.Domain.Tests.Evidence;

public class EvidenceItemAddedEventTests
{
    private static readonly Guid ItemId = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301", CultureInfo.InvariantCulture);

    [Fact]
    public void The_added_event_records_the_kind_and_SHA_256_as_it_always_has()
    {
        // Hashed into every case's history: the spelling cannot change.
        Assert.Equal(
            "Jpeg sha256:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            Item().AddedEventDetails);
    }

    [Fact]
    public void An_item_matches_its_own_added_event()
    {
        var item = Item();

        Assert.True(item.MatchesAddedEvent(AddedEvent(item.AddedEventDetails)));
    }

    [Fact]
    public void An_item_whose_SHA_256_was_changed_after_it_was_received_no_longer_matches()
    {
        var item = Item();
        var added = AddedEvent(item.AddedEventDetails);

        item.Sha256[0] ^= 0x01;

        Assert.False(item.MatchesAddedEvent(added));
    }

    [Fact]
    public void Another_items_event_or_another_action_does_not_match()
    {
        var item = Item();
        var other = AddedEvent(item.AddedEventDetails);
        other.EntityId = Guid.NewGuid().ToString();
        var madePrivate = AddedEvent(item.AddedEventDetails);
        madePrivate.Action = AuditActions.EvidenceMadePrivate;

        Assert.False(item.MatchesAddedEvent(other));
        Assert.False(item.MatchesAddedEvent(madePrivate));
    }

    private static EvidenceItem Item() => new()
    {
        Id = ItemId,
        Kind = EvidenceKind.Jpeg,
        Length = 1234,
        Sha256 = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(),
    };

    private static AuditEventRecord AddedEvent(string details) => new()
    {
        CaseId = Guid.NewGuid(),
        Sequence = 2,
        Action = "evidence.added",
        EntityType = nameof(EvidenceItem),
        EntityId = ItemId.ToString(),
        Details = details,
    };
}
