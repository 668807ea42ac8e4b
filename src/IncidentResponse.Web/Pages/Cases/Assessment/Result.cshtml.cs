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
        return Page();
    }
}
