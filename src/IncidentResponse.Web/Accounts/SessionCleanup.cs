using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Accounts;

/// <summary>
/// Deletes session rows that can never be used again: ended (signed out, quick exit, passphrase changed) or timed out
/// (idle or absolute), and dead for longer than <see cref="KeptAfterEnd"/>. A dead row only says which kind of device
/// someone used and when; nothing reads it, so it is not kept. Counts only reach the log.
/// </summary>
public sealed partial class SessionCleanup(IServiceScopeFactory scopes, AppOptions options, TimeProvider clock, ILogger<SessionCleanup> logger)
{
    /// <summary>A day's grace, so a row that just ended is still there for the request that ended it.</summary>
    public static readonly TimeSpan KeptAfterEnd = TimeSpan.FromDays(1);

    public async Task<int> RemoveDeadSessionsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var endedBefore = now - KeptAfterEnd;
        var idleBefore = now - options.IdleTimeout - KeptAfterEnd;
        var createdBefore = now - options.AbsoluteTimeout - KeptAfterEnd;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var removed = await db.UserSessions
            .Where(s => (s.EndedUtc != null && s.EndedUtc < endedBefore) || s.LastSeenUtc < idleBefore || s.CreatedUtc < createdBefore)
            .ExecuteDeleteAsync(cancellationToken);
        LogRemoved(logger, removed);
        return removed;
    }

    /// <summary>Forgets deleted accounts' usernames once they are free again (<see cref="AccountDeletion.UsernameHeldFor"/>), and passkey ceremonies never finished.</summary>
    public async Task<int> RemoveFreedUsernamesAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.PasskeyChallenges.Where(c => c.ExpiresUtc <= now).ExecuteDeleteAsync(cancellationToken);
        return await db.RetiredUsernames.Where(r => r.FreeAfterUtc <= now).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 1030, Level = LogLevel.Information, Message = "Session cleanup: {Removed} ended sessions deleted")]
    private static partial void LogRemoved(ILogger logger, int removed);
}

/// <summary>Runs <see cref="SessionCleanup"/> as the app starts and then once a day, in the background.</summary>
public sealed class SessionCleanupDaily(SessionCleanup cleanup, TimeProvider clock, ILogger<SessionCleanupDaily> logger) : PeriodicRound(clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromDays(1);

    protected override async Task RunRoundAsync(CancellationToken stoppingToken)
    {
        await cleanup.RemoveDeadSessionsAsync(stoppingToken);
        await cleanup.RemoveFreedUsernamesAsync(stoppingToken);
    }
}
