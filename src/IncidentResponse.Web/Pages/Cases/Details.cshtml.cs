using FluentValidation;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Cases;

/// <summary>The case's name, country and the answers the plan adapts to. Switching country keeps everything else.</summary>
[CaseOperationRequired(CaseOperation.Rename)]
public sealed class DetailsModel(
    AppDbContext db,
    JurisdictionCatalog jurisdictions,
    DigitalServicesCoordinators coordinators,
    AuditTrail audit,
    IValidator<DetailsModel.InputModel> validator,
    TimeProvider clock,
    IStringLocalizer<CasesText> text) : CasePageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Countries => CountryList.For(jurisdictions, coordinators, text);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == CaseId, cancellationToken);
        Input = new InputModel
        {
            Title = found.Title,
            JurisdictionCode = found.JurisdictionCode,
            Perpetrator = found.Perpetrator,
            ThreatsReceived = found.ThreatsReceived,
            LegalAction = found.LegalAction,
            Version = found.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }

        var found = await db.Cases.SingleAsync(c => c.Id == CaseId, cancellationToken);
        db.Entry(found).Property(c => c.Version).OriginalValue = Input.Version;
        found.Title = Input.Title.Trim();
        found.JurisdictionCode = CountryList.CodeToStore(jurisdictions, Input.JurisdictionCode);
        found.Perpetrator = Input.Perpetrator;
        found.ThreatsReceived = Input.ThreatsReceived;
        found.LegalAction = Input.LegalAction;
        found.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await audit.RecordAsync(CaseId, User.UserId(), AuditActions.CaseDetailsChanged, "Case", CaseId.ToString(), cancellationToken: cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("Input.Title", text["Details.Conflict"]);
            db.ChangeTracker.Clear();
            ModelState.Remove("Input.Version");
            Input.Version = await db.Cases.Where(c => c.Id == CaseId).Select(c => c.Version).SingleAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/cases/{CaseId}/plan");
    }

    public sealed class InputModel
    {
        public string Title { get; set; } = "";

        public string JurisdictionCode { get; set; } = JurisdictionCatalog.FallbackCode;

        public PerpetratorKnown? Perpetrator { get; set; }

        public bool? ThreatsReceived { get; set; }

        public LegalActionIntent? LegalAction { get; set; }

        public uint Version { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(JurisdictionCatalog jurisdictions, IStringLocalizer<CasesText> text)
        {
            Include(new CaseRules<InputModel>(x => x.Title, x => x.JurisdictionCode, jurisdictions, text));
            RuleFor(x => x.Perpetrator).IsInEnum();
            RuleFor(x => x.LegalAction).IsInEnum();
        }
    }
}
