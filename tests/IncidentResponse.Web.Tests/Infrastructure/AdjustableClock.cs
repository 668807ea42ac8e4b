namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>A clock the tests can move forward, for idle and absolute timeouts.</summary>
public sealed class AdjustableClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
