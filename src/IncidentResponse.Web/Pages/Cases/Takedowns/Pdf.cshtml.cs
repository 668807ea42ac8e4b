using IncidentResponse.Documents.Pdf;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Takedowns;
using Microsoft.AspNetCore.Mvc;

namespace IncidentResponse.Web.Pages.Cases.Takedowns;

/// <summary>A letter as a PDF: exactly the text of the plain-text download, printed. Never cached.</summary>
[CaseOperationRequired(CaseOperation.View)]
public sealed class PdfModel(TakedownLetters letters, LetterPdf pdf) : CasePageModel
{
    public Guid RequestId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid requestId, CancellationToken cancellationToken)
    {
        if (await letters.DownloadTextAsync(CaseId, requestId, cancellationToken) is not { } letter)
        {
            return NotFound();
        }

        RequestId = letter.Request.Id;
        Response.Headers.CacheControl = "no-store";
        if (!pdf.IsAvailable)
        {
            return Page();
        }

        using var buffer = new MemoryStream();
        try
        {
            await pdf.WriteAsync(letter.Request.Kind, letter.Text, buffer, cancellationToken);
        }
        catch (PdfRendererUnavailableException)
        {
            return Page();
        }

        return File(buffer.ToArray(), "application/pdf", "takedown-letter.pdf");
    }
}
