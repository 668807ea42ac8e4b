using IncidentResponse.Domain.Data;

namespace IncidentResponse.Domain.Incidents;

/// <summary>Where a sighting stands with its takedown. Stored by name.</summary>
public enum SightingStatus
{
    Found,
    Saved,
    Reported,
    RemovalRequested,
    Removed,
    Refused,
    Reappeared,
}

/// <summary>
/// One place the content is: a web address and its platform, with its takedown status over time. Each change of
/// status is kept as a <see cref="SightingStatusChange"/>.
/// </summary>
public sealed class Sighting : IVersioned
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>The incident this copy belongs to, if the survivor linked one.</summary>
    public Guid? IncidentId { get; set; }

    public string Url { get; set; } = "";

    /// <summary>The address's <see cref="WebAddress.KeyOf"/>: one sighting per place per case.</summary>
    public string UrlKey { get; set; } = "";

    public string Platform { get; set; } = Platforms.Other;

    /// <summary>
    /// When the person first saw it there, as they said (<see cref="FirstSeenAt"/>); the moment it was noted when they did
    /// not say.
    /// </summary>
    public DateTime FirstSeenUtc { get; set; }

    /// <summary>
    /// When a person last set its status (at first, when it was noted). The app never visits the place, so this is not
    /// when anyone checked it; the name stays for the export's <c>lastCheckedUtc</c>, whose meaning is this.
    /// </summary>
    public DateTime LastCheckedUtc { get; set; }

    /// <summary>
    /// When the server re-checks it next, once the case's re-checks are on (null: as soon as they are). Moved forward by
    /// the one instance that claims the check, so two instances never check the same place at once.
    /// </summary>
    public DateTime? NextCheckUtc { get; set; }

    public SightingStatus Status { get; set; } = SightingStatus.Found;

    public Guid CreatedBy { get; set; }

    public uint Version { get; set; }

    /// <summary>A new sighting, noted at <paramref name="nowUtc"/> and first seen on <paramref name="firstSeenOn"/> (or now).</summary>
    public static Sighting Add(Guid caseId, AcceptedUrl url, Guid by, DateTime nowUtc, DateOnly? firstSeenOn = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new Sighting
        {
            Id = Guid.NewGuid(),
            CaseId = caseId,
            Url = url.Url,
            UrlKey = url.Key,
            Platform = url.Platform,
            FirstSeenUtc = firstSeenOn is { } day ? FirstSeenAt(day, nowUtc) : nowUtc,
            LastCheckedUtc = nowUtc,
            CreatedBy = by,
        };
    }

    /// <summary>
    /// The instant kept for a day the person gives: midday UTC, so the same calendar day reads back in any time zone from
    /// UTC-12 to UTC+11; never later than <paramref name="nowUtc"/>, so a day given as today is not kept in the future.
    /// </summary>
    public static DateTime FirstSeenAt(DateOnly day, DateTime nowUtc)
    {
        var midday = day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
        return midday < nowUtc ? midday : nowUtc;
    }

    /// <summary>Moves to <paramref name="to"/> if <see cref="SightingStatusRules"/> allow it; the change to save, or null.</summary>
    public SightingStatusChange? ChangeStatus(SightingStatus to, string? note, Guid by, DateTime nowUtc)
    {
        if (!SightingStatusRules.CanMove(Status, to))
        {
            return null;
        }

        var change = new SightingStatusChange
        {
            Id = Guid.NewGuid(),
            SightingId = Id,
            CaseId = CaseId,
            From = Status,
            To = to,
            ChangedUtc = nowUtc,
            ChangedBy = by,
            Note = note?.Trim() ?? "",
        };
        Status = to;
        LastCheckedUtc = nowUtc;
        return change;
    }
}

/// <summary>One step in a sighting's takedown story: from, to, when, who, and an optional note.</summary>
public sealed class SightingStatusChange
{
    public const int NoteMaxLength = 2000;

    public Guid Id { get; set; }

    public Guid SightingId { get; set; }

    public Guid CaseId { get; set; }

    public SightingStatus From { get; set; }

    public SightingStatus To { get; set; }

    public DateTime ChangedUtc { get; set; }

    public Guid ChangedBy { get; set; }

    public string Note { get; set; } = "";
}
