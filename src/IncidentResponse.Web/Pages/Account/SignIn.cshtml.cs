using FluentValidation;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace IncidentResponse.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class SignInModel(SignInFlow signIn, IValidator<SignInModel.InputModel> validator) : PageModel
{
    /// <summary>The same words for an unknown name, a wrong passphrase and a paused account: nothing to enumerate.</summary>
    public const string FailureMessage =
        "That username and passphrase didn't work. After 5 unsuccessful tries in a row, signing in is paused for 15 minutes.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>True when the person has just chosen a new passphrase with a recovery code.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Reset { get; set; }

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

        var user = await signIn.PasswordSignInAsync(Input.Username.Trim(), Input.Passphrase, HttpContext);
        if (user is null)
        {
            ModelState.AddModelError("Input.Passphrase", FailureMessage);
            return Page();
        }

        return Redirect(await signIn.AfterSignInAsync(user, !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/cases"));
    }

    public sealed class InputModel
    {
        public string Username { get; set; } = "";

        public string Passphrase { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(x => x.Username).NotEmpty().WithMessage("Please enter your username.")
                .MaximumLength(64).WithMessage("That username is longer than any we have.");
            RuleFor(x => x.Passphrase).NotEmpty().WithMessage("Please enter your passphrase.")
                .MaximumLength(1024).WithMessage("That passphrase is longer than any we accept.");
        }
    }
}
