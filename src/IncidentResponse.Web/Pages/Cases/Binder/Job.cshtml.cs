using IncidentResponse.Domain.Binders;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Pages.Cases.Export;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace IncidentResponse.Web.Pages.Cases.Binder;

/// <summary>
/// A binder being made (ADR 0024): which part, "exhibit k of n", Cancel, and the download when it is ready. Only the
/// member who asked finds it; anyone else, allies included, gets 404, as for an address that does not exist. Without
/// JavaScript the page refreshes itself every few seconds; with it, the page asks <c>?handler=Status</c>, whose answer
/// holds the state and counts only.
/// </summary>
[RequiresRecentPassphrase(CaseOperation.Export)]
[CaseOperationRequired(CaseOperation.Export)]
public sealed class JobModel(
    BinderJobs jobs,
    ExportDownload export,
    AppOptions appOptions,
    TimeProvider clock,
    IStringLocalizer<BinderText> text) : CasePageModel
{
    /// <summary>How often the page refreshes itself without JavaScript, in seconds.</summary>
    public const int RefreshSeconds = 3;

    public BinderJob Job { get; private set; } = null!;

    public BinderJobView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid jobId, CancellationToken cancellationToken)
    {
        if (await FindAsync(jobId, cancellationToken) is not { } job)
        {
            return NotFound();
        }

        Job = job;
        View = new BinderJobView(job, text, await jobs.IsBehindAnotherAsync(job, cancellationToken));
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>The progress as JSON for the page's script: state, part and counts; nothing of the case.</summary>
    public async Task<IActionResult> OnGetStatusAsync(Guid jobId, CancellationToken cancellationToken)
    {
        if (await FindAsync(jobId, cancellationToken) is not { } job)
        {
            return NotFound();
        }

        var view = new BinderJobView(job, text, await jobs.IsBehindAnotherAsync(job, cancellationToken));
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new
        {
            state = job.State.ToString().ToLowerInvariant(),
            part = view.PartText,
            done = view.Done,
            total = view.Total,
            percent = view.Percent,
            text = view.ProgressText,
        });
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid jobId, CancellationToken cancellationToken)
    {
        if (await FindAsync(jobId, cancellationToken) is not { State: BinderJobState.Ready, ForExport: false } job)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        var pdf = await jobs.OpenPdfAsync(job, cancellationToken);
        var name = "record-" + job.CreatedUtc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ".pdf";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = name }.ToString();
        Response.ContentLength = job.Length;
        return File(pdf, "application/pdf");
    }

    /// <summary>
    /// "Download everything", once its binder is ready: the ZIP streams with the sealed PDF as <c>binder.pdf</c>, every
    /// other file read now. A form's post (it records the export in the case's history); the page's step-up is asked
    /// again here, as for any handler of this page.
    /// </summary>
    public async Task<IActionResult> OnPostZipAsync(Guid jobId, CancellationToken cancellationToken)
    {
        if (await FindAsync(jobId, cancellationToken) is not { State: BinderJobState.Ready, ForExport: true } job)
        {
            return NotFound();
        }

        return await export.SendAsync(HttpContext, Membership, job, cancellationToken);
    }

    /// <summary>The cookie the ZIP button's script watches for to learn that the ZIP has started downloading.</summary>
    public string DownloadCookie => DownloadStarted.CookieName(appOptions);

    public async Task<IActionResult> OnPostCancelAsync(Guid jobId, CancellationToken cancellationToken)
    {
        if (await FindAsync(jobId, cancellationToken) is not { } job)
        {
            return NotFound();
        }

        await jobs.CancelAsync(job, cancellationToken);
        return RedirectToPage("Job", new { caseId = CaseId, jobId });
    }

    /// <summary>"It downloaded: delete it from the server", or taking a failed or cancelled one off the list.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid jobId, CancellationToken cancellationToken)
    {
        if (await FindAsync(jobId, cancellationToken) is not { IsActive: false } job)
        {
            return NotFound();
        }

        await jobs.DeleteAsync(job, cancellationToken);
        return Redirect($"/cases/{CaseId}/binder?deleted=1");
    }

    /// <summary>This member's job; a ready one whose PDF no longer matches what they may see is withdrawn first.</summary>
    private async Task<BinderJob?> FindAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await jobs.FindAsync(CaseId, User.UserId(), jobId, cancellationToken);
        return job is not null && await jobs.WithdrawIfOutdatedAsync(job, Membership.IsOwner, cancellationToken)
            ? await jobs.FindAsync(CaseId, User.UserId(), jobId, cancellationToken)
            : job;
    }

    public string ExpiresText => BinderJobView.MinutesLeft(Job, clock.GetUtcNow().UtcDateTime, text);
}
