using IncidentResponse.Domain.Accounts;

namespace IncidentResponse.Domain.Tests.Accounts;

public sealed class UserSessionTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Absolute = TimeSpan.FromHours(12);

    [Fact]
    public void A_session_is_alive_until_idle_for_the_timeout()
    {
        var session = new UserSession { CreatedUtc = Start, LastSeenUtc = Start };
        Assert.True(session.IsAlive(Start.AddMinutes(29), Idle, Absolute));
        Assert.False(session.IsAlive(Start.AddMinutes(30), Idle, Absolute));
    }

    [Fact]
    public void Activity_cannot_keep_a_session_past_the_absolute_timeout()
    {
        var session = new UserSession { CreatedUtc = Start, LastSeenUtc = Start.AddHours(11).AddMinutes(59) };
        Assert.True(session.IsAlive(Start.AddHours(11).AddMinutes(59), Idle, Absolute));
        Assert.False(session.IsAlive(Start.AddHours(12), Idle, Absolute));
    }

    [Fact]
    public void An_ended_session_is_never_alive()
    {
        var session = new UserSession { CreatedUtc = Start, LastSeenUtc = Start, EndedUtc = Start };
        Assert.False(session.IsAlive(Start, Idle, Absolute));
    }
}
