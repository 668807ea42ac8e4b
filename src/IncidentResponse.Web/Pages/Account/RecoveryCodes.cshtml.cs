using IncidentResponse.Domain.Accounts;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Account;

/// <summary>
/// Recovery codes: how many are left, and a new set, shown once (ADR 0026). A new set needs the passphrase typed
/// again within the last few minutes (step-up), since whoever makes a set can later take the account; a person's very
/// first set also accepts a session that began just now, when the passphrase was typed to sign up or sign in.
/// </summary>
public sealed class RecoveryCodesModel(
    UserManager<AppUser> users,
    RecoveryCodeStore codes,
    StepUp stepUp,
    AppOptions options,
    IStringLocalizer<AccountText> text) : PageModel
{
    /// <summary>Where to go afterwards (the next step of signing up or in); only a local address is followed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The codes just made, to show once; empty otherwise.</summary>
    public IReadOnlyList<string> NewCodes { get; private set; } = [];

    public int Left { get; private set; }

    public DateTime? MadeUtc { get; private set; }

    public string Username { get; private set; } = "";

    public string Next => Url.LocalOr(ReturnUrl, "/account/sessions");

    /// <summary>The codes as a text file's lines, for "download as a text file" (made in the browser, never sent again).</summary>
    public string TextFile => string.Join("\n", new[]
    {
        text["RecoveryCodes.FileTitle", options.SiteTitle].Value,
        text["RecoveryCodes.FileUsername", Username].Value,
        text["RecoveryCodes.FileMade", MadeUtc.GetValueOrDefault()].Value,
        text["RecoveryCodes.FileNote"].Value,
        "",
    }.Concat(NewCodes)) + "\n";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var allowed = await stepUp.IsRecentAsync(User, cancellationToken)
            || (user.RecoveryCodesMadeUtc is null && await stepUp.JustSignedInAsync(User, cancellationToken));
        if (!allowed)
        {
            return LocalRedirect(StepUp.ConfirmUrl(Request.Path + QueryString.Create("returnUrl", Next).ToString()));
        }

        NewCodes = await codes.ReplaceAsync(user, cancellationToken);
        await LoadAsync(user, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(AppUser user, CancellationToken cancellationToken)
    {
        Username = user.UserName ?? "";
        MadeUtc = user.RecoveryCodesMadeUtc;
        Left = await codes.CountLeftAsync(user.Id, cancellationToken);
    }
}
