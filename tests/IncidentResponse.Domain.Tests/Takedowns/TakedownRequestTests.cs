using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Domain.Tests.Takedowns;

public sealed class TakedownRequestTests
{
    private static readonly DateTime Now = new(2026, 3, 10, 9, 30, 0, DateTimeKind.Utc);

    private static TakedownRequest Draft(LetterKind kind = LetterKind.PlatformPolicyReport) => new()
    {
        Id = Guid.NewGuid(),
        CaseId = Guid.NewGuid(),
        Kind = kind,
        PlatformId = "reddit",
        Sender = new SenderIdentity { Email = IdentityField.Public("sam@example.org"), PostalAddress = IdentityField.Private("1 Private Road") },
        Sightings = [new TakedownRequestSighting { SightingId = Guid.NewGuid() }],
    };

    [Fact]
    public void Only_a_draft_can_be_finalised_and_only_a_finalised_letter_sent()
    {
        var request = Draft();
        Assert.Throws<InvalidOperationException>(() => request.MarkSent(Now, TakedownChannel.Form, null, null, Now));

        request.Finalise("The text", Now);

        Assert.Equal((TakedownStatus.Final, "The text"), (request.Status, request.FinalText));
        Assert.Throws<InvalidOperationException>(() => request.Finalise("Other text", Now));
        Assert.Equal("The text", request.FinalText);
    }

    [Fact]
    public void A_take_it_down_request_is_due_48_hours_after_the_recorded_submission_not_after_its_letter_date()
    {
        var request = Draft(LetterKind.TakeItDownRequest);
        request.LetterDate = new DateOnly(2026, 3, 2);
        request.Finalise("The text", Now.AddDays(-8));
        var submitted = new DateTime(2026, 3, 9, 22, 15, 0, DateTimeKind.Utc);

        request.MarkSent(submitted, TakedownChannel.Form, "  REF-1 ", "  We received your report.  ", Now);

        Assert.Equal(new DateTime(2026, 3, 11, 22, 15, 0, DateTimeKind.Utc), request.DueUtc);
        Assert.Equal((submitted, new DateOnly(2026, 3, 9)), (request.SentUtc!.Value, request.SentOn!.Value));
        Assert.Equal(("REF-1", "We received your report."), (request.Reference, request.Confirmation));
        Assert.False(request.IsOverdue(submitted.AddHours(47)));
        Assert.True(request.IsOverdue(submitted.AddHours(49)));
    }

    [Fact]
    public void A_letter_sent_earlier_counts_from_the_moment_recorded_and_keeps_no_empty_confirmation()
    {
        var request = Draft();
        request.Finalise("The text", Now);

        request.MarkSent(new DateTime(2026, 3, 1, 8, 5, 0, DateTimeKind.Utc), TakedownChannel.Post, null, "   ", Now);

        Assert.Equal(new DateTime(2026, 3, 8, 8, 5, 0, DateTimeKind.Utc), request.DueUtc);
        Assert.Null(request.Confirmation);
        Assert.True(request.IsOverdue(Now));
        var other = Draft();
        other.Finalise("The text", Now);
        Assert.Throws<ArgumentException>(() => other.MarkSent(new DateTime(2026, 3, 1, 8, 5, 0, DateTimeKind.Local), TakedownChannel.Form, null, null, Now));
    }

    [Fact]
    public void An_answer_is_placed_in_time_on_the_day_it_came_and_keeps_who_recorded_it_and_when()
    {
        var request = Draft();
        var by = Guid.NewGuid();

        var earlier = TakedownResponse.Record(request, new DateOnly(2026, 3, 4), TakedownOutcome.Refused, " Not against our rules ", null, by, Now);
        var today = TakedownResponse.Record(request, DateOnly.FromDateTime(Now), TakedownOutcome.Removed, null, " Gone ", by, Now);

        Assert.Equal((request.Id, request.CaseId, new DateTime(2026, 3, 4, 12, 0, 0, DateTimeKind.Utc), "Not against our rules", ""), (earlier.RequestId, earlier.CaseId, earlier.ReceivedUtc, earlier.Reason, earlier.Note));
        Assert.Equal((Now, "Gone", by, Now), (today.ReceivedUtc, today.Note, today.RecordedBy, today.RecordedUtc));
        Assert.NotEqual(earlier.Id, today.Id);
    }

    [Fact]
    public void A_new_version_or_follow_up_copies_the_input_and_its_places_but_not_the_text()
    {
        var request = Draft();
        request.Finalise("The text", Now);

        var version = request.CopyAsDraft(request.Kind, Guid.NewGuid(), Now, followUp: false);
        var followUp = request.CopyAsDraft(LetterKind.FollowUp, Guid.NewGuid(), Now, followUp: true);

        Assert.Equal((TakedownStatus.Draft, (string?)null, (Guid?)request.Id, (Guid?)null), (version.Status, version.FinalText, version.ReplacesId, version.FollowsUpId));
        Assert.Equal(((Guid?)null, (Guid?)request.Id, LetterKind.FollowUp), (followUp.ReplacesId, followUp.FollowsUpId, followUp.Kind));
        Assert.Equal(request.Sightings.Select(s => s.SightingId), version.Sightings.Select(s => s.SightingId));
        Assert.All(version.Sightings, s => Assert.Equal(version.Id, s.RequestId));
        Assert.True(version.Sender.PostalAddress.IsPrivate);
    }
}
