using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Web.Cases;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Incidents;

/// <summary>
/// Keeps the threat assessment up with the contacts logged: when an entry's contact details show something the latest
/// answers did not say (a demand, a deadline, a threat, a minor involved), a new assessment is completed with those
/// answers raised (<see cref="ContactFindings"/>), so the history keeps each one with its date and reasons. It joins the
/// caller's unit of work: the entry and the new assessment are saved together or not at all.
/// </summary>
public sealed class ContactReassessment(AppDbContext db, AuditTrail audit)
{
    /// <summary>
    /// Adds the raised assessment to the unit of work when <paramref name="incident"/>'s contact adds anything to the latest
    /// completed one; returns it, or null when there is nothing to add or no assessment yet (the questions come first).
    /// </summary>
    public async Task<ThreatAssessment?> ApplyAsync(Incident incident, Guid by, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.Contact is not { } contact)
        {
            return null;
        }

        var latest = await db.ThreatAssessments.AsNoTracking()
            .Where(a => a.CaseId == incident.CaseId && a.CompletedUtc != null)
            .OrderByDescending(a => a.CompletedUtc)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return null;
        }

        var minor = await db.IsWordsOnlyAsync(incident.CaseId, cancellationToken);
        var (answers, added) = ContactFindings.Raise(latest.Answers, contact, minor);
        if (added.Count == 0)
        {
            return null;
        }

        // The answers stay the person's own: whoever logged the contact, the assessment is theirs, as the one it follows.
        // It always comes after that one, even within the same millisecond (PostgreSQL keeps microseconds), so "the latest"
        // is never in doubt.
        var after = latest.CompletedUtc!.Value.AddMilliseconds(1);
        var at = nowUtc > after ? nowUtc : after;
        var raised = new ThreatAssessment
        {
            Id = Guid.NewGuid(),
            CaseId = incident.CaseId,
            TakenByUserId = latest.TakenByUserId,
            StartedUtc = at,
            FromIncidentId = incident.Id,
        };
        raised.SetAnswers(answers, at);
        var result = raised.Complete(at);
        if (result.IsDraft)
        {
            return null;
        }

        db.ThreatAssessments.Add(raised);
        await audit.RecordAsync(incident.CaseId, by, AuditActions.AssessmentCompleted, "ThreatAssessment", raised.Id.ToString(), result.Level.ToString() ?? "", cancellationToken);
        return raised;
    }
}
