using IncidentResponse.Documents.Binder;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Pages.Cases.Export;
using BinderOptions = IncidentResponse.Documents.Binder.BinderOptions;

namespace IncidentResponse.Web.Pages.Cases.Binder;

/// <summary>
/// Puts the evidence binder, every part included and nothing obscured (every picture withheld for an ally not shown evidence
/// images, the threat assessment summary left out for one not shown the risk assessment, the risk level left out for
/// everyone as the binder page's default), into "Download everything" as
/// <c>binder.pdf</c>, built from the same case in the same request. Without Chromium it throws, and the export names
/// the missing binder in <c>problems.txt</c> rather than leaving it out silently.
/// </summary>
public sealed class BinderExportPart(BinderPrinter printer, AppDbContext db) : ICaseExportPart
{
    public string FileName => "binder.pdf";

    public async Task WriteAsync(CaseExportRequest request, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var audience = await CaseAudience.LoadAsync(db, request.CaseId, request.UserId, cancellationToken);
        await printer.WritePdfAsync(
            request.CaseId,
            new BinderOptions { PicturesShared = request.EvidenceFilesShared, AssessmentShown = request.RiskAssessmentShared, Audience = audience.ForBinder() },
            destination,
            cancellationToken);
    }
}
