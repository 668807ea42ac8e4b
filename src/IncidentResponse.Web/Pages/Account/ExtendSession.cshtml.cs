using IncidentResponse.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IncidentResponse.Web.Pages.Account;

/// <summary>"Stay signed in" from the idle warning: records activity now. Answers 204 to script, a redirect otherwise.</summary>
public sealed class ExtendSessionModel(SessionStore sessions) : PageModel
{
    public IActionResult OnGet() => Redirect("/cases");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        SessionStore.TryRead(User, out var userId, out var sessionId);
        if (!await sessions.TouchAsync(sessionId, userId, force: true, cancellationToken))
        {
            return Unauthorized();
        }

        return Request.Headers.ContainsKey("X-CSRF-TOKEN") ? new NoContentResult() : Redirect("/cases");
    }
}
