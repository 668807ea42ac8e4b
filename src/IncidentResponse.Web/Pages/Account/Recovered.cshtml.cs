using IncidentResponse.Domain.Accounts;
using IncidentResponse.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IncidentResponse.Web.Pages.Account;

/// <summary>
/// Shown at the first sign-in after a passphrase was reset with a recovery code: when it happened, and what to do if
/// it was not the person. Reading it changes nothing (the sign-in cleared the notice).
/// </summary>
public sealed class RecoveredModel(UserManager<AppUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public DateTime? ResetUtc { get; private set; }

    public string Next => Url.LocalOr(ReturnUrl, "/cases");

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        ResetUtc = user.PassphraseResetUtc;
        return Page();
    }
}
