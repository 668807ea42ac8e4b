using FluentValidation;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

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
    IValidator<DeleteModel.InputModel> validator) : PageModel
{
    /// <summary>The words the person types to show they mean it.</summary>
    public const string ConfirmationWords = "delete my account";

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
            ModelState.AddModelError("Input.Passphrase", WrongPassphraseMessage);
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
        public InputValidator()
        {
            RuleFor(x => x.Confirmation).Must(c => string.Equals(string.Join(' ', (c ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)), ConfirmationWords, StringComparison.OrdinalIgnoreCase))
                .WithMessage($"Please type the words {ConfirmationWords} to confirm.");
            RuleFor(x => x.Passphrase).NotEmpty().WithMessage("Please enter your passphrase.")
                .MaximumLength(1024).WithMessage("That passphrase is longer than any we accept.");
        }
    }
}
