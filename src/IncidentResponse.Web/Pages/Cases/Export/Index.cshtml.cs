using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace IncidentResponse.Web.Pages.Cases.Export;

/// <summary>
/// "Download everything": what the ZIP holds, and the button. The download itself needs the passphrase re-entered
/// (step-up) and streams the ZIP straight to the response (<see cref="CaseExporter"/>).
/// </summary>
[CaseOperationRequired(CaseOperation.Export)]
public sealed partial class IndexModel(
    AppDbContext db,
    AuditTrail audit,
    CaseExporter exporter,
    StepUp stepUp,
    FairPrinting fairPrinting,
    AppOptions appOptions,
    TimeProvider clock,
    ILogger<IndexModel> logger) : CasePageModel
{
    public int EvidenceCount { get; private set; }

    /// <summary>False for an ally allowed to export whom the owner has not shown evidence images: the files stay out.</summary>
    public bool EvidenceFilesShared => Membership.Can(CaseOperation.ViewEvidence);

    /// <summary>The passphrase was entered again a moment ago: the button downloads straight away.</summary>
    public bool Confirmed { get; private set; }

    /// <summary>The cookie the page's script watches for to learn that the ZIP has started downloading.</summary>
    public string DownloadCookie => DownloadStarted.CookieName(appOptions);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        EvidenceCount = await db.EvidenceItems.AsNoTracking().CountAsync(e => e.CaseId == CaseId, cancellationToken);
        Confirmed = await stepUp.IsRecentAsync(User, cancellationToken);
        return Page();
    }

    [RequiresRecentPassphrase(CaseOperation.Export)]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = User.UserId();

        // The ZIP holds the whole binder, printed like any other: it takes this person's one binder slot.
        using var slot = fairPrinting.TryStart(userId, PrintKind.Binder);
        if (slot is null)
        {
            return FairPrinting.StillPrinting(HttpContext);
        }

        await audit.RecordAsync(CaseId, userId, AuditActions.CaseExported, nameof(Case), CaseId.ToString(), cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(CaseExporter.DownloadFileName(now));
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.CacheControl = "no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.ContentType = "application/zip";
        DownloadStarted.Tell(HttpContext, appOptions);
        try
        {
            await exporter.WriteAsync(new CaseExportRequest(CaseId, userId, now, EvidenceFilesShared, Membership.Can(CaseOperation.ViewPrivateSenderDetails), Membership.ReceivesOriginals, Membership.Can(CaseOperation.ViewRiskAssessment)), Response.Body, cancellationToken);
        }
        catch (ExportIntegrityException ex)
        {
            // Better a download the browser reports as failed than a ZIP with a wrong file in it.
            LogExportCut(logger, CaseId, ex.EvidenceId);
            HttpContext.Abort();
        }

        return new EmptyResult();
    }

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "The export of case {CaseId} was cut off: evidence {EvidenceId} changed while it was copied")]
    private static partial void LogExportCut(ILogger logger, Guid caseId, Guid evidenceId);
}
