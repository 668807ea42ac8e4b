using FluentValidation;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Pages.Cases.Safety;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Cases.Plan;

/// <summary>
/// One step of the plan on its own screen: why and how, its status, and the owner's note. The note is the owner's alone
/// unless they tick "let the people helping me see this note": an ally never receives an unshared note, and an ally who
/// may change the step changes only its status then (their post cannot touch the hidden note).
/// </summary>
[CaseOperationRequired(CaseOperation.View)]
public sealed class StepModel(
    AppDbContext db,
    CasePlanLoader plans,
    CaseLinks caseLinks,
    AuditTrail audit,
    IValidator<StepModel.InputModel> validator,
    TimeProvider clock) : CasePageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CasePlan.Entry Entry { get; private set; } = null!;

    /// <summary>The sourced facts this step's text names (helplines, legal remedies), each shown with its check date and source.</summary>
    public IReadOnlyList<(string Label, ISourcedFact Fact)> Facts { get; private set; } = [];

    public bool Conflict { get; private set; }

    /// <summary>Where this step is done in the app, when this person may open that page; otherwise null.</summary>
    public string? PartLink { get; private set; }

    public string SavedNote { get; private set; } = "";

    /// <summary>Whether the note is on this page for this person: always for the owner, for an ally only when shared.</summary>
    public bool NoteVisible => Membership.IsOwner || Entry.NoteShared;

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        Input = new InputModel
        {
            Status = Entry.Status,
            Note = NoteVisible ? Entry.Note : null,
            NoteShared = Entry.NoteShared,
            Version = Entry.Version,
        };
        return Page();
    }

    [CaseOperationRequired(CaseOperation.AddEntry)]
    public async Task<IActionResult> OnPostAsync(int number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }

        var state = await db.SafetyPlanSteps.SingleOrDefaultAsync(s => s.CaseId == CaseId && s.StepKey == Entry.Item.Key, cancellationToken);
        if ((state?.Version ?? 0) != Input.Version)
        {
            return ShowConflict(state);
        }

        if (state is null)
        {
            state = new SafetyPlanStepState { CaseId = CaseId, StepKey = Entry.Item.Key };
            db.SafetyPlanSteps.Add(state);
        }
        else
        {
            db.Entry(state).Property(s => s.Version).OriginalValue = Input.Version;
        }

        state.Status = Input.Status;
        if (Membership.IsOwner)
        {
            state.Note = Input.Note?.Trim() ?? "";
            state.NoteShared = Input.NoteShared;
        }
        else if (state.NoteShared)
        {
            // A note the owner shared may be changed by an ally who may edit the plan; an unshared one is left as it is.
            state.Note = Input.Note?.Trim() ?? "";
        }

        state.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        state.UpdatedByUserId = User.UserId();
        await audit.RecordAsync(CaseId, state.UpdatedByUserId, AuditActions.PlanStepUpdated, "SafetyPlanStep", number.ToString(System.Globalization.CultureInfo.InvariantCulture), state.Status.ToString(), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone saved this step between our read and our write: show both, keep what was typed.
            db.ChangeTracker.Clear();
            return ShowConflict(await db.SafetyPlanSteps.AsNoTracking()
                .SingleOrDefaultAsync(s => s.CaseId == CaseId && s.StepKey == Entry.Item.Key, cancellationToken));
        }

        return Redirect($"/cases/{CaseId}/plan");
    }

    /// <summary>Shows what is saved now beside what was typed; saving again (with the new version) keeps the typed one.</summary>
    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult ShowConflict(SafetyPlanStepState? saved)
    {
        Conflict = true;
        SavedNote = Membership.IsOwner || saved?.NoteShared == true ? saved?.Note ?? "" : "";
        ModelState.Remove("Input.Version");
        Input.Version = saved?.Version ?? 0;
        if (!Membership.IsOwner)
        {
            // Whether the note is shown follows what is saved now; an ally never gets back a note that is not shared.
            Entry = Entry with { NoteShared = saved?.NoteShared == true };
            if (!NoteVisible)
            {
                Input.Note = null;
            }
            else if (!Request.Form.ContainsKey("Input.Note"))
            {
                // Their form had no note (it was not shared then): start from the note as saved, so saving again keeps it.
                Input.Note = saved?.Note;
            }
        }

        return Page();
    }

    private async Task<bool> LoadAsync(int number, CancellationToken cancellationToken)
    {
        var key = CasePlan.KeyOf(number);
        var plan = await plans.LoadAsync(Membership, cancellationToken);
        var entry = plan.Entries.FirstOrDefault(e => e.Item.Key == key);
        if (entry is null)
        {
            return false;
        }

        Entry = entry;
        PartLink = CasePlan.PageFor(entry.Item.Step.LinkTarget) is { } page ? (await caseLinks.ForAsync(Membership)).To(page) : null;
        Facts = SafetyText.FactsIn(SafetyStepCatalog.Get(entry.Item.Key).Body, plan.Pack);
        return true;
    }

    public sealed class InputModel
    {
        public SafetyStepStatus Status { get; set; }

        public string? Note { get; set; }

        /// <summary>The owner's tick: the people helping may see this note. Ignored in an ally's post.</summary>
        public bool NoteShared { get; set; }

        public uint Version { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer<SafetyPagesText> text)
        {
            RuleFor(x => x.Status).IsInEnum().WithMessage(_ => text["Step.StatusRequired"]);
            RuleFor(x => x.Note).MaximumLength(SafetyPlanStepState.NoteMaxLength)
                .WithMessage(_ => text["Step.NoteTooLong", SafetyPlanStepState.NoteMaxLength]);
        }
    }
}
