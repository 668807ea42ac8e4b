using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Data;

namespace IncidentResponse.Domain.Evidence;

/// <summary>
/// One file the survivor added, kept bit-exact and encrypted at rest (<see cref="EvidenceVault"/>), with the SHA-256
/// it had when it was received and what the person said about it. The blob holds ciphertext only; the key to read it
/// is <see cref="WrappedFileKey"/>, which only the case's key (<see cref="CaseEvidenceKey"/>) unwraps.
/// </summary>
public sealed class EvidenceItem : IVersioned
{
    public const int OriginalFileNameMaxLength = 255;
    public const int SourceUrlMaxLength = 2048;
    public const int SourceWordsMaxLength = 500;
    public const int WhatItShowsMaxLength = 4000;
    public const int KindMaxLength = 16;

    private const string AddedEventSha256Prefix = "sha256:";

    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>Where the ciphertext lives in the <see cref="IEvidenceBlobStore"/>.</summary>
    public Guid BlobId { get; set; }

    /// <summary>What the file is, decided from its bytes by <see cref="FileSniffer"/>, never from its name.</summary>
    public EvidenceKind Kind { get; set; }

    /// <summary>The name the file had on the person's device, kept as a record only: never used as a path or in a header.</summary>
    public string OriginalFileName { get; set; } = "";

    /// <summary>Length of the file as received, in bytes.</summary>
    public long Length { get; set; }

    /// <summary>SHA-256 of the file as received (32 bytes).</summary>
    public byte[] Sha256 { get; set; } = [];

    /// <summary>The file's own key, wrapped by the case key (<see cref="EvidenceVault.WrappedFileKeySize"/> bytes).</summary>
    public byte[] WrappedFileKey { get; set; } = [];

    public DateTime ReceivedUtc { get; set; }

    public Guid UploadedByUserId { get; set; }

    /// <summary>Where the content was found: an http or https address, or empty.</summary>
    public string SourceUrl { get; set; } = "";

    /// <summary>Where the content was found, in the person's words ("Direct messages from Alex on Instagram"), or empty.</summary>
    public string SourceWords { get; set; } = "";

    /// <summary>The day the person saved or captured it, as they remember it; null when not given.</summary>
    public DateOnly? CapturedOn { get; set; }

    /// <summary>The time of day it was captured, in the person's own time zone; null when not given.</summary>
    public TimeOnly? CapturedAtTime { get; set; }

    /// <summary>What the file shows, in the person's words.</summary>
    public string WhatItShows { get; set; } = "";

    /// <summary>The incident this belongs to, if any (the incident log links it).</summary>
    public Guid? IncidentId { get; set; }

    /// <summary>
    /// The letter whose submission this file confirms (a screenshot of the platform's confirmation), if any: the letter's
    /// page lists it. Kept through the same upload and refusal rules as every other file.
    /// </summary>
    public Guid? TakedownRequestId { get; set; }

    /// <summary>Declared pixel size, for images; null for other kinds.</summary>
    public int? Width { get; set; }

    public int? Height { get; set; }

    /// <summary>
    /// Which hidden details the file carried when it was received (GPS, device, time): kinds only, never the values.
    /// None for files that carry none and for files kept before this was looked for.
    /// </summary>
    public RevealedDetails RevealedDetails { get; set; }

    /// <summary>
    /// The picture's PDQ hashes (<see cref="PdqHasher"/>), as it is and turned and flipped, sealed under the case's key
    /// (<see cref="PdqHashes.Seal"/>), for "this looks like exhibit N"; the original's alone for pictures kept before
    /// 2026-12-07; null for files that are not pictures, could not be decoded, or were kept before 2026-12-06.
    /// </summary>
    public byte[]? PerceptualHash { get; set; }

    /// <summary>How much detail the hash had to go on (0–100); a match needs <see cref="PdqHasher.MinQuality"/>.</summary>
    public int? PerceptualQuality { get; set; }

    /// <summary>Hidden from every ally everywhere (a global query filter on <c>AppDbContext</c>); only the owner sees it.</summary>
    public bool IsPrivate { get; set; }

    public uint Version { get; set; }

    public EvidenceKindInfo KindInfo => EvidenceKinds.Describe(Kind);

    /// <summary><see cref="Sha256"/> as 64 lowercase hex digits, as shown to people and printed in exports.</summary>
    public string Sha256Hex => Convert.ToHexStringLower(Sha256);

    /// <summary>
    /// The details its <see cref="AuditActions.EvidenceAdded"/> event records when it is received: its kind and
    /// SHA-256 ("Jpeg sha256:" and 64 hex digits). Hashed into the case's history, so the spelling never changes.
    /// </summary>
    public string AddedEventDetails => $"{Kind} {AddedEventSha256Prefix}{Sha256Hex}";

    /// <summary>
    /// Whether <paramref name="added"/> is this item's <see cref="AuditActions.EvidenceAdded"/> event and records the
    /// SHA-256 the item holds now: if the item's recorded fingerprint was changed after it was received, it no longer
    /// matches the history.
    /// </summary>
    public bool MatchesAddedEvent(AuditEventRecord added)
    {
        ArgumentNullException.ThrowIfNull(added);
        return added.Action == AuditActions.EvidenceAdded
            && added.EntityId == Id.ToString()
            && added.Details.Contains(AddedEventSha256Prefix + Sha256Hex, StringComparison.Ordinal);
    }
}
