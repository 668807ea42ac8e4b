using FluentValidation;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Account;

/// <summary>
/// "Forgot your passphrase?": username, one recovery code and a new passphrase (<see cref="PassphraseRecovery"/>).
/// The same account rate limit as signing in; the same answer for an unknown name, a wrong or used code and a paused
/// account, so the page tells no one which names exist.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class RecoverModel(PassphraseRecovery recovery, IValidator<RecoverModel.InputModel> validator, IStringLocalizer<AccountText> text) : PageModel
{
    /// <summary>Recover.Failure in English.</summary>
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
                ModelState.AddModelError("Input.RecoveryCode", text["Recover.Failure"]);
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
        public InputValidator(PassphrasePolicy policy, IStringLocalizer<AccountText> text)
        {
            RuleFor(x => x.Username).NotEmpty().WithMessage(_ => text["Form.EnterUsername"])
                .MaximumLength(64).WithMessage(_ => text["Form.UsernameTooLong"]);
            RuleFor(x => x.RecoveryCode).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => text["Recover.EnterCode"])
                .Must(code => RecoveryCodeFormat.Canonical(code) is not null)
                .WithMessage(_ => text["Recover.CodeFormat"]);
            this.NewPassphrase(policy, text, x => x.NewPassphrase, x => x.Username, x => x.ConfirmNewPassphrase, "Form.NewMismatch");
        }
    }
}
