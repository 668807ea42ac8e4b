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
/// "Delete my account" (<see cref="AccountDeletion"/>): the word typed and the passphrase again (step-up, counted
/// towards the sign-in lockout), with "Download everything" offered first for every case the person owns.
/// </summary>
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class DeleteModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signInManager,
    AccountDeletion deletion,
    SignInFlow signIn,
    IValidator<DeleteModel.InputModel> validator,
    IStringLocalizer<AccountText> text) : PageModel
{
    /// <summary>The words the person types to show they mean it, in English (Delete.ConfirmationWords in the page's language).</summary>
    public const string ConfirmationWords = "delete my account";

    /// <summary>Delete.WrongPassphrase in English.</summary>
    public const string WrongPassphraseMessage = "That passphrase didn't work. Nothing has been deleted.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Title)> Owned { get; private set; } = [];

    public int Helping { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!(await signInManager.CheckPasswordSignInAsync(user, Input.Passphrase, lockoutOnFailure: true)).Succeeded)
        {
            ModelState.AddModelError("Input.Passphrase", text["Delete.WrongPassphrase"]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        await deletion.DeleteAsync(user, cancellationToken);
        await signIn.SignOutAsync(HttpContext, cancellationToken);
        return Redirect("/account/signed-out?deleted=true");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        SessionStore.TryRead(User, out var userId, out _);
        (Owned, Helping) = await deletion.SummaryAsync(userId, cancellationToken);
    }

    public sealed class InputModel
    {
        public string Confirmation { get; set; } = "";

        public string Passphrase { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer<AccountText> text)
        {
            // The words in the page's language; the English ones are always accepted too.
            RuleFor(x => x.Confirmation).Must(c => Means(c, text["Delete.ConfirmationWords"]) || Means(c, ConfirmationWords))
                .WithMessage(_ => text["Delete.TypeWordsError", text["Delete.ConfirmationWords"].Value]);
            RuleFor(x => x.Passphrase).NotEmpty().WithMessage(_ => text["Form.EnterPassphrase"])
                .MaximumLength(1024).WithMessage(_ => text["Form.PassphraseTooLong"]);
        }

        private static bool Means(string? typed, string words) =>
            string.Equals(string.Join(' ', (typed ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)), words, StringComparison.OrdinalIgnoreCase);
    }
}
