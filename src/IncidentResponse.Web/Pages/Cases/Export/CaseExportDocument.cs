using System.Text.Json;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Web.Pages.Cases.Export;

/// <summary>
/// <c>case.json</c> in a "Download everything" ZIP: every record of one case. The format is documented field by field
/// in <c>docs/export-format.md</c>; change <see cref="CurrentSchemaVersion"/> whenever a field changes meaning or goes.
/// </summary>
public sealed record CaseExportDocument(
    int SchemaVersion,
    DateTime ExportedUtc,
    Guid ExportedBy,
    CaseExportCase Case,
    IReadOnlyList<CaseExportMember> Members,
    IReadOnlyList<CaseExportAssessment> Assessments,
    IReadOnlyList<CaseExportPlanStep> SafetyPlanSteps,
    IReadOnlyList<CaseExportIncident> Incidents,
    IReadOnlyList<CaseExportSighting> Sightings,
    IReadOnlyList<CaseExportEvidence> Evidence,
    IReadOnlyList<CaseExportTakedownRequest> TakedownRequests,
    IReadOnlyList<CaseExportAuditEvent> AuditEvents,
    CaseExportAuditChain AuditChain)
{
    public const int CurrentSchemaVersion = 1;
}

public sealed record CaseExportCase(
    Guid Id,
    string Title,
    DateTime CreatedUtc,
    DateTime UpdatedUtc,
    string JurisdictionCode,
    PerpetratorKnown? Perpetrator,
    bool? ThreatsReceived,
    LegalActionIntent? LegalAction,
    bool UnderEighteenRoute);

/// <summary>A member: who and in what role. Never a passphrase hash, security stamp or session.</summary>
public sealed record CaseExportMember(Guid UserId, string Username, CaseRole Role, DateTime JoinedUtc);

public sealed record CaseExportAssessment(
    Guid Id,
    Guid TakenBy,
    DateTime StartedUtc,
    DateTime UpdatedUtc,
    DateTime? CompletedUtc,
    int QuestionnaireVersion,
    JsonElement Answers,
    int? Score,
    ThreatLevel? Level,
    ThreatSignals Signals);

/// <summary>A plan step. <see cref="Note"/> is empty in an ally's export unless the owner shared it (<see cref="NoteShared"/>).</summary>
public sealed record CaseExportPlanStep(string StepKey, SafetyStepStatus Status, string Note, bool NoteShared, DateTime UpdatedUtc, Guid UpdatedBy);

public sealed record CaseExportIncident(
    Guid Id,
    IncidentKind Kind,
    DateOnly OccurredOn,
    TimeOnly? OccurredAt,
    string TimeZone,
    DateOnly? SeriesEndOn,
    DateOnly FoundOn,
    string Platform,
    string Url,
    string AccountHandle,
    PerpetratorKnown Perpetrator,
    string PerpetratorName,
    string Narrative,
    string EvidenceOfIt,
    string WhoYouThink,
    string EvidenceOfWho,
    string EvidenceStillNeeded,
    int Concern,
    int Revision,
    DateTime CreatedUtc,
    Guid CreatedBy,
    DateTime UpdatedUtc,
    Guid UpdatedBy,
    IReadOnlyList<CaseExportIncidentRevision> Revisions,
    ContactDetails? Contact);

/// <summary>An earlier wording of an incident, as it read before it was replaced.</summary>
public sealed record CaseExportIncidentRevision(int Number, DateTime SavedUtc, Guid SavedBy, DateTime ReplacedUtc, Guid ReplacedBy, JsonElement Snapshot);

public sealed record CaseExportSighting(
    Guid Id,
    Guid? IncidentId,
    string Url,
    string Platform,
    DateTime FirstSeenUtc,
    DateTime LastCheckedUtc,
    SightingStatus Status,
    Guid CreatedBy,
    IReadOnlyList<CaseExportStatusChange> StatusHistory);

public sealed record CaseExportStatusChange(SightingStatus From, SightingStatus To, DateTime ChangedUtc, Guid ChangedBy, string Note);

/// <summary>
/// One evidence file's record. <see cref="FileName"/> names it inside the ZIP; it is null, and <see cref="Problem"/>
/// says why, when the stored file could not be read back exactly as received (it is then left out, never replaced).
/// In the ZIP of an ally the owner has not given the originals, the entry is a copy without hidden details:
/// <see cref="Sha256"/> stays the original's recorded fingerprint and <see cref="CopySha256"/> is the copy's.
/// </summary>
public sealed record CaseExportEvidence(
    Guid Id,
    int ExhibitNumber,
    string? FileName,
    string? Problem,
    string Kind,
    string MediaType,
    string OriginalFileName,
    long Length,
    string Sha256,
    DateTime ReceivedUtc,
    Guid UploadedBy,
    string SourceUrl,
    DateOnly? CapturedOn,
    TimeOnly? CapturedAtTime,
    string WhatItShows,
    Guid? IncidentId,
    int? Width,
    int? Height,
    bool DetailsWithheld = false)
{
    /// <summary>Where it was found, in the person's words; empty when not given or withheld.</summary>
    public string SourceWords { get; init; } = "";

    /// <summary>The SHA-256 of the copy without hidden details in this ZIP, when it holds a copy rather than the original; else null.</summary>
    public string? CopySha256 { get; init; }

    /// <summary>The copy's size in bytes, when it is a copy; else null.</summary>
    public long? CopyLength { get; init; }
}

public sealed record CaseExportTakedownRequest(
    Guid Id,
    LetterKind Kind,
    string PlatformId,
    IReadOnlyList<Guid> SightingIds,
    string? SenderName,
    bool SenderNamePrivate,
    string? SenderEmail,
    bool SenderEmailPrivate,
    string? SenderPostalAddress,
    bool SenderPostalAddressPrivate,
    string? SenderPhone,
    bool SenderPhonePrivate,
    bool SenderActsForPersonShown,
    bool GoodFaithConfirmed,
    bool AccuracyConfirmed,
    bool SignatureConfirmed,
    CopyrightBasis CopyrightBasis,
    string? CopyrightedWork,
    string? Reasons,
    string? SearchTerms,
    DateOnly LetterDate,
    TakedownStatus Status,
    string? FinalText,
    DateTime? FinalisedUtc,
    DateOnly? SentOn,
    TakedownChannel? Channel,
    string? Reference,
    DateTime? SentUtc,
    string? Confirmation,
    DateTime? DueUtc,
    Guid? ReplacesId,
    Guid? FollowsUpId,
    Guid CreatedBy,
    DateTime CreatedUtc,
    DateTime UpdatedUtc,
    IReadOnlyList<CaseExportTakedownResponse> Responses);

public sealed record CaseExportTakedownResponse(
    Guid Id,
    DateOnly ReceivedOn,
    TakedownOutcome Outcome,
    string Reason,
    string Note,
    Guid RecordedBy,
    DateTime RecordedUtc);

public sealed record CaseExportAuditEvent(
    long Sequence,
    Guid? ActorId,
    DateTime OccurredUtc,
    string Action,
    string EntityType,
    string EntityId,
    string Details,
    string? PreviousHash,
    string? Hash);

/// <summary>
/// The audit chain as checked when the export was made. In an ally's export <see cref="EventsChecked"/> and
/// <see cref="BrokenAtSequence"/> are null: the size of the whole history is the owner's.
/// </summary>
public sealed record CaseExportAuditChain(bool Intact, long? EventsChecked, string? HeadHash, long? BrokenAtSequence, string? Problem);
