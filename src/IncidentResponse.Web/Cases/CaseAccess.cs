using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Cases;

/// <summary>The signed-in person's place on one case, read fresh on every request (no cached permission).</summary>
public sealed record CaseMembership(Guid CaseId, Guid UserId, CaseRole Role, bool EvidenceImagesGranted = false, bool ExportAllowed = false, bool OriginalsGranted = false, bool RiskAssessmentShared = false)
{
    public bool Can(CaseOperation operation) => CasePermissions.Allows(Role, operation, EvidenceImagesGranted, ExportAllowed, RiskAssessmentShared);

    /// <summary>Evidence files reach this person exactly as received; otherwise as copies without hidden details.</summary>
    public bool ReceivesOriginals => CasePermissions.ReceivesOriginals(Role, OriginalsGranted);

    public bool IsOwner => Role == CaseRole.Owner;

    /// <summary>The person's place on the case, read fresh (no cache), or null when they are not a member.</summary>
    public static Task<CaseMembership?> FindAsync(AppDbContext db, Guid caseId, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.CaseMembers.AsNoTracking()
            .Where(m => m.CaseId == caseId && m.UserId == userId)
            .Select(m => new CaseMembership(m.CaseId, m.UserId, m.Role, m.EvidenceImagesGranted, m.ExportAllowed, m.OriginalsGranted, m.RiskAssessmentShared))
            .SingleOrDefaultAsync(cancellationToken);
    }
}

/// <summary>
/// The membership the session check read for this request, in its own query (<see cref="SessionStore.CheckAsync"/>): the
/// case in the route, and null when the person is not a member. Kept in the request's items for this request only, and
/// used only for that same case and person; anywhere else the filter reads the membership itself.
/// </summary>
public sealed record SessionMembership(Guid CaseId, Guid UserId, CaseMembership? Membership)
{
    private const string Item = "IncidentResponse.SessionMembership";

    public void Keep(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Items[Item] = this;
    }

    public static bool TryFind(HttpContext http, Guid caseId, Guid userId, out CaseMembership? membership)
    {
        ArgumentNullException.ThrowIfNull(http);
        membership = null;
        if (http.Items.TryGetValue(Item, out var kept) && kept is SessionMembership read && read.CaseId == caseId && read.UserId == userId)
        {
            membership = read.Membership;
            return true;
        }

        return false;
    }
}

/// <summary>
/// The one authorizing loader. Every page whose route has a <c>{caseId}</c> goes through it before its handler
/// runs: a person who is not a member of that case gets 404, never a hint that the case exists.
/// </summary>
public sealed class CaseMembershipFilter(AppDbContext db) : IAsyncPageFilter
{
    public const string RouteKey = "caseId";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!context.RouteData.Values.TryGetValue(RouteKey, out var raw))
        {
            await next();
            return;
        }

        if (context.HttpContext.User.Identity?.IsAuthenticated != true)
        {
            context.Result = new ChallengeResult();
            return;
        }

        if (!Guid.TryParse(Convert.ToString(raw, System.Globalization.CultureInfo.InvariantCulture), out var caseId))
        {
            context.Result = new NotFoundResult();
            return;
        }

        var userId = context.HttpContext.User.UserId();
        var membership = SessionMembership.TryFind(context.HttpContext, caseId, userId, out var readWithSession)
            ? readWithSession
            : await CaseMembership.FindAsync(db, caseId, userId, context.HttpContext.RequestAborted);
        if (membership is null)
        {
            context.Result = new NotFoundResult();
            return;
        }

        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            // A post to a page (or a named handler) that takes none: nothing to run, so nothing to render either.
            context.Result = new NotFoundResult();
            return;
        }

        if (context.HandlerInstance is CasePageModel page)
        {
            // The operation the page or handler declares is the one enforced: no declaration, no access (fail closed).
            if (CaseOperationRequiredAttribute.For(context.HandlerInstance.GetType(), context.HandlerMethod?.MethodInfo, method) is not { } operation
                || !membership.Can(operation))
            {
                context.Result = new NotFoundResult();
                return;
            }

            page.Membership = membership;

            // Who is looking decides whether private items exist for this request (fails closed for allies).
            db.ShowPrivateItems = membership.IsOwner;
        }
        else
        {
            // A case-scoped page must take its membership from this filter; fail closed if one does not.
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}

/// <summary>
/// The operation a case page (on the class: every handler) or one handler method (overriding the class) needs.
/// <see cref="CaseMembershipFilter"/> enforces it before the handler runs: a member whose role and grants do not allow
/// it gets 404, the same answer as a stranger. Every case page must declare one; a handler with none is refused.
/// A write (any method but GET and HEAD) is not covered by a class-level <see cref="CaseOperation.View"/>: a handler that
/// changes something names its operation on the method, even when that is View (leaving a case).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
public sealed class CaseOperationRequiredAttribute(CaseOperation operation) : Attribute
{
    public CaseOperation Operation { get; } = operation;

    /// <summary>
    /// The operation a request to <paramref name="pageModel"/>'s <paramref name="handler"/> needs, or null when none is
    /// declared (the request is refused). <paramref name="handler"/> is null when the page has no handler for a GET.
    /// </summary>
    public static CaseOperation? For(Type pageModel, System.Reflection.MethodInfo? handler, string httpMethod)
    {
        ArgumentNullException.ThrowIfNull(pageModel);
        if (handler?.GetCustomAttributes(typeof(CaseOperationRequiredAttribute), inherit: true).OfType<CaseOperationRequiredAttribute>().FirstOrDefault() is { } onHandler)
        {
            return onHandler.Operation;
        }

        var onClass = pageModel.GetCustomAttributes(typeof(CaseOperationRequiredAttribute), inherit: true).OfType<CaseOperationRequiredAttribute>().FirstOrDefault();
        var isRead = HttpMethods.IsGet(httpMethod) || HttpMethods.IsHead(httpMethod);
        return onClass is null || (!isRead && onClass.Operation == CaseOperation.View) ? null : onClass.Operation;
    }
}

/// <summary>Base for every page under <c>/cases/{caseId}</c>: its membership is loaded and authorized before the handler.</summary>
public abstract class CasePageModel : PageModel
{
    public CaseMembership Membership { get; internal set; } = null!;

    /// <summary>
    /// The case's id. Before the membership is known (a page shown again because the database could not be reached)
    /// it is the id from the address, used only to build that page's own links.
    /// </summary>
    public Guid CaseId => Membership?.CaseId
        ?? (Guid.TryParse(Convert.ToString(RouteData.Values[CaseMembershipFilter.RouteKey], System.Globalization.CultureInfo.InvariantCulture), out var id) ? id : Guid.Empty);

    /// <summary>
    /// Null when the member may do this; otherwise the 404 to return (a role's limits are not advertised). The page's
    /// own operation is declared with <see cref="CaseOperationRequiredAttribute"/>; this is for finer checks inside it.
    /// </summary>
    protected IActionResult? Deny(CaseOperation operation) => Membership.Can(operation) ? null : NotFound();
}
