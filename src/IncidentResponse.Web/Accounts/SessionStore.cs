using System.Security.Claims;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IncidentResponse.Web.Accounts;

/// <summary>
/// Server-side sessions. The cookie names a session; this store decides whether it is still alive (not signed out,
/// not idle past the idle timeout, not older than the absolute timeout).
/// </summary>
public sealed class SessionStore(AppDbContext db, AppOptions options, TimeProvider clock)
{
    public const string SessionClaim = "sid";

    /// <summary>
    /// Activity is recorded at most this often. The page's idle timer counts this much less than the idle timeout, so
    /// it always warns and signs out before the server would have ended the session.
    /// </summary>
    public static TimeSpan TouchInterval(AppOptions options) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(30).Ticks, options.IdleTimeout.Ticks / 10));

    /// <summary>Seconds the page may stay idle before its timer must have warned and signed out.</summary>
    public static int ClientIdleSeconds(AppOptions options) =>
        (int)Math.Floor((options.IdleTimeout - TouchInterval(options)).TotalSeconds);

    public async Task<UserSession> StartAsync(Guid userId, string? userAgent, CancellationToken cancellationToken, string? passkeyName = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new UserSession
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            DeviceDescription = DeviceDescription.From(userAgent),
            CreatedUtc = now,
            LastSeenUtc = now,
            PasskeyName = passkeyName,
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    /// <summary>True while the session is alive; records activity at most every half minute.</summary>
    public async Task<bool> TouchAsync(Guid sessionId, Guid userId, bool force, CancellationToken cancellationToken) =>
        (await CheckAsync(sessionId, userId, securityStamp: null, caseId: null, force, cancellationToken)).Alive;

    /// <summary>
    /// The one query a signed-in request pays before its page: the session with its person's security stamp and time
    /// zone. Alive while the session is (not ended, idle or too old) and, when <paramref name="securityStamp"/> is
    /// given, while the person's stamp is still the one their cookie was issued with (a new passphrase or "sign out
    /// everywhere" changes it). Records activity at most every <see cref="TouchInterval"/>. With <paramref name="caseId"/>
    /// (the case in the request's route), the person's membership of that case is read in the same query, for
    /// <see cref="CaseMembershipFilter"/> to authorize this request with (<see cref="SessionMembership"/>).
    /// </summary>
    public async Task<SessionCheck> CheckAsync(Guid sessionId, Guid userId, string? securityStamp, Guid? caseId, bool force, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var wanted = caseId ?? Guid.Empty;
        var found = await Check.For(db)(db, sessionId, userId, wanted, cancellationToken);
        if (found is null || (securityStamp is not null && !string.Equals(found.SecurityStamp, securityStamp, StringComparison.Ordinal)))
        {
            return new SessionCheck(false, null);
        }

        var session = found.Session;
        if (!session.IsAlive(now, options.IdleTimeout, options.AbsoluteTimeout))
        {
            if (session.EndedUtc is null)
            {
                session.EndedUtc = now;
                await db.SaveChangesAsync(cancellationToken);
            }

            return new SessionCheck(false, null);
        }

        if (force || now - session.LastSeenUtc >= TouchInterval(options))
        {
            session.LastSeenUtc = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        var membership = found.Role is { } role
            ? new CaseMembership(wanted, userId, role, found.Images ?? false, found.Export ?? false, found.Originals ?? false, found.Risk ?? false)
            : null;
        return new SessionCheck(true, found.TimeZone, caseId is null ? null : new SessionMembership(wanted, userId, membership));
    }

    /// <summary>
    /// The session check's query, compiled once (EF Core's <c>CompileAsyncQuery</c>): every signed-in request runs it, and
    /// a compiled query skips rebuilding, parameterising and looking up its expression tree each time (issue 20's
    /// profile: a third of the bare signed-in page). The session is tracked, so a touch or an end is saved.
    /// </summary>
    private static readonly PerModel<Func<AppDbContext, Guid, Guid, Guid, CancellationToken, Task<SessionRow?>>> Check = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, Guid sessionId, Guid userId, Guid wanted, CancellationToken _) =>
            (from s in db.UserSessions
             join u in db.Users on s.UserId equals u.Id
             from m in db.CaseMembers.Where(m => m.CaseId == wanted && m.UserId == s.UserId).DefaultIfEmpty()
             where s.Id == sessionId && s.UserId == userId
             select new SessionRow
             {
                 Session = s,
                 SecurityStamp = u.SecurityStamp,
                 TimeZone = u.TimeZone,
                 Role = (CaseRole?)m!.Role,
                 Images = (bool?)m!.EvidenceImagesGranted,
                 Export = (bool?)m!.ExportAllowed,
                 Originals = (bool?)m!.OriginalsGranted,
                 Risk = (bool?)m!.RiskAssessmentShared,
             }).SingleOrDefault()));

    public async Task EndAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.UserSessions.Where(s => s.Id == sessionId && s.EndedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedUtc, now), cancellationToken);
    }

    public async Task<int> EndAllAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.UserSessions.Where(s => s.UserId == userId && s.EndedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedUtc, now), cancellationToken);
    }

    public async Task<IReadOnlyList<UserSession>> ListAliveAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var idleSince = now - options.IdleTimeout;
        var createdSince = now - options.AbsoluteTimeout;
        return await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedUtc == null && s.LastSeenUtc > idleSince && s.CreatedUtc > createdSince)
            .OrderByDescending(s => s.LastSeenUtc)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Cookie validation: a cookie whose session has ended is refused and cleared on this very request. While the
    /// database cannot be reached the request is marked instead (see <see cref="DatabaseOutage"/>).
    /// </summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        try
        {
            await ValidateAsync(context);
        }
        catch (Exception exception) when (DatabaseFaults.IsUnavailable(exception))
        {
            // The session cannot be checked while the database is down. Signing the person out would lose what they
            // were sending, so the cookie stays (not renewed) and the request is marked: no page handler runs for it
            // (DatabaseUnavailableFilter shows the kind "could not save" page with their own post instead).
            context.ShouldRenew = false;
            DatabaseOutage.MarkSessionUnverified(context.HttpContext);
        }
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        // The security stamp is checked here on every request, in the session's own query, instead of by Identity's
        // SecurityStampValidator (a second query and a re-issued cookie once a minute): a new passphrase or "sign out
        // everywhere" ends every cookie issued before it on the very next request, on every instance.
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (!TryRead(context.Principal, out var userId, out var sessionId) || context.Principal!.FindFirstValue(stampClaim) is not { } stamp)
        {
            await RejectAsync(context);
            return;
        }

        var caseId = Guid.TryParse(context.HttpContext.GetRouteValue(CaseMembershipFilter.RouteKey) as string, out var routeCase) ? routeCase : (Guid?)null;
        var check = await services.GetRequiredService<SessionStore>().CheckAsync(sessionId, userId, stamp, caseId, force: false, context.HttpContext.RequestAborted);
        if (!check.Alive)
        {
            await RejectAsync(context);
            return;
        }

        services.GetRequiredService<LocalTimes>().Use(check.TimeZone);
        check.Membership?.Keep(context.HttpContext);
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    public static bool TryRead(ClaimsPrincipal? principal, out Guid userId, out Guid sessionId)
    {
        userId = Guid.Empty;
        sessionId = Guid.Empty;
        return principal is not null
            && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out userId)
            && Guid.TryParse(principal.FindFirstValue(SessionClaim), out sessionId);
    }

    /// <summary>One row of the session check: the session (tracked), its person's stamp and zone, and the membership asked about.</summary>
    private sealed class SessionRow
    {
        public required UserSession Session { get; init; }

        public required string? SecurityStamp { get; init; }

        public required string? TimeZone { get; init; }

        public CaseRole? Role { get; init; }

        public bool? Images { get; init; }

        public bool? Export { get; init; }

        public bool? Originals { get; init; }

        public bool? Risk { get; init; }
    }
}

/// <summary>What <see cref="SessionStore.CheckAsync"/> found: whether the session is alive, its person's time zone and, when asked, their membership of the route's case.</summary>
public readonly record struct SessionCheck(bool Alive, string? TimeZone, SessionMembership? Membership = null);
