using System.Text;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Cases;
using Microsoft.AspNetCore.Mvc;

namespace IncidentResponse.Web.Pages.Cases.Takedowns;

/// <summary>A letter as a plain-text file: exactly as finalised, or the draft as it reads now. Never cached.</summary>
[CaseOperationRequired(CaseOperation.View)]
public sealed class TextModel(TakedownLetters letters) : CasePageModel
{
    public async Task<IActionResult> OnGetAsync(Guid requestId, CancellationToken cancellationToken)
    {
        if (await letters.DownloadTextAsync(CaseId, requestId, cancellationToken) is not { } letter)
        {
            return NotFound();
        }

        var text = letter.Text;
        Response.Headers.CacheControl = "no-store";
        return File(new UTF8Encoding(false).GetBytes(text), "text/plain; charset=utf-8", "takedown-letter.txt");
    }
}
