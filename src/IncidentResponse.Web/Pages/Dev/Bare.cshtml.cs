using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Dev;

/// <summary>
/// The load benchmark's baseline: a signed-in Razor page with no layout that runs one query (one of the dashboard's
/// counts, limited to a case you are a member of). It exists only in the Development and Benchmark environments;
/// everywhere else, Production included, it answers 404 as an unknown address would.
/// </summary>
public sealed class BareModel(AppDbContext db, IHostEnvironment environment) : PageModel
{
    public int Count { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() && !environment.IsEnvironment("Benchmark"))
        {
            return NotFound();
        }

        var me = User.UserId();
        Count = await db.Incidents.CountAsync(
            i => i.CaseId == id && db.CaseMembers.Any(m => m.CaseId == id && m.UserId == me), cancellationToken);
        return Page();
    }
}
