using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Binders;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Hosting;
using Microsoft.Net.Http.Headers;

namespace IncidentResponse.Web.Pages.Cases.Export;

/// <summary>
/// Sends the "Download everything" ZIP as the response: records the export in the case's history, sets the download's
/// neutral name and headers, and streams the ZIP (<see cref="CaseExporter"/>) with <paramref name="binder"/>'s sealed
/// PDF as <c>binder.pdf</c>. The export page sends it at once only where no PDF can be made; otherwise the binder job's
/// page does, once the binder is ready (ADR 0024).
/// </summary>
public sealed partial class ExportDownload(AppDbContext db, AuditTrail audit, CaseExporter exporter, AppOptions appOptions, TimeProvider clock, ILogger<ExportDownload> logger)
{
    public async Task SendAsync(HttpContext http, CaseMembership membership, BinderJob? binder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(membership);
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
