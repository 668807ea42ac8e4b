using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Domain.Tests.Incidents;

public sealed class IncidentTests
{
    private static readonly DateTime Now = new(2026, 3, 10, 8, 0, 0, DateTimeKind.Utc);

    private static IncidentSnapshot Fields(string narrative = "They posted it", string zone = "") => new(
        IncidentKind.Post, new DateOnly(2026, 3, 1), new TimeOnly(22, 30), zone, null, new DateOnly(2026, 3, 2), "reddit",
        " https://example.org/p ", "@someone", PerpetratorKnown.Unknown, "ignored when unknown", narrative, "", "", "", "", 2);

    [Fact]
    public void An_edit_keeps_the_version_it_replaces_exactly_and_who_saved_it()
    {
        var author = Guid.NewGuid();
        var editor = Guid.NewGuid();
        var incident = Incident.Add(Guid.NewGuid(), Fields(), author, Now);
        var original = incident.Snapshot();

        var kept = incident.Revise(Fields("They posted it again, corrected"), editor, Now.AddHours(1));

        Assert.Equal(1, kept.Number);
        Assert.Equal(original, kept.Snapshot);
        Assert.Equal((author, Now, editor, Now.AddHours(1)), (kept.SavedBy, kept.SavedUtc, kept.ReplacedBy, kept.ReplacedUtc));
        Assert.Equal(2, incident.Revision);
        Assert.Equal("They posted it again, corrected", incident.Narrative);
        Assert.Equal(editor, incident.UpdatedBy);
        Assert.Equal(author, incident.CreatedBy);
    }

    [Fact]
    public void Fields_are_tidied_and_a_name_is_kept_only_when_known()
    {
        var incident = Incident.Add(Guid.NewGuid(), Fields() with { Platform = "myspace" }, Guid.NewGuid(), Now);

        Assert.Equal("https://example.org/p", incident.Url);
        Assert.Equal("", incident.PerpetratorName);
        Assert.Equal(Platforms.Other, incident.Platform);
    }

    [Theory]
    [InlineData("", "2026-03-01T22:30:00")]
    [InlineData("+02:00", "2026-03-01T20:30:00")]
    [InlineData("UTC-5", "2026-03-02T03:30:00")]
    [InlineData("Europe/London", "2026-03-01T22:30:00")]
    [InlineData("Australia/Sydney", "2026-03-01T11:30:00")]
    public void The_timeline_orders_by_the_moment_in_UTC_when_the_zone_is_known(string zone, string expected)
    {
        var incident = Incident.Add(Guid.NewGuid(), Fields(zone: zone), Guid.NewGuid(), Now);

        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), incident.OccurredSortUtc);
        Assert.Equal(DateTimeKind.Utc, incident.OccurredSortUtc.Kind);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("Europe/Berlin", true)]
    [InlineData("+05:30", true)]
    [InlineData("-0800", true)]
    [InlineData("GMT+1", true)]
    [InlineData("+15:00", false)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("next tuesday", false)]
    public void Time_zones_are_IANA_names_or_offsets(string zone, bool valid) => Assert.Equal(valid, IncidentTime.IsValidZone(zone));

    [Fact]
    public void A_date_is_in_the_future_only_once_it_has_started_nowhere()
    {
        Assert.Equal(new DateOnly(2026, 3, 10), IncidentTime.LatestPossibleToday(new DateTime(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2026, 3, 11), IncidentTime.LatestPossibleToday(new DateTime(2026, 3, 10, 11, 0, 0, DateTimeKind.Utc)));
    }
}
