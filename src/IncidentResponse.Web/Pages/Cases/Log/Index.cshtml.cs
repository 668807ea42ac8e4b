using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Web.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Log;

/// <summary>
/// The record: incidents, the places content was found and the evidence files kept, together in the order they
/// happened, a page at a time. Six queries whatever the size of the case: count, the page's ids, its incidents, its
/// sightings, its files, and triage's few candidates.
/// Filters are neutral values (a kind, a platform key), never free text.
/// </summary>
public sealed class IndexModel(AppDbContext db) : CasePageModel
{
    public const int PageSize = 50;

    /// <summary>The "kind" filter value that shows only places the content was found.</summary>
    public const string SightingsOnly = "Sighting";

    /// <summary>The "kind" filter value that shows only evidence files.</summary>
    public const string EvidenceOnly = "Evidence";

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int TotalCount { get; private set; }

    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public string? Kind { get; private set; }

    public string? Platform { get; private set; }

    public bool Filtered => Kind is not null || Platform is not null;

    public bool CanAdd => Membership.Can(CaseOperation.AddEntry);

    public bool CanViewEvidence => Membership.Can(CaseOperation.ViewEvidence);

    public async Task<IActionResult> OnGetAsync([FromQuery] int? page, [FromQuery] string? kind, [FromQuery] string? platform, CancellationToken cancellationToken)
    {
        IncidentKind? incidentKind = Enum.TryParse<IncidentKind>(kind, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _) ? parsed : null;
        Kind = incidentKind?.ToString() ?? (kind is SightingsOnly or EvidenceOnly ? kind : null);
        Platform = Platforms.IsKnown(platform) ? platform : null;
        PageNumber = Math.Max(1, page ?? 1);

        var incidents = db.Incidents.AsNoTracking().Where(i => i.CaseId == CaseId);
        var sightings = db.Sightings.AsNoTracking().Where(s => s.CaseId == CaseId);
        var files = db.EvidenceItems.AsNoTracking().Where(e => e.CaseId == CaseId);
        if (incidentKind is { } only)
        {
            incidents = incidents.Where(i => i.Kind == only);
            sightings = sightings.Where(_ => false);
            files = files.Where(_ => false);
        }
        else if (Kind == SightingsOnly)
        {
            incidents = incidents.Where(_ => false);
            files = files.Where(_ => false);
        }
        else if (Kind == EvidenceOnly)
        {
            incidents = incidents.Where(_ => false);
            sightings = sightings.Where(_ => false);
        }

        if (Platform is { } key)
        {
            incidents = incidents.Where(i => i.Platform == key);
            sightings = sightings.Where(s => s.Platform == key);
            files = files.Where(_ => false);
        }

        var timeline = incidents.Select(i => new TimelineKey { Id = i.Id, At = i.OccurredSortUtc })
            .Concat(sightings.Select(s => new TimelineKey { Id = s.Id, At = s.FirstSeenUtc }))
            .Concat(files.Select(e => new TimelineKey { Id = e.Id, At = e.ReceivedUtc }));
        TotalCount = await timeline.CountAsync(cancellationToken);
        PageNumber = Math.Min(PageNumber, PageCount);
        var keys = await timeline.OrderBy(k => k.At).ThenBy(k => k.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        var ids = keys.Select(k => k.Id).ToList();

        var pageIncidents = await db.Incidents.AsNoTracking()
            .Where(i => i.CaseId == CaseId && ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Kind, i.OccurredOn, i.OccurredAt, i.TimeZone, i.SeriesEndOn, i.Platform, i.Narrative, i.Concern })
            .ToDictionaryAsync(i => i.Id, cancellationToken);
        var pageSightings = await db.Sightings.AsNoTracking()
            .Where(s => s.CaseId == CaseId && ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Url, s.Platform, s.Status, s.FirstSeenUtc })
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var pageFiles = await db.EvidenceItems.AsNoTracking()
            .Where(e => e.CaseId == CaseId && ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Kind, e.Length, e.ReceivedUtc, e.WhatItShows })
            .ToDictionaryAsync(e => e.Id, cancellationToken);

        // Triage looks at the whole case, not the filtered page: "most recent" means most recent of everything. Only
        // the few candidates each mark could go to are read (with room for ties), so this costs the same at 10
        // incidents as at 5,000; Triage then decides among them exactly as it would among all.
        var all = db.Incidents.AsNoTracking().Where(i => i.CaseId == CaseId);
        const int room = 4;
        var candidates = await all.Where(i => i.Kind == IncidentKind.Post)
                .OrderBy(i => i.OccurredSortUtc).ThenBy(i => i.CreatedUtc).Take(room)
            .Concat(all.OrderByDescending(i => i.SeriesEndOn ?? i.OccurredOn).ThenByDescending(i => i.OccurredSortUtc)
                .ThenByDescending(i => i.CreatedUtc).Take(Triage.RecentCount * room))
            .Concat(all.Where(i => i.Concern > Incident.MinConcern).OrderByDescending(i => i.Concern)
                .ThenByDescending(i => i.SeriesEndOn ?? i.OccurredOn).ThenByDescending(i => i.OccurredSortUtc)
                .ThenByDescending(i => i.CreatedUtc).Take(Triage.ConcerningCount * room))
            .Select(i => new { i.Id, i.Kind, i.OccurredSortUtc, LastOccurredOn = i.SeriesEndOn ?? i.OccurredOn, i.Concern, i.CreatedUtc })
            .ToListAsync(cancellationToken);
        var marks = Triage.Mark(candidates.DistinctBy(i => i.Id)
            .Select(i => new TriageInput(i.Id, i.Kind, i.OccurredSortUtc, i.LastOccurredOn, i.Concern, i.CreatedUtc)));

        Rows = keys.Select(k =>
        {
            if (pageIncidents.TryGetValue(k.Id, out var i))
            {
                return new Row(
                    i.Id, RowType.Incident, Web.Incidents.IncidentWording.When(i.OccurredOn, i.OccurredAt, i.TimeZone, i.SeriesEndOn),
                    IncidentKinds.DisplayName(i.Kind), i.Platform, Excerpt(i.Narrative), i.Concern, marks.GetValueOrDefault(i.Id), null);
            }

            if (pageFiles.TryGetValue(k.Id, out var e))
            {
                var size = e.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
                return new Row(
                    e.Id, RowType.Evidence, Web.Incidents.IncidentWording.Moment(e.ReceivedUtc),
                    $"Evidence kept: {EvidenceKinds.Describe(e.Kind).FileExtension.ToUpperInvariant()} file, {size} bytes",
                    null, Excerpt(e.WhatItShows), 0, TriageMarks.None, null);
            }

            var s = pageSightings[k.Id];
            return new Row(
                s.Id, RowType.Sighting, Web.Incidents.IncidentWording.Moment(s.FirstSeenUtc), "Found online", s.Platform, s.Url, 0,
                TriageMarks.None, s.Status);
        }).ToList();
        return Page();
    }

    /// <summary>The address of another page of this view, keeping its filters.</summary>
    public string PageLink(int number)
    {
        var query = new List<string> { $"page={number.ToString(System.Globalization.CultureInfo.InvariantCulture)}" };
        if (Kind is not null)
        {
            query.Add("kind=" + Uri.EscapeDataString(Kind));
        }

        if (Platform is not null)
        {
            query.Add("platform=" + Uri.EscapeDataString(Platform));
        }

        return $"/cases/{CaseId}/log?{string.Join('&', query)}";
    }

    private static string Excerpt(string text) => text.Length <= 240 ? text : string.Concat(text.AsSpan(0, 240), "…");

    public enum RowType
    {
        Incident,
        Sighting,
        Evidence,
    }

    public sealed record Row(
        Guid Id, RowType Type, string When, string What, string? Platform, string Text, int Concern, TriageMarks Marks, SightingStatus? Status)
    {
        public bool IsIncident => Type == RowType.Incident;

        public string CssClass => Type.ToString().ToLowerInvariant();

        public string Path => Type switch
        {
            RowType.Incident => "log",
            RowType.Evidence => "evidence",
            _ => "sightings",
        };
    }

    private sealed class TimelineKey
    {
        public Guid Id { get; init; }

        public DateTime At { get; init; }
    }
}
