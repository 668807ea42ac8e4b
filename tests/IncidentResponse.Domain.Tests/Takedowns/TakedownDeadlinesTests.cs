using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Domain.Tests.Takedowns;

public sealed class TakedownDeadlinesTests
{
    private static readonly DateTimeOffset Sent = new(2026, 11, 21, 15, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_take_it_down_request_is_due_48_hours_after_sending()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 15, 30, 0, TimeSpan.Zero), TakedownDeadlines.DueBy(LetterKind.TakeItDownRequest, Sent));
    }

    [Theory]
    [InlineData(LetterKind.PlatformPolicyReport)]
    [InlineData(LetterKind.DmcaNotice)]
    [InlineData(LetterKind.DsaNotice)]
    [InlineData(LetterKind.SearchDelisting)]
    [InlineData(LetterKind.PreservationToPlatform)]
    [InlineData(LetterKind.PreservationForPolice)]
    [InlineData(LetterKind.FollowUp)]
    public void Other_kinds_are_due_7_days_after_sending(LetterKind kind)
    {
        Assert.Equal(TimeSpan.FromDays(7), TakedownDeadlines.WindowFor(kind));
        Assert.Equal(Sent.AddDays(7), TakedownDeadlines.DueBy(kind, Sent));
    }

    [Fact]
    public void Overdue_is_strictly_after_the_deadline()
    {
        var due = TakedownDeadlines.DueBy(LetterKind.TakeItDownRequest, Sent);

        Assert.False(TakedownDeadlines.IsOverdue(LetterKind.TakeItDownRequest, Sent, due));
        Assert.True(TakedownDeadlines.IsOverdue(LetterKind.TakeItDownRequest, Sent, due.AddMinutes(1)));
    }
}
