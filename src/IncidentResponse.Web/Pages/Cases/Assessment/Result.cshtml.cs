using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Pages.Cases.Safety;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Assessment;

/// <summary>
/// One completed assessment: its level, the reasons, and (for the latest) what comes first in the plan. The owner's, and an
/// ally's only when the owner shares the risk assessment with them (ADR 0014); an ally reads the answers in the third person.
/// </summary>
[CaseOperationRequired(CaseOperation.ViewRiskAssessment)]
public sealed class ResultModel(AppDbContext db, CasePlanLoader plans) : CasePageModel
{
    public ThreatResult Result { get; private set; } = null!;

    public DateTime CompletedUtc { get; private set; }

    public bool IsLatest { get; private set; }

    public CasePlan Plan { get; private set; } = null!;

    /// <summary>
    /// Crisis lines first, for the person who said they have had thoughts of harming themselves, and only for them:
    /// an ally reading the result is not told of that answer.
    /// </summary>
    public bool ShowCrisisLines { get; private set; }

    /// <summary>For answers a logged contact raised: the level before, and the reasons it added. Null otherwise.</summary>
    public ContactChange? Change { get; private set; }

    public sealed record ContactChange(ThreatLevel? Before, IReadOnlyList<ThreatReason> Added, Guid? EntryId, DateTime? EntryOn);

    public async Task<IActionResult> OnGetAsync(Guid assessmentId, CancellationToken cancellationToken)
    {
        // Loaded through the case already authorized: an assessment id from another case is simply not found.
        var assessment = await db.ThreatAssessments.AsNoTracking()
            .SingleOrDefaultAsync(a => a.CaseId == CaseId && a.Id == assessmentId && a.CompletedUtc != null, cancellationToken);
        if (assessment?.Result is not { } result)
        {
            return NotFound();
        }

        Result = result;
        CompletedUtc = assessment.CompletedUtc!.Value;
        ShowCrisisLines = result.Has(ThreatSignals.SelfHarm) && assessment.TakenByUserId == User.UserId();
        Plan = await plans.LoadAsync(Membership, cancellationToken);
        IsLatest = Plan.LatestAssessment?.Id == assessment.Id;
        if (assessment.FromIncidentId is { } entryId)
        {
            Change = await ChangeAsync(assessment, result, entryId, cancellationToken);
        }

        return Page();
    }

    /// <summary>What a contact changed: the answers before it (the assessment it followed) against these.</summary>
    private async Task<ContactChange> ChangeAsync(ThreatAssessment assessment, ThreatResult result, Guid entryId, CancellationToken cancellationToken)
    {
        var before = await db.ThreatAssessments.AsNoTracking()
            .Where(a => a.CaseId == CaseId && a.CompletedUtc != null && a.CompletedUtc < assessment.CompletedUtc)
            .OrderByDescending(a => a.CompletedUtc)
            .FirstOrDefaultAsync(cancellationToken);
        var earlier = before?.Result;
        var known = (earlier?.Reasons ?? []).Select(r => (r.Key, r.NotSure)).ToHashSet();

        // The entry, when this reader may see it (an entry its owner keeps private is not found for an ally).
        var entry = await db.Incidents.AsNoTracking()
            .Where(i => i.CaseId == CaseId && i.Id == entryId)
            .Select(i => new { i.Id, i.CreatedUtc })
            .SingleOrDefaultAsync(cancellationToken);
        return new ContactChange(earlier?.Level, result.Reasons.Where(r => !known.Contains((r.Key, r.NotSure))).ToList(), entry?.Id, entry?.CreatedUtc);
    }
}
