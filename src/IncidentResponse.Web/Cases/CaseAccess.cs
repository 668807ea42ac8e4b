using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Cases;

/// <summary>The signed-in person's place on one case, read fresh on every request (no cached permission).</summary>
public sealed record CaseMembership(Guid CaseId, Guid UserId, CaseRole Role, bool EvidenceImagesGranted = false, bool ExportAllowed = false)
{
    public bool Can(CaseOperation operation) => CasePermissions.Allows(Role, operation, EvidenceImagesGranted, ExportAllowed);

    public bool IsOwner => Role == CaseRole.Owner;
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
        var membership = await db.CaseMembers.AsNoTracking()
            .Where(m => m.CaseId == caseId && m.UserId == userId)
            .Select(m => new CaseMembership(m.CaseId, m.UserId, m.Role, m.EvidenceImagesGranted, m.ExportAllowed))
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
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

    /// <summary>Null when the member may do this; otherwise the 404 to return (a role's limits are not advertised).</summary>
    protected IActionResult? Deny(CaseOperation operation) => Membership.Can(operation) ? null : NotFound();
}
