using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Safety;

namespace IncidentResponse.Web.Pages.Cases;

[CaseOperationRequired(CaseOperation.View)]
public sealed class SafetyFirstModel(CasePlanLoader plans) : CasePageModel
{
    public CasePlan Plan { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Plan = await plans.LoadAsync(CaseId, cancellationToken);
}
