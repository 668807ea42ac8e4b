using FluentValidation;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace IncidentResponse.Web.Pages.Account;

/// <summary>
/// "Forgot your passphrase?": username, one recovery code and a new passphrase (<see cref="PassphraseRecovery"/>).
/// The same account rate limit as signing in; the same answer for an unknown name, a wrong or used code and a paused
/// account, so the page tells no one which names exist.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class RecoverModel(PassphraseRecovery recovery, IValidator<RecoverModel.InputModel> validator) : PageModel
{
    public const string FailureMessage =
        "That username and recovery code didn't work. Check both, and that the code has not been used before: each works once. "
        + "After 5 unsuccessful tries in a row, with codes or passphrases, trying is paused for 15 minutes.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }

        var result = await recovery.ResetAsync(Input.Username.Trim(), Input.RecoveryCode, Input.NewPassphrase, cancellationToken);
        switch (result.Outcome)
        {
            case PassphraseRecovery.Outcome.Reset:
                return Redirect("/account/sign-in?reset=true");
            case PassphraseRecovery.Outcome.PassphraseRefused:
                foreach (var problem in result.Problems)
                {
                    ModelState.AddModelError("Input.NewPassphrase", problem);
                }

                return Page();
            default:
                ModelState.AddModelError("Input.RecoveryCode", FailureMessage);
                return Page();
        }
    }

    public sealed class InputModel
    {
        public string Username { get; set; } = "";

        public string RecoveryCode { get; set; } = "";

        public string NewPassphrase { get; set; } = "";

        public string ConfirmNewPassphrase { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(PassphrasePolicy policy)
        {
            RuleFor(x => x.Username).NotEmpty().WithMessage("Please enter your username.")
                .MaximumLength(64).WithMessage("That username is longer than any we have.");
            RuleFor(x => x.RecoveryCode).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Please enter one of your recovery codes.")
                .Must(code => RecoveryCodeFormat.Canonical(code) is not null)
                .WithMessage("A recovery code has 16 letters and numbers, like 7KQ2-M9XD-3TFA-WR6B. Please check it and type it again.");
            this.NewPassphrase(policy, x => x.NewPassphrase, x => x.Username, x => x.ConfirmNewPassphrase, "The two new passphrases don't match. Please type it again.");
        }
    }
}
