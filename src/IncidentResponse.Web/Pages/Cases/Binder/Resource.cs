using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace IncidentResponse.Web.Pages.Cases.Binder;

/// <summary>
/// A picture for the browser-printable binder: the metadata-free copy, or its pixelated rendering. Only for those who
/// may make a binder and see evidence images; never cached.
/// </summary>
[CaseOperationRequired(CaseOperation.PrintEvidence)]
public abstract class BinderResourceModel(ExhibitPictures pictures) : CasePageModel
{
    protected abstract string Kind { get; }

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken cancellationToken)
    {
        var name = Kind + "/" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (await pictures.ResourceAsync(CaseId, name, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline").ToString();
        return File(found.Bytes, found.ContentType);
    }
}
