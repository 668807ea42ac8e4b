using FluentValidation;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Cases;

/// <summary>
/// The owner deletes the whole case: after typing the word shown and their passphrase again (step-up), the case key
/// is destroyed (crypto-shredding: any copy of the files left in a backup can no longer be read), every row of the
/// case goes, then the encrypted files. Allies lose access on their next request, because their membership is gone.
/// </summary>
[CaseOperationRequired(CaseOperation.Delete)]
public sealed class DeleteModel(
    UserManager<AppUser> users,
    SignInManager<AppUser> signInManager,
    CaseShredder shredder,
    IValidator<DeleteModel.InputModel> validator,
    IStringLocalizer<CasesText> text) : CasePageModel
{
    /// <summary>
    /// The word the owner types to show they mean it: this English word, always accepted, or its translation in the
    /// page's language (<c>Delete.Word</c>), which the page asks for.
    /// </summary>
    public const string ConfirmationWord = "delete";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }

        if (!await PassphraseConfirmedAsync())
        {
            ModelState.AddModelError("Input.Passphrase", text["Delete.WrongPassphrase"]);
            return Page();
        }

        await shredder.ShredAsync(CaseId, CaseShredder.ByOwner, cancellationToken);
        return Redirect("/cases?deleted=1");
    }

    /// <summary>Step-up: the passphrase again, counted towards the same lockout as signing in.</summary>
    private async Task<bool> PassphraseConfirmedAsync()
    {
        var user = await users.FindByIdAsync(User.UserId().ToString());
        return user is not null && (await signInManager.CheckPasswordSignInAsync(user, Input.Passphrase, lockoutOnFailure: true)).Succeeded;
    }

    public sealed class InputModel
    {
        public string Confirmation { get; set; } = "";

        public string Passphrase { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer<CasesText> text)
        {
            RuleFor(x => x.Confirmation).Must(c => IsConfirmation(c, text["Delete.Word"]))
                .WithMessage(_ => text["Delete.TypeWord", text["Delete.Word"].Value]);
            RuleFor(x => x.Passphrase).NotEmpty().WithMessage(_ => text["Delete.PassphraseMissing"])
                .MaximumLength(1024).WithMessage(_ => text["Delete.PassphraseTooLong"]);
        }

        private static bool IsConfirmation(string? typed, string localWord)
        {
            var word = (typed ?? "").Trim();
            return string.Equals(word, ConfirmationWord, StringComparison.OrdinalIgnoreCase)
                || string.Equals(word, localWord, StringComparison.OrdinalIgnoreCase);
        }
    }
}
