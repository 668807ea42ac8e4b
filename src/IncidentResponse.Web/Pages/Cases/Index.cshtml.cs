using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Cases;

public sealed class IndexModel(AppDbContext db, IStringLocalizer<CasesText> text) : PageModel
{
    public IReadOnlyList<CaseListItem> Cases { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var rows = await db.CaseMembers.AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderByDescending(m => m.Case!.CreatedUtc)
            .Select(m => new { m.CaseId, m.Case!.Title, m.Case.CreatedUtc, m.Role })
            .ToListAsync(cancellationToken);
        Cases = rows.Select(r => new CaseListItem(r.CaseId, r.Title, r.CreatedUtc, text[$"Index.Role.{r.Role}"])).ToList();
    }

    public sealed record CaseListItem(Guid Id, string Title, DateTime CreatedUtc, string RoleText);
}
