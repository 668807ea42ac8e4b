using FluentValidation;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Cases.Incidents;

/// <summary>
/// Change an incident. The version replaced is kept as a revision in the same save; if someone else saved it first,
/// both are shown and what was typed is kept.
/// </summary>
[CaseOperationRequired(CaseOperation.AddEntry)]
public sealed class EditModel(AppDbContext db, AuditTrail audit, IValidator<EditModel.InputModel> validator, TimeProvider clock, ContactReassessment reassessment) : CasePageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Set when someone saved this entry after it was opened here: what is saved now.</summary>
    public IncidentSnapshot? SavedByOthers { get; private set; }

    public Guid IncidentId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.CaseId == CaseId && i.Id == incidentId, cancellationToken);
        if (incident is null)
        {
            return NotFound();
        }

        IncidentId = incident.Id;
        Input.CopyFrom(incident.Snapshot());
        Input.Version = incident.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.SingleOrDefaultAsync(i => i.CaseId == CaseId && i.Id == incidentId, cancellationToken);
        if (incident is null)
        {
            return NotFound();
        }

        IncidentId = incident.Id;
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState);
            return Page();
        }

        if (incident.Version != Input.Version)
        {
            // The very words typed are already what is saved (a retry after an answer that never arrived, or a second
            // press): that save is done, and doing it again would only add an identical version.
            return incident.Holds(Input.ToSnapshot())
                ? Redirect($"/cases/{CaseId}/log/{incident.Id}")
                : await ShowConflictAsync(incident, cancellationToken);
        }

        db.Entry(incident).Property(i => i.Version).OriginalValue = Input.Version;
        var kept = incident.Revise(Input.ToSnapshot(), User.UserId(), clock.GetUtcNow().UtcDateTime);
        db.IncidentRevisions.Add(kept);
        var raised = await reassessment.ApplyAsync(incident, incident.UpdatedBy, incident.UpdatedUtc, cancellationToken);
        await audit.RecordAsync(
            CaseId,
            incident.UpdatedBy,
            AuditActions.IncidentEdited,
            "Incident",
            incident.Id.ToString(),
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"version {incident.Revision}"),
            cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone saved between our read and our write (the version, or the revision number, collided).
            db.ChangeTracker.Clear();
            var now = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.CaseId == CaseId && i.Id == incidentId, cancellationToken);
            return now is null ? NotFound()
                : now.Holds(Input.ToSnapshot()) ? Redirect($"/cases/{CaseId}/log/{incidentId}")
                : await ShowConflictAsync(now, cancellationToken);
        }

        return Redirect($"/cases/{CaseId}/log/{incident.Id}" + (raised is null ? "" : "?reassessed=true"));
    }

    /// <summary>Who saved the version that is in the way, by their display name.</summary>
    public string SavedByName { get; private set; } = "";

    /// <summary>The version in the way was saved by the person editing, in another window.</summary>
    public bool SavedBySelf { get; private set; }

    private async Task<PageResult> ShowConflictAsync(Incident saved, CancellationToken cancellationToken)
    {
        SavedByOthers = saved.Snapshot();
        SavedBySelf = saved.UpdatedBy == User.UserId();
        SavedByName = saved.UpdatedBy == User.UserId()
            ? "you, in another window"
            : (await CaseAudience.LoadAsync(db, Membership, cancellationToken)).NameOf(
                saved.UpdatedBy, await db.Users.Where(u => u.Id == saved.UpdatedBy).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken));
        ModelState.Remove("Input.Version");
        Input.Version = saved.Version;
        return Page();
    }

    public sealed class InputModel : IncidentFields
    {
        public uint Version { get; set; }
    }

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(TimeProvider clock, IStringLocalizer<IncidentsText> text) => Include(new IncidentFieldRules<InputModel>(clock, text));
    }
}
