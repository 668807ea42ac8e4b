using FluentValidation;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Cases.Takedowns.Sightings;

/// <summary>One place the content was found: its takedown story so far, and the next step, dated and attributed.</summary>
[CaseOperationRequired(CaseOperation.View)]
public sealed class SightingModel(
    AppDbContext db,
    AuditTrail audit,
    IValidator<SightingModel.InputModel> validator,
    TimeProvider clock,
    IStringLocalizer<SightingsText> text) : CasePageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Sighting Current { get; private set; } = null!;

    public string? IncidentTitle { get; private set; }

    public IReadOnlyList<Change> Changes { get; private set; } = [];

    /// <summary>The server's re-checks of this place (issue 24), newest first: shown beside the changes, deciding none.</summary>
    public IReadOnlyList<PlaceCheckRecord> Checks { get; private set; } = [];

    /// <summary>The newest re-check, when it found the page gone and the place is not yet marked removed: the question to ask.</summary>
    public PlaceCheckRecord? GoneQuestion => Checks.Count > 0 && Checks[0] is { LooksGone: true } check
        && Current.Status is SightingStatus.Reported or SightingStatus.RemovalRequested && check.CheckedUtc >= Current.LastCheckedUtc ? check : null;

    public bool Conflict { get; private set; }

    public bool CanChange => Membership.Can(CaseOperation.AddEntry);

    public async Task<IActionResult> OnGetAsync(Guid sightingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(sightingId, cancellationToken))
        {
            return NotFound();
        }

        Input.Version = Current.Version;
        return Page();
    }

    [CaseOperationRequired(CaseOperation.AddEntry)]
    public async Task<IActionResult> OnPostAsync(Guid sightingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(sightingId, cancellationToken))
        {
            return NotFound();
        }

        if (Current.Version != Input.Version)
        {
            return ShowConflict();
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (validation.IsValid && (Input.Status is not { } to || !SightingStatusRules.CanMove(Current.Status, to)))
        {
            ModelState.AddModelError("Input.Status", text["Sighting.StepNotListed"]);
            return Page();
        }

        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }

        var sighting = await db.Sightings.SingleAsync(s => s.CaseId == CaseId && s.Id == sightingId, cancellationToken);
        db.Entry(sighting).Property(s => s.Version).OriginalValue = Input.Version;
        var change = sighting.ChangeStatus(Input.Status!.Value, Input.Note, User.UserId(), clock.GetUtcNow().UtcDateTime)!;
        db.SightingStatusChanges.Add(change);
        await audit.RecordAsync(CaseId, change.ChangedBy, AuditActions.SightingStatusChanged, "Sighting", sighting.Id.ToString(), $"{change.From} -> {change.To}", cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(sightingId, cancellationToken);
            return ShowConflict();
        }

        return Redirect($"/cases/{CaseId}/sightings/{sighting.Id}");
    }

    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult ShowConflict()
    {
        Conflict = true;
        ModelState.Remove("Input.Version");
        ModelState.Remove("Input.Status");
        Input.Version = Current.Version;
        Input.Status = null;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid sightingId, CancellationToken cancellationToken)
    {
        var found = await db.Sightings.AsNoTracking()
            .Where(s => s.CaseId == CaseId && s.Id == sightingId)
            .Select(s => new { Sighting = s, Kind = db.Incidents.Where(i => i.Id == s.IncidentId).Select(i => (IncidentKind?)i.Kind).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return false;
        }

        Current = found.Sighting;
        IncidentTitle = found.Kind is { } kind ? text.KindName(kind) : null;
        var audience = await CaseAudience.LoadAsync(db, Membership, cancellationToken);
        var changes = await db.SightingStatusChanges.AsNoTracking()
            .Where(c => c.CaseId == CaseId && c.SightingId == sightingId)
            .OrderByDescending(c => c.ChangedUtc).ThenByDescending(c => c.Id)
            .Select(c => new { c.From, c.To, c.ChangedUtc, c.ChangedBy, By = db.Users.Where(u => u.Id == c.ChangedBy).Select(u => u.UserName).FirstOrDefault(), c.Note })
            .ToListAsync(cancellationToken);
        Changes = changes.Select(c => new Change(c.From, c.To, c.ChangedUtc, audience.NameOf(c.ChangedBy, c.By), c.Note)).ToList();
        Checks = await db.PlaceChecks.AsNoTracking()
            .Where(c => c.CaseId == CaseId && c.SightingId == sightingId)
            .OrderByDescending(c => c.CheckedUtc).ThenByDescending(c => c.Id)
            .Take(30)
            .ToListAsync(cancellationToken);
        return true;
    }

    public sealed record Change(SightingStatus From, SightingStatus To, DateTime ChangedUtc, string By, string Note);

    public sealed class InputModel
    {
        public SightingStatus? Status { get; set; }

        public string? Note { get; set; }

        public uint Version { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(IStringLocalizer<SightingsText> text)
        {
            RuleFor(x => x.Status).NotNull().WithMessage(_ => text["Sighting.StatusMissing"]).IsInEnum();
            RuleFor(x => x.Note).MaximumLength(SightingStatusChange.NoteMaxLength)
                .WithMessage(_ => text["Sighting.NoteTooLong", SightingStatusChange.NoteMaxLength]);
        }
    }
}
