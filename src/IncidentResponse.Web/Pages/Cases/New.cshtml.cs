using FluentValidation;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IncidentResponse.Web.Pages.Cases;

public sealed class NewModel(AppDbContext db, IValidator<NewModel.InputModel> validator, TimeProvider clock) : PageModel
{
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

        var opened = Case.Open(Input.Title, User.UserId(), clock.GetUtcNow().UtcDateTime);
        db.Cases.Add(opened);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/cases/{opened.Id}");
    }

    public sealed class InputModel
    {
        public string Title { get; set; } = "";
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator()
        {
            RuleFor(x => x.Title).Cascade(CascadeMode.Stop)
                .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Please give your case a name. Anything neutral will do.")
                .Must(t => t.Trim().Length <= Case.TitleMaxLength).WithMessage($"Please keep the name to {Case.TitleMaxLength} characters or fewer.")
                .Must(t => !t.Any(char.IsControl)).WithMessage("Please use ordinary letters, numbers and punctuation in the name.");
        }
    }
}
