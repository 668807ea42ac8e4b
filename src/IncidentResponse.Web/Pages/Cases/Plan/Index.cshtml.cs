using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Pages.Cases.Safety;

namespace IncidentResponse.Web.Pages.Cases.Plan;

[CaseOperationRequired(CaseOperation.View)]
public sealed class IndexModel(CasePlanLoader plans, CaseLinks links) : CasePageModel
{
    public CasePlan Plan { get; private set; } = null!;

    /// <summary>The safety questions, for the one person who answers them (the owner); null for anyone else.</summary>
    public string? AssessmentLink { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Plan = await plans.LoadAsync(Membership, cancellationToken);
        AssessmentLink = (await links.ForAsync(Membership)).To("/Cases/Assessment/Index");
    }
}
