using IncidentResponse.Domain.Accounts;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Languages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IncidentResponse.Web.Pages;

/// <summary>
/// A language link (on every page, no script needed): remembers the choice on this browser (a strictly necessary
/// cookie) and, for a person signed in, on their account, so it follows them to their next sign-in on any device; then
/// back to the page they were on. A plain GET like Quick exit: another site could at most change the language shown.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[RunsWhileDatabaseUnavailable]
public sealed class LanguageModel(UserManager<AppUser> users, AppOptions options) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string code, [FromQuery(Name = "return")] string? back)
    {
        if (!AppLanguages.IsChoice(code))
        {
            return NotFound();
        }

        AppLanguages.Remember(Response, code, options);
        if (SessionStore.TryRead(User, out var userId, out _))
        {
            await RememberForAccountAsync(userId, code);
        }

        return LocalRedirect(Url.LocalOr(back, "/"));
    }

    private async Task RememberForAccountAsync(Guid userId, string code)
    {
        try
        {
            if (await users.FindByIdAsync(userId.ToString()) is { } user && user.Language != code)
            {
                user.Language = code;
                await users.UpdateAsync(user);
            }
        }
        catch (Exception exception) when (DatabaseFaults.IsUnavailable(exception))
        {
            // The cookie already holds the choice on this browser; the account learns it at the next choice.
        }
    }
}
