using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Documents.Binder;

/// <summary>The case's own facts the binder prints: its title, when it was opened and where.</summary>
public sealed record CaseFacts(string Title, DateTime CreatedUtc, string JurisdictionCode);

/// <summary>
/// A case as the binder prints it, read once and in print order: the latest completed risk assessment (null when it is
/// not this person's to see), the incident log, the places the content was found and their status history, the letters
/// with their places and answers (less any withheld from this person), the evidence in exhibit order, the usernames of
/// those who added it, and the case's history.
/// </summary>
public sealed record BinderCase(
    CaseFacts Case,
    ThreatAssessment? Assessment,
    IReadOnlyList<Incident> Incidents,
    IReadOnlyList<Sighting> Sightings,
    IReadOnlyList<SightingStatusChange> Changes,
    IReadOnlyList<TakedownRequest> Requests,
    IReadOnlyList<TakedownRequestSighting> RequestSightings,
    IReadOnlyList<TakedownResponse> Responses,
    IReadOnlyList<EvidenceItem> Evidence,
    IReadOnlyDictionary<Guid, string> UserNames,
    IReadOnlyList<AuditEventRecord> AuditEvents);

/// <summary>What the server can draw for a binder: PDF exhibits' first pages (poppler). Obscured pictures need nothing installed.</summary>
public sealed record BinderPictures(bool PdfFirstPages);
