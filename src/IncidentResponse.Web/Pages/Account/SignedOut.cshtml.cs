using IncidentResponse.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IncidentResponse.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignedOutModel(SignInFlow signIn) : PageModel
{
    public bool TimedOut { get; private set; }

    /// <summary>True after "Delete my account".</summary>
    public bool Deleted { get; private set; }

    /// <summary>The idle timer lands here; it ends the session in case the server has not yet.</summary>
    public async Task OnGetAsync(bool idle, bool deleted, CancellationToken cancellationToken)
    {
        TimedOut = idle;
        Deleted = deleted;
        if (User.Identity?.IsAuthenticated == true)
        {
            await signIn.SignOutAsync(HttpContext, cancellationToken);
        }
    }
}
