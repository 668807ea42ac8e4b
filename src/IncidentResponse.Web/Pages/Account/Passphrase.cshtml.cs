using FluentValidation;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IncidentResponse.Web.Pages.Account;

/// <summary>Changing the passphrase ends every other session (new security stamp, sessions ended) and keeps this one.</summary>
public sealed class PassphraseModel(
    UserManager<AppUser> users,
    SessionStore sessions,
    SignInFlow signIn,
    IValidator<PassphraseModel.InputModel> validator) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Changed { get; private set; }

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

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassphrase, Input.NewPassphrase);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassphrase" : "Input.NewPassphrase",
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "That isn't your current passphrase." : error.Description);
            }

            return Page();
        }

        await sessions.EndAllAsync(user.Id, cancellationToken);
        await signIn.SignInAsync(user, HttpContext);
        return Redirect("/account/passphrase?changed=true");
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
        public InputValidator(PassphrasePolicy policy)
        {
            RuleFor(x => x.CurrentPassphrase).NotEmpty().WithMessage("Please enter your current passphrase.");
            RuleFor(x => x.NewPassphrase).Custom((passphrase, context) =>
            {
                foreach (var problem in policy.Check(passphrase, context.InstanceToValidate.Username))
                {
                    context.AddFailure(nameof(InputModel.NewPassphrase), problem);
                }
            });
            RuleFor(x => x.ConfirmNewPassphrase).Equal(x => x.NewPassphrase)
                .When(x => !string.IsNullOrEmpty(x.NewPassphrase))
                .WithMessage("The two new passphrases don't match. Please type it again.");
        }
    }
}
