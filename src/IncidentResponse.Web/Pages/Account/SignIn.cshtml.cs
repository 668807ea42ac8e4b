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
public sealed class SignInModel(
    SignInFlow signIn,
    PasskeyCeremonies passkeys,
    UserManager<AppUser> users,
    IValidator<SignInModel.InputModel> validator,
    IStringLocalizer<AccountText> text) : PageModel
{
    /// <summary>What the page says when a passkey did not sign anyone in (cancelled, unknown here, or not valid): SignIn.PasskeyFailure in English.</summary>
    public const string PasskeyFailureMessage =
        "That passkey didn't sign you in. It may belong to another site or account, or the request was cancelled. You can try again or use your passphrase.";

    /// <summary>The same words for an unknown name, a wrong passphrase and a paused account, nothing to enumerate: SignIn.Failure in English.</summary>
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
            ModelState.AddModelError("Input.Passphrase", text["SignIn.Failure"]);
            return Page();
        }

        return Redirect(await signIn.AfterSignInAsync(user, Url.LocalOr(ReturnUrl, "/cases")));
    }

    /// <summary>Starts a passkey sign-in: the options for the browser (the page's script asks for them).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync(CancellationToken cancellationToken)
    {
        var (ceremony, options) = await passkeys.BeginSignInAsync(Request, cancellationToken);
        return new JsonResult(new { ceremony, options = System.Text.Json.JsonDocument.Parse(options).RootElement });
    }

    /// <summary>Finishes a passkey sign-in with the browser's answer; says where to go next, or why not.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync([FromBody] PasskeyAnswer answer, CancellationToken cancellationToken)
    {
        var proven = answer is null ? null : await passkeys.FinishSignInAsync(answer.Ceremony, answer.Response.GetRawText(), Request, cancellationToken);
        if (proven is not { } who || await users.FindByIdAsync(who.UserId.ToString()) is not { } user)
        {
            return new JsonResult(new { error = text["SignIn.PasskeyFailure"].Value });
        }

        await signIn.SignInAsync(user, HttpContext, who.PasskeyName);
        var next = await signIn.AfterSignInAsync(user, Url.LocalOr(ReturnUrl, "/cases"));
        return new JsonResult(new { redirect = next });
    }

    /// <summary>The browser's answer to a passkey ceremony: which ceremony, and the credential as WebAuthn's JSON.</summary>
    public sealed record PasskeyAnswer(Guid Ceremony, System.Text.Json.JsonElement Response);

    public sealed class InputModel
    {
        public string Username { get; set; } = "";

        public string Passphrase { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer<AccountText> text)
        {
            RuleFor(x => x.Username).NotEmpty().WithMessage(_ => text["Form.EnterUsername"])
                .MaximumLength(64).WithMessage(_ => text["Form.UsernameTooLong"]);
            RuleFor(x => x.Passphrase).NotEmpty().WithMessage(_ => text["Form.EnterPassphrase"])
                .MaximumLength(1024).WithMessage(_ => text["Form.PassphraseTooLong"]);
        }
    }
}
