using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Cases;

namespace IncidentResponse.Web.Pages.Cases.Safety;

[CaseOperationRequired(CaseOperation.View)]
public sealed class SafetyFirstModel(CasePlanLoader plans) : CasePageModel
{
    public CasePlan Plan { get; private set; } = null!;

    /// <summary>Words only only because an age question is unanswered (no "Yes" or "Not sure"): the page asks them.</summary>
    public bool AskAgeQuestions => AgeQuestions.NeedAsking(Plan.UnderEighteenRoute, Plan.UnderEighteenNow, Plan.MadeUnderEighteen);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Plan = await plans.LoadAsync(Membership, cancellationToken);
}
