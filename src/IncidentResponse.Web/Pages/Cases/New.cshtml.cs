using FluentValidation;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Cases;

[ShownAgainWhenDatabaseUnavailable]
public sealed class NewModel(
    AppDbContext db,
    JurisdictionCatalog jurisdictions,
    DigitalServicesCoordinators coordinators,
    AuditTrail audit,
    SubmissionGuard submissions,
    IValidator<NewModel.InputModel> validator,
    TimeProvider clock,
    IStringLocalizer<CasesText> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Countries => CountryList.For(jurisdictions, coordinators, text);

    /// <summary>This form's key: posting it twice opens one case (see <see cref="SubmissionGuard"/>).</summary>
    [BindProperty]
    public Guid SubmissionId { get; set; }

    public void OnGet() => SubmissionId = SubmissionGuard.NewKey();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await submissions.AlreadyDoneAsync(SubmissionId, cancellationToken) is { } done)
        {
            return Redirect(done);
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }

        var opened = Case.Open(Input.Title, User.UserId(), clock.GetUtcNow().UtcDateTime, CountryList.CodeToStore(jurisdictions, Input.JurisdictionCode));
        opened.UnderEighteenNow = Input.UnderEighteenNow;
        opened.MadeUnderEighteen = Input.MadeUnderEighteen;
        db.Cases.Add(opened);
        await audit.RecordAsync(opened.Id, User.UserId(), AuditActions.CaseOpened, "Case", opened.Id.ToString(), cancellationToken: cancellationToken);
        var location = $"/cases/{opened.Id}/safety";
        submissions.Record(SubmissionId, opened.Id, location);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(location);
    }

    public sealed class InputModel
    {
        public string Title { get; set; } = "";

        public string JurisdictionCode { get; set; } = JurisdictionCatalog.FallbackCode;

        /// <summary>"Are you under 18?", optional here (asked again where it matters).</summary>
        public AgeAnswer? UnderEighteenNow { get; set; }

        /// <summary>"Were any of the images made when someone in them was under 18?", optional here.</summary>
        public AgeAnswer? MadeUnderEighteen { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(JurisdictionCatalog jurisdictions, IStringLocalizer<CasesText> text)
        {
            Include(new CaseRules<InputModel>(x => x.Title, x => x.JurisdictionCode, jurisdictions, text));
        }
    }
}
