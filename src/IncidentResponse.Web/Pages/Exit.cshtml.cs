using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IncidentResponse.Web.Pages;

/// <summary>
/// Quick exit: works as a plain link without JavaScript. Ends the server session, asks the browser to clear this
/// site's cookies, storage and cache, and sends the person to an ordinary website. It is a GET on purpose: speed
/// matters more here than protecting against being signed out by someone else's link.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[RunsWhileDatabaseUnavailable]
public sealed class ExitModel(SessionStore sessions, AppOptions options) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (SessionStore.TryRead(User, out _, out var sessionId))
        {
            try
            {
                await sessions.EndAsync(sessionId, cancellationToken);
            }
            catch (Exception exception) when (DatabaseFaults.IsUnavailable(exception))
            {
                // Leaving must never wait for the database: the cookie is still cleared below, and the server session
                // ends by itself at the idle timeout.
            }
        }

        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        Response.Headers["Clear-Site-Data"] = "\"cache\", \"cookies\", \"storage\"";
        return Redirect(options.QuickExitUrl);
    }
}
