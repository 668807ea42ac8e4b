using IncidentResponse.Domain.Evidence;

namespace IncidentResponse.Web.Pages.Cases.Evidence;

/// <summary>Why a file was not kept. Each has one plain message (<see cref="EvidenceWording.Refusal"/>).</summary>
public enum EvidenceRefusal
{
    Empty,
    NotAccepted,
    TooLarge,
    ImageUnreadable,
    ImageTooManyPixels,

    /// <summary>The case keeps words only (<see cref="Domain.Cases.Case.WordsOnly"/>): no file of any kind is stored.</summary>
    NotStoredForUnderEighteen,
}

/// <summary>
/// A file read, checked and sealed into a pending blob, not yet kept: <see cref="EvidenceReceiver"/> keeps it;
/// disposing it without keeping deletes the partial blob, so a refused upload leaves nothing behind.
/// </summary>
public sealed class ReceivedEvidence : IAsyncDisposable
{
    internal ReceivedEvidence(Guid evidenceId, IPendingEvidenceBlob blob, SealedEvidence sealedEvidence, EvidenceKind kind, int? width, int? height, RevealedDetails revealed)
    {
        EvidenceId = evidenceId;
        Revealed = revealed;
        Blob = blob;
        Sealed = sealedEvidence;
        Kind = kind;
        Width = width;
        Height = height;
    }

    /// <summary>The id the file will be kept under, chosen before sealing: its wrapped key is bound to it.</summary>
    public Guid EvidenceId { get; }

    internal IPendingEvidenceBlob Blob { get; }

    public SealedEvidence Sealed { get; }

    public EvidenceKind Kind { get; }

    public int? Width { get; }

    public int? Height { get; }

    /// <summary>What the image's hidden details give away (kinds only), to tell the person who added it.</summary>
    public RevealedDetails Revealed { get; }

    /// <summary>The picture's PDQ hash sealed under the case's key, and its quality; null when none was made.</summary>
    public (byte[] Sealed, int Quality)? PerceptualHash { get; init; }

    public ValueTask DisposeAsync() => Blob.DisposeAsync();
}

/// <summary>The outcome of reading an uploaded file: either received (to keep or dispose) or refused, with why.</summary>
public sealed record EvidenceIntake(ReceivedEvidence? Received, EvidenceRefusal? Refusal, string? Detail = null)
{
    public static EvidenceIntake Refused(EvidenceRefusal refusal, string? detail = null) => new(null, refusal, detail);
}

/// <summary>What the person said about a file when adding it.</summary>
public sealed record EvidenceDescription(
    string OriginalFileName,
    string SourceUrl,
    DateOnly? CapturedOn,
    TimeOnly? CapturedAtTime,
    string WhatItShows,
    Guid? IncidentId,
    Guid? TakedownRequestId = null,
    string SourceWords = "");
