using FluentValidation;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Account;

/// <summary>
/// Changing the passphrase ends every other session (new security stamp, sessions ended) and keeps this one. A wrong
/// current passphrase counts towards the same lockout as signing in, and a paused account cannot change it even with
/// the right one, so someone holding an unlocked phone cannot guess their way to taking the account. The page shares
/// the account rate limit (per signed-in person).
/// </summary>
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class PassphraseModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signInManager,
    SessionStore sessions,
    SignInFlow signIn,
    TimeProvider clock,
    IValidator<PassphraseModel.InputModel> validator,
    IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Passphrase.WrongCurrent in English.</summary>
    public const string WrongCurrentMessage =
        "That isn't your current passphrase. After 5 unsuccessful tries in a row, changing it and signing in are paused for 15 minutes.";

    public bool Changed { get; private set; }

    /// <summary>When the account is paused after too many wrong passphrases: until when, in UTC (no time zone is known).</summary>
    public DateTimeOffset? PausedUntil { get; private set; }

    public void OnGet(bool changed) => Changed = changed;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Input.Username = user.UserName ?? "";
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }

        // Counts a wrong current passphrase towards the lockout, and refuses a paused account without checking at all.
        var check = await signInManager.CheckPasswordSignInAsync(user, Input.CurrentPassphrase, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            PausedUntil = await users.GetLockoutEndDateAsync(user);
            ModelState.AddModelError("Input.CurrentPassphrase", PausedMessage(text, PausedUntil, clock.GetUtcNow()));
            return Page();
        }

        if (!check.Succeeded)
        {
            ModelState.AddModelError("Input.CurrentPassphrase", text["Passphrase.WrongCurrent"]);
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassphrase, Input.NewPassphrase);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassphrase" : "Input.NewPassphrase",
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? text["Passphrase.WrongCurrent"] : error.Description);
            }

            return Page();
        }

        await sessions.EndAllAsync(user.Id, cancellationToken);
        await signIn.SignInAsync(user, HttpContext);
        return Redirect("/account/passphrase?changed=true");
    }

    /// <summary>Kind words for a paused account, with the time it ends (UTC, as no time zone is known for the person).</summary>
    public static string PausedMessage(IStringLocalizer<AccountText> text, DateTimeOffset? until, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        var when = until is { } end
            ? text[end.UtcDateTime.Date != now.UtcDateTime.Date ? "Passphrase.PausedUntilDay" : "Passphrase.PausedUntil", end.UtcDateTime]
            : text["Passphrase.PausedFor"];
        return text["Passphrase.Paused", when.Value];
    }

    public sealed class InputModel
    {
        public string CurrentPassphrase { get; set; } = "";

        public string NewPassphrase { get; set; } = "";

        public string ConfirmNewPassphrase { get; set; } = "";

        internal string Username { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(PassphrasePolicy policy, IStringLocalizer<AccountText> text)
        {
            RuleFor(x => x.CurrentPassphrase).NotEmpty().WithMessage(_ => text["Passphrase.EnterCurrent"]);
            this.NewPassphrase(policy, text, x => x.NewPassphrase, x => x.Username, x => x.ConfirmNewPassphrase, "Form.NewMismatch");
        }
    }
}
