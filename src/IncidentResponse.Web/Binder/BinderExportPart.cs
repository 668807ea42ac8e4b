using IncidentResponse.Web.Export;

namespace IncidentResponse.Web.Binder;

/// <summary>
/// Puts the evidence binder, every part included and nothing obscured (every picture withheld for an ally not shown evidence images), into "Download everything" as
/// <c>binder.pdf</c>, built from the same case in the same request. Without Chromium it throws, and the export names
/// the missing binder in <c>problems.txt</c> rather than leaving it out silently.
/// </summary>
public sealed class BinderExportPart(BinderService binders) : ICaseExportPart
{
    public string FileName => "binder.pdf";

    public Task WriteAsync(CaseExportRequest request, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return binders.WritePdfAsync(request.CaseId, new BinderOptions { PicturesShared = request.EvidenceFilesShared }, destination, cancellationToken);
    }
}
