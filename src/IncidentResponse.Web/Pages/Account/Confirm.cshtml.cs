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
/// Step-up: the signed-in person types their passphrase again before a sensitive action. The same hasher, the same
/// account rate limit and the same lockout count as signing in, so this page is no easier to guess through.
/// </summary>
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class ConfirmModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signInManager,
    StepUp stepUp,
    IValidator<ConfirmModel.InputModel> validator,
    IStringLocalizer<AccountText> text) : PageModel
{
    /// <summary>Confirm.Failure in English.</summary>
    public const string FailureMessage =
        "That passphrase didn't work. Please try again. After 5 unsuccessful tries in a row, it is paused for 15 minutes.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public static int WindowMinutes => (int)StepUp.Window.TotalMinutes;

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

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // Counts towards the same lockout as signing in; a paused account is refused with the same words.
        var result = await signInManager.CheckPasswordSignInAsync(user, Input.Passphrase, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("Input.Passphrase", text["Confirm.Failure"]);
            return Page();
        }

        await stepUp.StampAsync(User, cancellationToken);
        return LocalRedirect(SafeReturnUrl);
    }

    /// <summary>Only a path on this site; anything else (another host, <c>//host</c>, <c>/\host</c>) goes to your cases.</summary>
    public string SafeReturnUrl => Url.LocalOr(ReturnUrl, "/cases");

    public sealed class InputModel
    {
        public string Passphrase { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer<AccountText> text)
        {
            RuleFor(x => x.Passphrase).NotEmpty().WithMessage(_ => text["Form.EnterPassphrase"])
                .MaximumLength(1024).WithMessage(_ => text["Form.PassphraseTooLong"]);
        }
    }
}
