namespace IncidentResponse.Domain.Binders;

/// <summary>
/// One binder PDF being made in the background for one member of one case (ADR 0024). The row holds ids, counts, times
/// and states only: what the person chose (title, names, pictures) is kept sealed under the case key until the job ends,
/// and the finished PDF is a sealed file beside the evidence, readable by the member who asked and by no one else.
/// </summary>
public sealed class BinderJob
{
    /// <summary>How long a job and its PDF are kept after it was asked for.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>A running job whose instance has not written for this long is taken to have died with its process.</summary>
    public static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromSeconds(30);

    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>The member who asked: the only person who sees the job or its PDF.</summary>
    public Guid UserId { get; set; }

    /// <summary>
    /// Made for "Download everything": the binder with every part, as the export has always held it, which the ZIP then
    /// carries as <c>binder.pdf</c> instead of printing it inside the download's request.
    /// </summary>
    public bool ForExport { get; set; }

    public BinderJobState State { get; set; }

    public BinderJobPhase Phase { get; set; }

    /// <summary>Pictures the printer has been given so far ("exhibit k of n").</summary>
    public int ExhibitsDone { get; set; }

    public int ExhibitsTotal { get; set; }

    /// <summary>Set by Cancel on any instance; the instance running the job stops its print when it sees it.</summary>
    public bool CancelRequested { get; set; }

    public BinderJobFailure? Failure { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    /// <summary>Written by the running instance every second or so; a stale one marks a job whose process died.</summary>
    public DateTime? HeartbeatUtc { get; set; }

    public DateTime? FinishedUtc { get; set; }

    /// <summary>The choices made on the binder page, sealed under the case key (the vault's format); cleared when the job ends.</summary>
    public byte[]? SealedChoices { get; set; }

    public byte[]? ChoicesKey { get; set; }

    /// <summary>The sealed PDF in the binder store, once ready.</summary>
    public Guid? BlobId { get; set; }

    public byte[]? FileKey { get; set; }

    public long Length { get; set; }

    public bool IsActive => State is BinderJobState.Queued or BinderJobState.Running;
}

public enum BinderJobState
{
    Queued = 0,
    Running = 1,
    Ready = 2,
    Failed = 3,
    Cancelled = 4,
}

/// <summary>Which part of the binder is being made.</summary>
public enum BinderJobPhase
{
    Waiting = 0,
    Contents = 1,
    Render = 2,
    Print = 3,
    Saving = 4,
    Done = 5,
}

/// <summary>Why a job failed, as a kind the page words gently; never a message that could carry content.</summary>
public enum BinderJobFailure
{
    Interrupted = 0,
    NoPrinter = 1,
    PrintFailed = 2,

    /// <summary>The member may no longer make a binder of this case (their access changed while it waited).</summary>
    NotAllowed = 3,

    /// <summary>
    /// It was ready, but what the member may see in the case narrowed after they asked for it (an item made private,
    /// a grant withdrawn, the age answers changed): the PDF was deleted unread rather than handed over.
    /// </summary>
    Outdated = 4,
}
