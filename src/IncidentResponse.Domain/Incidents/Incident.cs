using System.Text.Json;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Domain.Incidents;

/// <summary>
/// Something that happened, in the survivor's words: what, when (or from when to when, for a series), where, who, and
/// the documentation that makes it useful later (what shows it happened, who is thought to be behind it and why,
/// what is still missing). Edits never overwrite: each one keeps the version it replaces as an
/// <see cref="IncidentRevision"/>.
/// </summary>
public sealed class Incident : IVersioned
{
    public const int NarrativeMaxLength = 8000;
    public const int NoteMaxLength = 4000;
    public const int ShortTextMaxLength = 200;
    public const int TimeZoneMaxLength = 64;
    public const int MinConcern = 1;
    public const int MaxConcern = 3;

    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public IncidentKind Kind { get; set; }

    /// <summary>The day it happened (the first day, for a series), in the survivor's own calendar.</summary>
    public DateOnly OccurredOn { get; set; }

    public TimeOnly? OccurredAt { get; set; }

    /// <summary>An IANA zone ("Europe/London") or an offset ("+01:00"); empty when not given.</summary>
    public string TimeZone { get; set; } = "";

    /// <summary>For the same behaviour repeated over a period (a series): the last day. Null for a single event.</summary>
    public DateOnly? SeriesEndOn { get; set; }

    public DateOnly FoundOn { get; set; }

    /// <summary>A key from <see cref="Platforms"/>.</summary>
    public string Platform { get; set; } = Platforms.Other;

    public string Url { get; set; } = "";

    public string AccountHandle { get; set; } = "";

    public PerpetratorKnown Perpetrator { get; set; } = PerpetratorKnown.NotSure;

    public string PerpetratorName { get; set; } = "";

    public string Narrative { get; set; } = "";

    public string EvidenceOfIt { get; set; } = "";

    public string WhoYouThink { get; set; } = "";

    public string EvidenceOfWho { get; set; } = "";

    public string EvidenceStillNeeded { get; set; } = "";

    /// <summary>The survivor's own sense of how worrying it is: 1 (a little) to 3 (very).</summary>
    public int Concern { get; set; } = MinConcern;

    /// <summary>When it happened, as an instant for ordering the timeline (UTC when the zone is known).</summary>
    public DateTime OccurredSortUtc { get; set; }

    /// <summary>Which version this is: 1 when added, one more with every edit.</summary>
    public int Revision { get; set; } = 1;

    public DateTime CreatedUtc { get; set; }

