using IncidentResponse.Documents.Binder;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Pages.Cases.Export;
using BinderOptions = IncidentResponse.Documents.Binder.BinderOptions;

namespace IncidentResponse.Web.Pages.Cases.Binder;

/// <summary>
/// Puts the evidence binder, every part included and nothing obscured (every picture withheld for an ally not shown evidence
/// images, the threat assessment summary left out for one not shown the risk assessment, the risk level left out for
/// everyone as the binder page's default), into "Download everything" as <c>binder.pdf</c>. It is made beforehand as a
/// binder job (<see cref="OptionsFor"/>, ADR 0024) and copied in from its sealed PDF; a request with no job prints it
/// here, which without Chromium throws, and the export names the missing binder in <c>problems.txt</c> rather than
/// leaving it out silently.
/// </summary>
public sealed class BinderExportPart(BinderPrinter printer, BinderJobs jobs, AppDbContext db) : ICaseExportPart
{
    public string FileName => "binder.pdf";

    /// <summary>What the export's binder holds for someone who may or may not see pictures and the risk assessment.</summary>
    public static BinderOptions OptionsFor(bool picturesShared, bool assessmentShown, BinderAudience audience) =>
        new() { PicturesShared = picturesShared, AssessmentShown = assessmentShown, Audience = audience };

    public async Task WriteAsync(CaseExportRequest request, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.PreparedBinder is { } job)
        {
            await using var pdf = await jobs.OpenPdfAsync(job, cancellationToken);
            await pdf.CopyToAsync(destination, cancellationToken);
            return;
        }

        var audience = await CaseAudience.LoadAsync(db, request.CaseId, request.UserId, cancellationToken);
        await printer.WritePdfAsync(
            request.CaseId,
            OptionsFor(request.EvidenceFilesShared, request.RiskAssessmentShared, audience.ForBinder()),
            destination,
            cancellationToken);
    }
}
