using System.Globalization;
using IncidentResponse.Domain.Binders;

namespace IncidentResponse.Web.Pages.Cases.Binder;

/// <summary>
/// A binder job in the page's words: the part being made, "exhibit k of n", and how far along it is. A waiting job says
/// it is behind another document only when one is being made or was asked for first (<paramref name="BehindAnother"/>).
/// </summary>
public sealed record BinderJobView(BinderJob Job, bool BehindAnother = false)
{
    public int Done => Math.Min(Job.ExhibitsDone, Job.ExhibitsTotal);

    public int Total => Job.ExhibitsTotal;

    /// <summary>0 to 100: the parts before the pictures count for a tenth, the pictures for most of the rest.</summary>
    public int Percent => Job.State switch
    {
        BinderJobState.Ready => 100,
        BinderJobState.Queued => 0,
        _ => Job.Phase switch
        {
            BinderJobPhase.Contents => 5,
            BinderJobPhase.Render => 10,
            BinderJobPhase.Print => 10 + (Total == 0 ? 80 : 80 * Done / Total),
            BinderJobPhase.Saving or BinderJobPhase.Done => 95,
            _ => 0,
        },
    };

    /// <summary>What the job makes, for the binder page's list.</summary>
    public string Kind => Job.ForExport ? "Download everything (ZIP)" : "Your binder";

    public string StateText => Job.State switch
    {
        BinderJobState.Queued => "Waiting to start",
        BinderJobState.Running => "Being made",
        BinderJobState.Ready => "Ready to download",
        BinderJobState.Cancelled => "Cancelled",
        _ when Job.Failure == BinderJobFailure.Outdated => "No longer here",
        _ => "Not made",
    };

    public string PartText => Job.State switch
    {
        BinderJobState.Queued => BehindAnother ? "Waiting for another document to finish" : "Getting started",
        BinderJobState.Running => Job.Phase switch
        {
            BinderJobPhase.Contents => "Working out the page numbers for the contents",
            BinderJobPhase.Render => "Laying out the pages",
            BinderJobPhase.Print => "Adding your evidence",
            BinderJobPhase.Saving => "Saving it safely",
            _ => "Getting started",
        },
        BinderJobState.Ready => Job.ForExport ? "Your download is ready" : "Your binder is ready",
        BinderJobState.Cancelled => "You cancelled this binder",
        _ when Job.Failure == BinderJobFailure.Outdated => "This binder is no longer here",
        _ => "This binder could not be made",
    };

    /// <summary>What the progress bar shows, in words (for screen readers and for anyone).</summary>
    public string ProgressText => Job.State == BinderJobState.Running && Job.Phase == BinderJobPhase.Print && Total > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{PartText}: exhibit {Done} of {Total}.")
        : PartText + ".";

    public string FailureText => Job.Failure switch
    {
        BinderJobFailure.Interrupted => "The server restarted while it was being made. Nothing was kept. Please make it again.",
        BinderJobFailure.NoPrinter => "This server can't make PDF files just now. Nothing was kept. The print view on the binder page prints the same pages from your browser.",
        BinderJobFailure.NotAllowed => "You can no longer make a binder of this case, so nothing was made.",
        BinderJobFailure.Outdated => "It was deleted from the server without being opened, because what you may see in this case changed after it was made. You can make a new one on the binder page.",
        _ => "Something went wrong while it was being made. Nothing was kept. Please try again.",
    };

    public static string MinutesLeft(BinderJob job, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(job);
        var minutes = Math.Max(1, (int)Math.Ceiling((job.ExpiresUtc - nowUtc).TotalMinutes));
        return minutes == 1 ? "1 minute" : string.Create(CultureInfo.InvariantCulture, $"{minutes} minutes");
    }
}
