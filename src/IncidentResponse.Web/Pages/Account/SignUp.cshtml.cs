using FluentValidation;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class SignUpModel(
    UserManager<AppUser> users,
    SignInFlow signIn,
    IValidator<SignUpModel.InputModel> validator,
    TimeProvider clock,
    IStringLocalizer<AccountText> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Where to go after signing up (an invitation link, say); only a local address is followed.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

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

        var user = new AppUser
        {
            UserName = Input.Username.Trim(),
            Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim(),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            TimeZone = string.IsNullOrWhiteSpace(Input.TimeZone) ? null : Input.TimeZone.Trim(),
            // A language chosen on this browser before signing up follows the account to its next sign-in anywhere.
            Language = IncidentResponse.Web.Languages.AppLanguages.ChosenHere(HttpContext),
        };
        var result = await users.CreateAsync(user, Input.Passphrase);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName)
                    ? "Input.Username"
                    : "Input.Passphrase";
                var message = error.Code == nameof(IdentityErrorDescriber.DuplicateUserName)
                    ? text["SignUp.UsernameTaken"]
                    : error.Description;
                ModelState.AddModelError(field, message);
            }

            return Page();
        }

        await signIn.SignInAsync(user, HttpContext);
        return Redirect(await signIn.AfterSignInAsync(user, Url.LocalOr(ReturnUrl, "/cases/new")));
    }

    public sealed class InputModel
    {
        public string Username { get; set; } = "";

        public string Passphrase { get; set; } = "";

        public string ConfirmPassphrase { get; set; } = "";

        public string? Email { get; set; }

        /// <summary>One of <see cref="TimeZoneChoices"/>, or empty to choose later.</summary>
        public string? TimeZone { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(PassphrasePolicy policy, IStringLocalizer<AccountText> text)
        {
            RuleFor(x => x.Username).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => text["SignUp.UsernameEmpty"])
                .Length(3, 32).WithMessage(_ => text["SignUp.UsernameLength"])
                .Matches("^[A-Za-z0-9._-]+$").WithMessage(_ => text["SignUp.UsernameChars"]);
            this.NewPassphrase(policy, text, x => x.Passphrase, x => x.Username, x => x.ConfirmPassphrase, "SignUp.Mismatch");
            RuleFor(x => x.Email).EmailAddress().WithMessage(_ => text["SignUp.EmailInvalid"])
                .MaximumLength(254).WithMessage(_ => text["SignUp.EmailTooLong"])
                .When(x => !string.IsNullOrWhiteSpace(x.Email));
            RuleFor(x => x.TimeZone).Must(z => TimeZoneChoices.IsKnown(z!.Trim()))
                .When(x => !string.IsNullOrWhiteSpace(x.TimeZone))
                .WithMessage(_ => text["SignUp.ZoneUnknown"]);
        }
    }
}
