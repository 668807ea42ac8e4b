using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace IncidentResponse.Web.Pages.Cases.Evidence;

/// <summary>
/// The image for showing on screen: a copy of a JPEG or PNG without its metadata (GPS, camera, comments). Derived,
/// never stored, never cached. Other kinds have no preview.
/// </summary>
[CaseOperationRequired(CaseOperation.ViewEvidence)]
public sealed class PreviewModel(AppDbContext db, EvidenceService evidence) : CasePageModel
{
    public async Task<IActionResult> OnGetAsync(Guid evidenceId, CancellationToken cancellationToken)
    {
        var item = await db.EvidenceItems.AsNoTracking()
            .SingleOrDefaultAsync(e => e.Id == evidenceId && e.CaseId == CaseId, cancellationToken);
        if (item is null || !MetadataStripper.Supports(item.Kind))
        {
            return NotFound();
        }

        // Borrowed, not made: the picture is wiped and its buffer given back once the response has been sent.
        var picture = await evidence.PreviewPooledAsync(item, cancellationToken);
        if (picture is null)
        {
            return NotFound();
        }

        Response.RegisterForDispose(picture);
        Response.Headers.CacheControl = "no-store";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline").ToString();
        return File(picture.OpenRead(), item.KindInfo.MediaType);
    }
}
