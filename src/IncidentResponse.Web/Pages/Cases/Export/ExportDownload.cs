using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Binders;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace IncidentResponse.Web.Pages.Cases.Export;

/// <summary>
/// Sends the "Download everything" ZIP as the response: records the export in the case's history, sets the download's
/// neutral name and headers, and streams the ZIP (<see cref="CaseExporter"/>) with <paramref name="binder"/>'s sealed
/// PDF as <c>binder.pdf</c>. The export page sends it at once only where no PDF can be made; otherwise the binder job's
/// page does, once the binder is ready (ADR 0024). Either way the ZIP reads and decrypts every file, so it takes the
/// person's one binder slot (<see cref="FairPrinting"/>): a double press never makes two at once.
/// </summary>
public sealed partial class ExportDownload(AppDbContext db, AuditTrail audit, CaseExporter exporter, FairPrinting fairPrinting, AppOptions appOptions, TimeProvider clock, ILogger<ExportDownload> logger)
{
    /// <summary>Streams the ZIP and answers <see cref="EmptyResult"/>, or "still making your last document" (429) while this person has one going.</summary>
    public async Task<IActionResult> SendAsync(HttpContext http, CaseMembership membership, BinderJob? binder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(membership);
        using var slot = fairPrinting.TryStart(membership.UserId, PrintKind.Binder);
        if (slot is null)
        {
            return FairPrinting.StillPrinting(http);
        }

        await StreamAsync(http, membership, binder, cancellationToken);
        return new EmptyResult();
    }

    private async Task StreamAsync(HttpContext http, CaseMembership membership, BinderJob? binder, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await audit.RecordAsync(membership.CaseId, membership.UserId, AuditActions.CaseExported, nameof(Case), membership.CaseId.ToString(), cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(CaseExporter.DownloadFileName(now));
        var response = http.Response;
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.ContentType = "application/zip";
        DownloadStarted.Tell(http, appOptions);
        var request = new CaseExportRequest(
            membership.CaseId,
            membership.UserId,
            now,
            membership.Can(CaseOperation.ViewEvidence),
            membership.Can(CaseOperation.ViewPrivateSenderDetails),
            membership.ReceivesOriginals,
            membership.Can(CaseOperation.ViewRiskAssessment))
        { PreparedBinder = binder };
        try
        {
            await exporter.WriteAsync(request, response.Body, cancellationToken);
        }
        catch (ExportIntegrityException ex)
        {
            // Better a download the browser reports as failed than a ZIP with a wrong file in it.
            LogExportCut(logger, membership.CaseId, ex.EvidenceId);
            http.Abort();
        }
    }

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "The export of case {CaseId} was cut off: evidence {EvidenceId} changed while it was copied")]
    private static partial void LogExportCut(ILogger logger, Guid caseId, Guid evidenceId);
}
