using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IncidentResponse.Web.Pages;

/// <summary>
/// Quick exit: works as a plain link without JavaScript. Ends the server session, asks the browser to clear this
/// site's cookies and storage, and sends the person to an ordinary website. Not the cache: every page is already
/// <c>no-store</c>, and clearing the cache makes Chromium hold the old page on screen for seconds on a well-used
/// profile (see <see cref="ClearSiteData"/>). It is a GET on purpose: speed
/// matters more here than protecting against being signed out by someone else's link.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[RunsWhileDatabaseUnavailable]
public sealed class ExitModel(SessionStore sessions, AppOptions options) : PageModel
{
    /// <summary>
    /// What quick exit and signing out ask the browser to clear. <c>"cache"</c> is left out on purpose: nothing of
    /// ours is cached (<c>no-store</c>), and Chromium waits for the whole cache to be searched before showing the next
    /// page, which is what Rails, Nextcloud and MDN dropped it for.
    /// </summary>
    public const string ClearSiteData = "\"cookies\", \"storage\"";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await EndAsync(cancellationToken);
        return Redirect(options.QuickExitUrl);
    }

    /// <summary>
    /// The beacon the page's script sends as it leaves for the neutral site itself: the same ending of the session,
    /// with nothing to show (the browser is already elsewhere). A post from another site carries no cookie
    /// (SameSite=Strict), and it must carry the page's antiforgery token like every other post (checked here, since the
    /// page as a whole skips the check for the plain link). Not cancelled when the browser lets go: the session must end
    /// even if the tab is closed while this runs.
    /// </summary>
    public async Task<IActionResult> OnPostAsync([FromServices] IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(antiforgery);
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        await EndAsync(CancellationToken.None);
        return new NoContentResult();
    }

    private async Task EndAsync(CancellationToken cancellationToken)
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
        Response.Headers["Clear-Site-Data"] = ClearSiteData;
    }
}
