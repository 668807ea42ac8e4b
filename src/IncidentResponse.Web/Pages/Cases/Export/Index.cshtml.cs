using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Pages.Cases.Binder;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Export;

/// <summary>
/// "Download everything": what the ZIP holds, and the button. The download needs the passphrase re-entered (step-up).
/// Its binder is made first as a binder job with a progress page (ADR 0024), from which the ZIP then streams
/// (<see cref="ExportDownload"/>); where no PDF can be made at all, the ZIP streams at once and names the missing binder.
/// </summary>
[CaseOperationRequired(CaseOperation.Export)]
public sealed class IndexModel(
    AppDbContext db,
    ExportDownload download,
    BinderJobs jobs,
    BinderPrinter printer,
    StepUp stepUp,
    AppOptions appOptions) : CasePageModel
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
        if (printer.IsPdfAvailable)
        {
            var jobId = await jobs.StartForExportAsync(Membership, cancellationToken);
            return Redirect($"/cases/{CaseId}/binder/jobs/{jobId}");
        }

        return await download.SendAsync(HttpContext, Membership, binder: null, cancellationToken);
    }
}
