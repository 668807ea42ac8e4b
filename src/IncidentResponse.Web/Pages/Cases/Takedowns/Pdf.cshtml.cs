using IncidentResponse.Documents.Pdf;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace IncidentResponse.Web.Pages.Cases.Takedowns;

/// <summary>
/// A letter as a PDF: exactly the text of the plain-text download, printed as a letter (a draft marked as one). Never cached. Fair printing: a few at a
/// time per person, and a per-person rate limit (<see cref="FairPrinting"/>).
/// </summary>
[CaseOperationRequired(CaseOperation.View)]
[EnableRateLimiting(RateLimits.LetterPdfs)]
public sealed class PdfModel(TakedownLetters letters, LetterPdf pdf, FairPrinting fairPrinting) : CasePageModel
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

        using var slot = fairPrinting.TryStart(User.UserId(), PrintKind.LetterPdf);
        if (slot is null)
        {
            return FairPrinting.StillPrinting(HttpContext);
        }

        using var buffer = new MemoryStream();
        try
        {
            await pdf.WriteAsync(letter.Request.Kind, letter.Text, isDraft: letter.Request.FinalText is null, buffer, cancellationToken);
        }
        catch (PdfRendererUnavailableException)
        {
            return Page();
        }

        return File(buffer.ToArray(), "application/pdf", "takedown-letter.pdf");
    }
}
