using IncidentResponse.Domain.Incidents;

namespace IncidentResponse.Domain.Tests.Incidents;

public sealed class SightingStatusRulesTests
{
    public static TheoryData<SightingStatus> AllStatuses() => new(Enum.GetValues<SightingStatus>());

    [Theory]
    [InlineData(SightingStatus.Found, SightingStatus.Saved)]
    [InlineData(SightingStatus.Saved, SightingStatus.Reported)]
    [InlineData(SightingStatus.Reported, SightingStatus.RemovalRequested)]
    [InlineData(SightingStatus.RemovalRequested, SightingStatus.Removed)]
    [InlineData(SightingStatus.RemovalRequested, SightingStatus.Refused)]
    [InlineData(SightingStatus.Refused, SightingStatus.RemovalRequested)]
    [InlineData(SightingStatus.Removed, SightingStatus.Reappeared)]
    [InlineData(SightingStatus.Reappeared, SightingStatus.Reported)]
    [InlineData(SightingStatus.Found, SightingStatus.Removed)]
    public void The_takedown_story_can_move_forward(SightingStatus from, SightingStatus to) =>
        Assert.True(SightingStatusRules.CanMove(from, to));

    [Theory]
    [InlineData(SightingStatus.Found, SightingStatus.Reappeared)]
    [InlineData(SightingStatus.Saved, SightingStatus.Refused)]
    [InlineData(SightingStatus.Removed, SightingStatus.Reported)]
    [InlineData(SightingStatus.Removed, SightingStatus.Refused)]
    [InlineData(SightingStatus.Found, SightingStatus.Refused)]
    public void Steps_that_make_no_sense_are_refused(SightingStatus from, SightingStatus to) =>
        Assert.False(SightingStatusRules.CanMove(from, to));

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Nothing_goes_back_to_found_or_moves_to_itself(SightingStatus from)
    {
        Assert.False(SightingStatusRules.CanMove(from, SightingStatus.Found));
        Assert.False(SightingStatusRules.CanMove(from, from));
        Assert.NotEmpty(SightingStatusRules.NextFrom(from));
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Removed_can_be_reached_from_everything_open_and_only_removed_can_reappear(SightingStatus from)
    {
        Assert.Equal(from != SightingStatus.Removed, SightingStatusRules.CanMove(from, SightingStatus.Removed));
        Assert.Equal(from == SightingStatus.Removed, SightingStatusRules.CanMove(from, SightingStatus.Reappeared));
    }

    [Fact]
    public void A_change_is_dated_attributed_and_kept_with_its_note()
    {
        var by = Guid.NewGuid();
        var now = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
        var sighting = Sighting.Add(Guid.NewGuid(), new AcceptedUrl("https://example.org/a", "https://example.org/a", "other"), by, now);

        var change = sighting.ChangeStatus(SightingStatus.Reported, "  form ref 123 ", by, now.AddDays(1));

        Assert.NotNull(change);
        Assert.Equal((SightingStatus.Found, SightingStatus.Reported, "form ref 123", by), (change.From, change.To, change.Note, change.ChangedBy));
        Assert.Equal(now.AddDays(1), sighting.LastCheckedUtc);
        Assert.Equal(SightingStatus.Reported, sighting.Status);
        Assert.Null(sighting.ChangeStatus(SightingStatus.Found, null, by, now));
        Assert.Equal(SightingStatus.Reported, sighting.Status);
    }

    [Fact]
    public void A_place_is_first_seen_on_the_day_the_person_gives_at_midday_and_never_after_now()
    {
        var url = new AcceptedUrl("https://example.org/a", "https://example.org/a", "other");
        var now = new DateTime(2026, 3, 10, 9, 30, 0, DateTimeKind.Utc);

        var earlier = Sighting.Add(Guid.NewGuid(), url, Guid.NewGuid(), now, new DateOnly(2026, 3, 2));
        var today = Sighting.Add(Guid.NewGuid(), url, Guid.NewGuid(), now, new DateOnly(2026, 3, 10));
        var unsaid = Sighting.Add(Guid.NewGuid(), url, Guid.NewGuid(), now);

        Assert.Equal(new DateTime(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc), earlier.FirstSeenUtc);
        Assert.Equal(now, today.FirstSeenUtc);
        Assert.Equal(now, unsaid.FirstSeenUtc);
        Assert.Equal(now, earlier.LastCheckedUtc);
    }
}
