using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Pages.Cases.Takedowns;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Export;

/// <summary>
/// A whole case, read once for a document made of it (the binder, the export's <c>case.json</c>): each list is that
/// of the person asking (the database's filters leave out what they may not see), in print order, with the letters
/// withheld from them (ADR 0008) left out along with their places and answers.
/// </summary>
public sealed record CaseRecords(
    Case Case,
    IReadOnlyList<ThreatAssessment> Assessments,
    IReadOnlyList<Incident> Incidents,
    IReadOnlyList<Sighting> Sightings,
    IReadOnlyList<SightingStatusChange> StatusChanges,
    IReadOnlyList<TakedownRequest> Requests,
    IReadOnlyList<TakedownRequestSighting> RequestSightings,
    IReadOnlyList<TakedownResponse> Responses,
    IReadOnlySet<Guid> WithheldLetters,
    IReadOnlyList<EvidenceItem> Evidence,
    IReadOnlyList<AuditEventRecord> AuditEvents,
    AuditHead? AuditHead)
{
    /// <summary>The latest completed risk assessment, or null.</summary>
    public ThreatAssessment? LatestCompletedAssessment =>
        Assessments.Where(a => a.CompletedUtc != null).OrderByDescending(a => a.CompletedUtc).FirstOrDefault();

    /// <summary>The head the history ended at when it was read, for the binder's verification appendix.</summary>
    public AuditChainHead? LatestEvent => AuditEvents.Count == 0 ? null : new AuditChainHead(AuditEvents[^1].Sequence, AuditEvents[^1].Hash);
}

/// <summary>
/// The one reader of a whole case, shared by the evidence binder and "Download everything", so both documents are made
/// from the same lists read the same way: a fixed number of queries whatever the size of the case (a couple more for
/// an ally), every row untracked.
/// </summary>
public sealed class CaseReader(AppDbContext db)
{
    /// <summary>Everything both documents print: the case, its assessments, incidents, sightings, letters, evidence and history.</summary>
    public async Task<CaseRecords> ReadAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var theCase = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId, cancellationToken);
        var assessments = await db.ThreatAssessments.AsNoTracking().Where(a => a.CaseId == caseId).ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.CaseId == caseId)
            .OrderBy(i => i.OccurredSortUtc).ThenBy(i => i.CreatedUtc)
            .ToListAsync(cancellationToken);
        var sightings = await db.Sightings.AsNoTracking().Where(s => s.CaseId == caseId)
            .OrderBy(s => s.FirstSeenUtc).ThenBy(s => s.Url)
            .ToListAsync(cancellationToken);
        var changes = await db.SightingStatusChanges.AsNoTracking().Where(c => c.CaseId == caseId)
            .OrderBy(c => c.ChangedUtc)
            .ToListAsync(cancellationToken);
        var requests = await db.TakedownRequests.AsNoTracking().Where(r => r.CaseId == caseId)
            .OrderBy(r => r.CreatedUtc)
            .ToListAsync(cancellationToken);
        var requestSightings = await db.TakedownRequestSightings.AsNoTracking()
            .Where(rs => db.TakedownRequests.Any(r => r.Id == rs.RequestId && r.CaseId == caseId))
            .ToListAsync(cancellationToken);
        var responses = await db.TakedownResponses.AsNoTracking().Where(a => a.CaseId == caseId)
            .OrderBy(a => a.ReceivedOn).ThenBy(a => a.RecordedUtc)
            .ToListAsync(cancellationToken);

        // A letter withheld from this ally (ADR 0008) is left out with its places and answers, like a private entry.
        var withheld = await WithheldLetters.IdsAsync(db, caseId, cancellationToken);
        requests.RemoveAll(r => withheld.Contains(r.Id));
        requestSightings.RemoveAll(rs => withheld.Contains(rs.RequestId));
        responses.RemoveAll(a => withheld.Contains(a.RequestId));
        var items = await EvidenceInOrder(caseId).ToListAsync(cancellationToken);
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.CaseId == caseId)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        var head = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(h => h.CaseId == caseId, cancellationToken);
        return new CaseRecords(theCase, assessments, incidents, sightings, changes, requests, requestSightings, responses, withheld, items, events, head);
    }

    /// <summary>The case's evidence in exhibit order: the order it was received.</summary>
    public IQueryable<EvidenceItem> EvidenceInOrder(Guid caseId) =>
        db.EvidenceItems.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.ReceivedUtc).ThenBy(e => e.Id);

    /// <summary>The usernames of <paramref name="userIds"/>, by id (an account that is gone is not there).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> UserNamesAsync(IEnumerable<Guid> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName })
            .ToDictionaryAsync(u => u.Id, u => u.UserName ?? "", cancellationToken);
    }

    /// <summary>The case's members with their usernames.</summary>
    public async Task<IReadOnlyList<(CaseMember Member, string UserName)>> MembersAsync(Guid caseId, CancellationToken cancellationToken) =>
        (await db.CaseMembers.AsNoTracking().Where(m => m.CaseId == caseId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { Member = m, u.UserName })
            .ToListAsync(cancellationToken))
        .Select(x => (x.Member, x.UserName ?? ""))
        .ToList();

    public async Task<IReadOnlyList<SafetyPlanStepState>> PlanStepsAsync(Guid caseId, CancellationToken cancellationToken) =>
        await db.SafetyPlanSteps.AsNoTracking().Where(s => s.CaseId == caseId).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<IncidentRevision>> IncidentRevisionsAsync(Guid caseId, CancellationToken cancellationToken) =>
        await db.IncidentRevisions.AsNoTracking().Where(r => r.CaseId == caseId).ToListAsync(cancellationToken);

    /// <summary>The ids of the case's private items, for someone who may not see them (none for someone who may).</summary>
    public async Task<IReadOnlySet<string>> HiddenItemIdsAsync(Guid caseId, CancellationToken cancellationToken) =>
        db.ShowPrivateItems ? new HashSet<string>() : await PrivateItems.IdsAsync(db, caseId, cancellationToken);
}
