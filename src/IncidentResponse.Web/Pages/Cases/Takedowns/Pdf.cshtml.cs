using IncidentResponse.Documents.Pdf;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Takedowns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Takedowns;

/// <summary>A letter as a PDF: exactly the text of the plain-text download, printed. Never cached.</summary>
public sealed class PdfModel(AppDbContext db, TakedownLetters letters, LetterPdf pdf) : CasePageModel
{
    public Guid RequestId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var request = await db.TakedownRequests.AsNoTracking().Include(r => r.Sightings)
            .SingleOrDefaultAsync(r => r.CaseId == CaseId && r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }

        RequestId = request.Id;
        Response.Headers.CacheControl = "no-store";
        if (!pdf.IsAvailable)
        {
            return Page();
        }

        var text = request.FinalText ?? (await letters.ComposeAsync(request, cancellationToken)).Text;
        using var buffer = new MemoryStream();
        try
        {
            await pdf.WriteAsync(request.Kind, text, buffer, cancellationToken);
        }
        catch (PdfRendererUnavailableException)
        {
            return Page();
        }

        return File(buffer.ToArray(), "application/pdf", "takedown-letter.pdf");
    }
}
