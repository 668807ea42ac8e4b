using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Safety;

namespace IncidentResponse.Web.Pages.Cases;

[CaseOperationRequired(CaseOperation.View)]
public sealed class SafetyFirstModel(CasePlanLoader plans) : CasePageModel
{
    public CasePlan Plan { get; private set; } = null!;

    /// <summary>Words only only because an age question is unanswered (no "Yes" or "Not sure"): the page asks them.</summary>
    public bool AskAgeQuestions => AgeQuestions.NeedAsking(Plan.UnderEighteenRoute, Plan.UnderEighteenNow, Plan.MadeUnderEighteen);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Plan = await plans.LoadAsync(Membership, cancellationToken);
}