    public Guid CreatedBy { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public Guid UpdatedBy { get; set; }

    /// <summary>Hidden from every ally everywhere (a global query filter on <c>AppDbContext</c>); only the owner sees it.</summary>
    public bool IsPrivate { get; set; }

    public uint Version { get; set; }

    /// <summary>For a contact from the person responsible: what they demanded and threatened, as JSON; null otherwise.</summary>
    public string? ContactJson { get; set; }

    /// <summary>The deadline the contact set, as an instant (UTC when the zone is known), so the dashboard can find the next one.</summary>
    public DateTime? DeadlineUtc { get; set; }

    public ContactDetails? Contact => ContactDetails.FromJson(ContactJson);

    public bool IsSeries => SeriesEndOn is not null;

    /// <summary>The latest day it happened: the series end, or the day itself.</summary>
    public DateOnly LastOccurredOn => SeriesEndOn ?? OccurredOn;

    public IncidentSnapshot Snapshot() => new(
        Kind, OccurredOn, OccurredAt, TimeZone, SeriesEndOn, FoundOn, Platform, Url, AccountHandle, Perpetrator, PerpetratorName,
        Narrative, EvidenceOfIt, WhoYouThink, EvidenceOfWho, EvidenceStillNeeded, Concern, Contact);

    /// <summary>Sets every field the survivor writes; the caller keeps the replaced version first (<see cref="Revise"/>).</summary>
    public void Apply(IncidentSnapshot fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Kind = fields.Kind;
        OccurredOn = fields.OccurredOn;
        OccurredAt = fields.OccurredAt;
        TimeZone = fields.TimeZone.Trim();
        SeriesEndOn = fields.SeriesEndOn;
        FoundOn = fields.FoundOn;
        Platform = Platforms.IsKnown(fields.Platform) ? fields.Platform : Platforms.Other;
        Url = fields.Url.Trim();
        AccountHandle = fields.AccountHandle.Trim();
        Perpetrator = fields.Perpetrator;
        PerpetratorName = fields.Perpetrator == PerpetratorKnown.Known ? fields.PerpetratorName.Trim() : "";
        Narrative = fields.Narrative.Trim();
        EvidenceOfIt = fields.EvidenceOfIt.Trim();
        WhoYouThink = fields.WhoYouThink.Trim();
        EvidenceOfWho = fields.EvidenceOfWho.Trim();
        EvidenceStillNeeded = fields.EvidenceStillNeeded.Trim();
        Concern = Math.Clamp(fields.Concern, MinConcern, MaxConcern);
        OccurredSortUtc = IncidentTime.ToSortUtc(OccurredOn, OccurredAt, TimeZone);
        var contact = fields.Contact?.Tidy();
        ContactJson = contact is null || contact.IsEmpty ? null : contact.ToJson();
        DeadlineUtc = contact?.DeadlineOn is { } deadline ? IncidentTime.ToSortUtc(deadline, contact.DeadlineAt, TimeZone) : null;
    }

    /// <summary>Whether saving <paramref name="fields"/> would change nothing: they are what is saved, once tidied as saving tidies them.</summary>
    public bool Holds(IncidentSnapshot fields)
    {
        var tidied = new Incident();
        tidied.Apply(fields);
        return tidied.Snapshot() == Snapshot();
    }

    public static Incident Add(Guid caseId, IncidentSnapshot fields, Guid by, DateTime nowUtc)
    {
        var incident = new Incident { Id = Guid.NewGuid(), CaseId = caseId, CreatedUtc = nowUtc, CreatedBy = by, UpdatedUtc = nowUtc, UpdatedBy = by };
        incident.Apply(fields);
        return incident;
    }

    /// <summary>
    /// Replaces the fields with <paramref name="fields"/>, returning the version replaced as a revision to be saved in
    /// the same unit of work.
    /// </summary>
    public IncidentRevision Revise(IncidentSnapshot fields, Guid by, DateTime nowUtc)
    {
        var kept = new IncidentRevision
        {
            Id = Guid.NewGuid(),
            IncidentId = Id,
            CaseId = CaseId,
            Number = Revision,
            SnapshotJson = Snapshot().ToJson(),
            SavedUtc = UpdatedUtc,
            SavedBy = UpdatedBy,
            ReplacedUtc = nowUtc,
            ReplacedBy = by,
        };
        Apply(fields);
        Revision++;
        UpdatedUtc = nowUtc;
        UpdatedBy = by;
        return kept;
    }
}

/// <summary>Every field the survivor writes about an incident, as kept in a revision.</summary>
public sealed record IncidentSnapshot(
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
    ContactDetails? Contact = null)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static IncidentSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<IncidentSnapshot>(json, Json) ?? throw new InvalidOperationException("An empty incident snapshot.");
}

/// <summary>A version of an incident that an edit replaced: exactly as it was, who saved it and when, and who replaced it.</summary>
public sealed class IncidentRevision
{
    public Guid Id { get; set; }

    public Guid IncidentId { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>The version number this snapshot was (1 for the incident as first added).</summary>
    public int Number { get; set; }

    public string SnapshotJson { get; set; } = "{}";

    public DateTime SavedUtc { get; set; }

    public Guid SavedBy { get; set; }

    public DateTime ReplacedUtc { get; set; }

    public Guid ReplacedBy { get; set; }

    public IncidentSnapshot Snapshot => IncidentSnapshot.FromJson(SnapshotJson);
}
