using IncidentResponse.Domain.Binders;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Cases.Binder;

/// <summary>
/// A binder job in the page's words, in the language of the request (<paramref name="Text"/>): the part being made,
/// "exhibit k of n", and how far along it is. A waiting job says it is behind another document only when one is being
/// made or was asked for first (<paramref name="BehindAnother"/>).
/// </summary>
public sealed record BinderJobView(BinderJob Job, IStringLocalizer<BinderText> Text, bool BehindAnother = false)
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
    public string Kind => Text[Job.ForExport ? "Kind.Export" : "Kind.Binder"];

    public string StateText => Text[Job.State switch
    {
        BinderJobState.Queued => "State.Queued",
        BinderJobState.Running => "State.Running",
        BinderJobState.Ready => "State.Ready",
        BinderJobState.Cancelled => "State.Cancelled",
        _ when Job.Failure == BinderJobFailure.Outdated => "State.Outdated",
        _ => "State.Failed",
    }];

    public string PartText => Text[Job.State switch
    {
        BinderJobState.Queued => BehindAnother ? "Part.Behind" : "Part.Starting",
        BinderJobState.Running => Job.Phase switch
        {
            BinderJobPhase.Contents => "Part.Contents",
            BinderJobPhase.Render => "Part.Render",
            BinderJobPhase.Print => "Part.Print",
            BinderJobPhase.Saving => "Part.Saving",
            _ => "Part.Starting",
        },
        BinderJobState.Ready => Job.ForExport ? "Part.DownloadReady" : "Part.BinderReady",
        BinderJobState.Cancelled => "Part.Cancelled",
        _ when Job.Failure == BinderJobFailure.Outdated => "Part.Outdated",
        _ => "Part.Failed",
    }];

    /// <summary>What the progress bar shows, in words (for screen readers and for anyone).</summary>
    public string ProgressText => Job.State == BinderJobState.Running && Job.Phase == BinderJobPhase.Print && Total > 0
        ? Text["Progress.Exhibit", PartText, Done, Total]
        : Text["Progress.Part", PartText];

    public string FailureText => Text[Job.Failure switch
    {
        BinderJobFailure.Interrupted => "Failure.Interrupted",
        BinderJobFailure.NoPrinter => "Failure.NoPrinter",
        BinderJobFailure.NotAllowed => "Failure.NotAllowed",
        BinderJobFailure.Outdated => "Failure.Outdated",
        _ => "Failure.Other",
    }];

    /// <summary>How long the job is kept on the server from now, in words ("1 minute", "42 minutes").</summary>
    public static string MinutesLeft(BinderJob job, DateTime nowUtc, IStringLocalizer<BinderText> text)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(text);
        var minutes = Math.Max(1, (int)Math.Ceiling((job.ExpiresUtc - nowUtc).TotalMinutes));
        return minutes == 1 ? text["Minutes.One", minutes] : text["Minutes.Many", minutes];
    }
}
