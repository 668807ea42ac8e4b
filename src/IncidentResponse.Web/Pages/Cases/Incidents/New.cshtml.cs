using FluentValidation;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Cases.Incidents;

/// <summary>Add an incident to the log. Anything refused comes back with what was typed and a note by the field.</summary>
[CaseOperationRequired(CaseOperation.AddEntry)]
[ShownAgainWhenDatabaseUnavailable]
public sealed class NewModel(AppDbContext db, AuditTrail audit, SubmissionGuard submissions, IValidator<NewModel.InputModel> validator, TimeProvider clock, LocalTimes times, ContactReassessment reassessment) : CasePageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>This form's key: posting it twice adds one entry (see <see cref="SubmissionGuard"/>).</summary>
    [BindProperty]
    public Guid SubmissionId { get; set; }

    /// <param name="kind">The kind to start with, from a link such as "Log a message or demand from them".</param>
    public IActionResult OnGet(IncidentKind? kind)
    {
        SubmissionId = SubmissionGuard.NewKey();
        Input.Kind = kind is { } chosen && Enum.IsDefined(chosen) ? chosen : null;

        // A time is most often in the person's own time zone, chosen once for their account; they change it here for this entry.
        Input.TimeZone = times.Zone?.Id;
        return Page();
    }

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

        var incident = Incident.Add(CaseId, Input.ToSnapshot(), User.UserId(), clock.GetUtcNow().UtcDateTime);
        db.Incidents.Add(incident);
        await audit.RecordAsync(CaseId, incident.CreatedBy, AuditActions.IncidentAdded, "Incident", incident.Id.ToString(), cancellationToken: cancellationToken);
        var raised = await reassessment.ApplyAsync(incident, incident.CreatedBy, incident.CreatedUtc, cancellationToken);

        // The entry's page says it was added and offers what it needs next as its one primary button (and says when the
        // contact changed the plan's order).
        var location = $"/cases/{CaseId}/log/{incident.Id}?added=true" + (raised is null ? "" : "&reassessed=true");
        submissions.Record(SubmissionId, CaseId, location);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(location);
    }

    public sealed class InputModel : IncidentFields;

    public sealed class InputValidator : AbstractValidator<InputModel>
    {
        public InputValidator(TimeProvider clock, IStringLocalizer<IncidentsText> text) => Include(new IncidentFieldRules<InputModel>(clock, text));
    }
}
