using System.Text;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Takedowns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Takedowns;

/// <summary>A letter as a plain-text file: exactly as finalised, or the draft as it reads now. Never cached.</summary>
public sealed class TextModel(AppDbContext db, TakedownLetters letters) : CasePageModel
{
    public async Task<IActionResult> OnGetAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var request = await db.TakedownRequests.AsNoTracking().Include(r => r.Sightings)
            .SingleOrDefaultAsync(r => r.CaseId == CaseId && r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        var text = request.FinalText ?? (await letters.ComposeAsync(request, cancellationToken)).Text;
        Response.Headers.CacheControl = "no-store";
        return File(new UTF8Encoding(false).GetBytes(text), "text/plain; charset=utf-8", "takedown-letter.txt");
    }
}
