using System.Text.Json;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Account;

/// <summary>
/// The person's passkeys (issue 21): listed with when each was added and last used; added after step-up (the page
/// itself asks for the passphrase again, and so does each step of adding); removed at any time, which never locks
/// anyone out, since the passphrase always remains.
/// </summary>
[RequiresRecentPassphrase]
public sealed class PasskeysModel(
    AppDbContext db,
    UserManager<AppUser> users,
    PasskeyCeremonies ceremonies,
    StepUp stepUp,
    IStringLocalizer<AccountText> text) : PageModel
{
    /// <summary>Passkeys.AddFailed in English.</summary>
    public const string AddFailedMessage = "The passkey was not added. The request may have been cancelled or timed out. Please try again.";

    public IReadOnlyList<Passkey> Passkeys { get; private set; } = [];

    /// <summary>Set after a change, to say what happened.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        SessionStore.TryRead(User, out var userId, out _);
        Passkeys = await db.Passkeys.AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.CreatedUtc).ToListAsync(cancellationToken);
    }

    /// <summary>Starts adding a passkey: the options for the browser.</summary>
    public async Task<IActionResult> OnPostOptionsAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var (ceremony, options) = await ceremonies.BeginAddingAsync(user, Request, cancellationToken);
        return new JsonResult(new { ceremony, options = JsonDocument.Parse(options).RootElement });
    }

    /// <summary>Finishes adding a passkey with the browser's answer and the name the person gave it.</summary>
    public async Task<IActionResult> OnPostAddAsync([FromBody] NewPasskey added, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var name = string.IsNullOrWhiteSpace(added?.Name) ? text["Passkeys.DefaultName"] : added.Name.Trim();
        name = name.Length > Passkey.NameMaxLength ? name[..Passkey.NameMaxLength] : name;
        var ok = added is not null && await stepUp.IsRecentAsync(User, cancellationToken)
            && await ceremonies.FinishAddingAsync(user, added.Ceremony, added.Response.GetRawText(), name, Request, cancellationToken);
        return new JsonResult(ok ? new { redirect = "/account/passkeys?done=added" } : (object)new { error = text["Passkeys.AddFailed"].Value });
    }

    /// <summary>Removes one of the person's own passkeys (anyone else's is simply not found).</summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid passkeyId, CancellationToken cancellationToken)
    {
        SessionStore.TryRead(User, out var userId, out _);
        await db.Passkeys.Where(p => p.Id == passkeyId && p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return Redirect("/account/passkeys?done=removed");
    }

    /// <summary>The browser's answer when adding a passkey.</summary>
    public sealed record NewPasskey(Guid Ceremony, string? Name, JsonElement Response);
}
