using System.Security.Claims;
using IncidentResponse.Domain.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Accounts;

/// <summary>
/// "Re-enter your passphrase": a sensitive action (downloading everything, a binder, deleting a case) needs the
/// passphrase typed again in this session within the last <see cref="Window"/>. The time is stamped on the
/// server-side session (<see cref="Domain.Accounts.UserSession.StepUpUtc"/>), so a copied cookie alone never
/// carries it, and signing out or ending the session ends it too.
/// </summary>
public sealed class StepUp(AppDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public const string ConfirmPath = "/account/confirm";

    /// <summary>True when this session's passphrase was re-entered less than <see cref="Window"/> ago.</summary>
    public async Task<bool> IsRecentAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        return await WithinWindowAsync(user, s => s.StepUpUtc, cancellationToken);
    }

    /// <summary>
    /// True when this session began less than <see cref="Window"/> ago: the passphrase was typed to sign in or sign
    /// up just now. Only a person's first set of recovery codes accepts this in place of step-up.
    /// </summary>
    public async Task<bool> JustSignedInAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        return await WithinWindowAsync(user, s => s.CreatedUtc, cancellationToken);
    }

    /// <summary>True when this live session's moment (read by <paramref name="moment"/>) lies within the last <see cref="Window"/>.</summary>
    private async Task<bool> WithinWindowAsync(ClaimsPrincipal user, System.Linq.Expressions.Expression<Func<Domain.Accounts.UserSession, DateTime?>> moment, CancellationToken cancellationToken)
    {
        if (!SessionStore.TryRead(user, out var userId, out var sessionId))
        {
            return false;
        }

        var at = await db.UserSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId && s.EndedUtc == null)
            .Select(moment)
            .SingleOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return at is { } when && when <= now && now - when < Window;
    }

    /// <summary>Records that the passphrase was just re-entered in this session.</summary>
    public async Task StampAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!SessionStore.TryRead(user, out var userId, out var sessionId))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId && s.EndedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.StepUpUtc, now), cancellationToken);
    }

    /// <summary>The confirm page's address, returning to <paramref name="returnUrl"/> (a local path) afterwards.</summary>
    public static string ConfirmUrl(string returnUrl) => ConfirmPath + "?returnUrl=" + Uri.EscapeDataString(returnUrl);
}

/// <summary>
/// Marks a page model (every handler) or one handler method as sensitive: it runs only when the passphrase was
/// re-entered in this session within <see cref="StepUp.Window"/>. Otherwise a GET is sent to the confirm page and
/// comes back to the same address; a POST is sent to the confirm page and comes back to the page (as a GET), where
/// the person presses the button again. Checked by <see cref="RecentPassphraseFilter"/>, after the case membership
/// filter, so a stranger still gets 404 first.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class RequiresRecentPassphraseAttribute : Attribute
{
    public RequiresRecentPassphraseAttribute()
    {
    }

    /// <summary>
    /// On a case page: the operation the step-up guards. A member whose role does not allow it gets 404 straight away,
    /// never a passphrase prompt for something they could not do anyway.
    /// </summary>
    public RequiresRecentPassphraseAttribute(IncidentResponse.Domain.Cases.CaseOperation operation) => Operation = operation;

    public IncidentResponse.Domain.Cases.CaseOperation? Operation { get; }
}

/// <summary>The global page filter that enforces <see cref="RequiresRecentPassphraseAttribute"/>.</summary>
public sealed class RecentPassphraseFilter(StepUp stepUp) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var required = Required(context);
        if (required?.Operation is { } operation && context.HandlerInstance is IncidentResponse.Web.Cases.CasePageModel page
            && !page.Membership.Can(operation))
        {
            context.Result = new NotFoundResult();
            return;
        }

        if (required is null || await stepUp.IsRecentAsync(context.HttpContext.User, context.HttpContext.RequestAborted))
        {
            await next();
            return;
        }

        var request = context.HttpContext.Request;
        var isRead = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        // A GET comes back to exactly where it was going; a POST's body is not kept, so it comes back to the page.
        var path = (request.PathBase + request.Path).ToString();
        var returnUrl = isRead ? path + request.QueryString.ToString() : path;
        context.Result = new LocalRedirectResult(StepUp.ConfirmUrl(returnUrl));
    }

    private static RequiresRecentPassphraseAttribute? Required(PageHandlerExecutingContext context) =>
        context.HandlerMethod?.MethodInfo.GetCustomAttributes(typeof(RequiresRecentPassphraseAttribute), inherit: true).OfType<RequiresRecentPassphraseAttribute>().FirstOrDefault()
        ?? context.HandlerInstance.GetType().GetCustomAttributes(typeof(RequiresRecentPassphraseAttribute), inherit: true).OfType<RequiresRecentPassphraseAttribute>().FirstOrDefault();
}
