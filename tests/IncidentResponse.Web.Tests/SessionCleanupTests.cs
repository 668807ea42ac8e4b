using System.Net;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Web.Tests;

public abstract class SessionCleanupTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task Sessions_dead_for_over_a_day_are_deleted_and_live_or_just_ended_ones_are_kept()
    {
        using var client = app.CreateAppClient();
        var username = await client.SignUpAsync();
        await using var db = app.CreateDbContext();
        var userId = await db.Users.Where(u => u.UserName == username).Select(u => u.Id).SingleAsync();
        var options = app.Services.GetRequiredService<AppOptions>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var day = SessionCleanup.KeptAfterEnd;
        UserSession Session(DateTime created, DateTime lastSeen, DateTime? ended) =>
            new() { Id = Guid.NewGuid(), UserId = userId, DeviceDescription = "Firefox on Linux", CreatedUtc = created, LastSeenUtc = lastSeen, EndedUtc = ended };

        var signedOutLongAgo = Session(now.AddDays(-3), now.AddDays(-3), now.AddDays(-3));
        var idleLongAgo = Session(now - options.IdleTimeout - day - TimeSpan.FromHours(2), now - options.IdleTimeout - day - TimeSpan.FromHours(1), null);
        var pastAbsoluteLongAgo = Session(now - options.AbsoluteTimeout - day - TimeSpan.FromHours(1), now.AddMinutes(-1), null);
        var signedOutJustNow = Session(now.AddHours(-2), now.AddHours(-1), now.AddMinutes(-5));
        var idleJustNow = Session(now - options.IdleTimeout - TimeSpan.FromHours(1), now - options.IdleTimeout - TimeSpan.FromMinutes(10), null);
        var alive = Session(now.AddHours(-1), now.AddMinutes(-2), null);
        UserSession[] gone = [signedOutLongAgo, idleLongAgo, pastAbsoluteLongAgo];
        UserSession[] kept = [signedOutJustNow, idleJustNow, alive];
        db.UserSessions.AddRange([.. gone, .. kept]);
        await db.SaveChangesAsync();

        var removed = await app.Services.GetRequiredService<SessionCleanup>().RemoveDeadSessionsAsync(CancellationToken.None);

        Assert.True(removed >= gone.Length);
        var left = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync();
        Assert.All(gone, s => Assert.DoesNotContain(s.Id, left));
        Assert.All(kept, s => Assert.Contains(s.Id, left));

        // The person's own session, made by signing up a moment ago, is untouched and still works.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cases")).Status);
        Assert.True(app.Logs.Contains("Session cleanup: "));
    }
}

public sealed class SessionCleanupTestsOnSqlite(SqliteApp app) : SessionCleanupTests<SqliteApp>(app);

public sealed class SessionCleanupTestsOnPostgres(PostgresApp app) : SessionCleanupTests<PostgresApp>(app);
