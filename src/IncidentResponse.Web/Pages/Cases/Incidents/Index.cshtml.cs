using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Takedowns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Incidents;

/// <summary>
/// The record: incidents, the places content was found, the evidence files kept, and the takedown requests sent and
/// answered, together in the order they happened, a page at a time. Nine queries whatever the size of the case:
/// count, the page's ids, its incidents, sightings, files, requests sent and answers, and triage's few candidates.
/// For an ally, up to two more find the letters withheld from them (ADR 0008).
/// Filters are neutral values (a kind, a platform key), never free text.
/// </summary>
[CaseOperationRequired(CaseOperation.View)]
public sealed class IndexModel(AppDbContext db, PlatformDirectory directory, LocalTimes times) : CasePageModel
{
    public const int PageSize = 50;

    /// <summary>The "kind" filter value that shows only places the content was found.</summary>
    public const string SightingsOnly = "Sighting";

    /// <summary>The "kind" filter value that shows only evidence files.</summary>
    public const string EvidenceOnly = "Evidence";

    /// <summary>The "kind" filter value that shows only takedown requests sent and the answers to them.</summary>
    public const string TakedownsOnly = "Takedown";

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
        Kind = incidentKind?.ToString() ?? (kind is SightingsOnly or EvidenceOnly or TakedownsOnly ? kind : null);
        Platform = Platforms.IsKnown(platform) ? platform : null;
        PageNumber = Math.Max(1, page ?? 1);

        var incidents = db.Incidents.AsNoTracking().Where(i => i.CaseId == CaseId);
        var sightings = db.Sightings.AsNoTracking().Where(s => s.CaseId == CaseId);
        var files = db.EvidenceItems.AsNoTracking().Where(e => e.CaseId == CaseId);
        var sent = db.TakedownRequests.AsNoTracking().Where(r => r.CaseId == CaseId && r.SentUtc != null);
        var answers = db.TakedownResponses.AsNoTracking().Where(r => r.CaseId == CaseId);
        if (incidentKind is { } only)
        {
            incidents = incidents.Where(i => i.Kind == only);
        }

        // A letter withheld from this ally (ADR 0008) shows only as "a letter you cannot see", and never under a platform.
        var withheld = await WithheldLetters.IdsAsync(db, CaseId, cancellationToken);
        if (Platform is { } key)
        {
            if (withheld.Count > 0)
            {
                sent = sent.Where(r => !withheld.Contains(r.Id));
                answers = answers.Where(a => !withheld.Contains(a.RequestId));
            }

            var recipient = TakedownPlatformId(key);
            incidents = incidents.Where(i => i.Platform == key);
            sightings = sightings.Where(s => s.Platform == key);
            sent = sent.Where(r => r.PlatformId == recipient);
            answers = answers.Where(a => db.TakedownRequests.Any(r => r.Id == a.RequestId && r.PlatformId == recipient));
        }

        // Each kind's entries come from its own index on (case, moment, id) in that order, so the database reads
        // only the first entries of each kind up to the end of the page (never sorting or counting beyond it); they
        // are merged here in the same order. Filtered-out kinds are left out of the query altogether.
        var shown = new List<IQueryable<TimelineKey>>();
        if (Kind is null || incidentKind is not null)
        {
            shown.Add(incidents.Select(i => new TimelineKey { Id = i.Id, At = i.OccurredSortUtc, Type = RowType.Incident }));
        }

        if (Kind is null or SightingsOnly)
        {
            shown.Add(sightings.Select(s => new TimelineKey { Id = s.Id, At = s.FirstSeenUtc, Type = RowType.Sighting }));
        }

        if (Kind is null or EvidenceOnly && Platform is null)
        {
            shown.Add(files.Select(e => new TimelineKey { Id = e.Id, At = e.ReceivedUtc, Type = RowType.Evidence }));
        }

        if (Kind is null or TakedownsOnly)
        {
            shown.Add(sent.Select(r => new TimelineKey { Id = r.Id, At = r.SentUtc!.Value, Type = RowType.TakedownSent }));
            shown.Add(answers.Select(a => new TimelineKey { Id = a.Id, At = a.ReceivedUtc, Type = RowType.TakedownAnswer }));
        }

        var counted = shown.Aggregate(Queryable.Concat);
        TotalCount = await counted.CountAsync(cancellationToken);
        PageNumber = Math.Min(PageNumber, PageCount);
        var reach = PageNumber * PageSize;
        var heads = await shown.Select(q => q.OrderBy(k => k.At).ThenBy(k => k.Id).Take(reach)).Aggregate(Queryable.Concat)
            .ToListAsync(cancellationToken);
        var keys = heads.OrderBy(k => k.At).ThenBy(k => k.Type).ThenBy(k => k.Id.ToString("D"), StringComparer.Ordinal)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .ToList();
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
            .Select(e => new { e.Id, e.Kind, e.Length, e.ReceivedUtc, WhatItShows = CanViewEvidence ? e.WhatItShows : "", e.Sha256 })
            .ToDictionaryAsync(e => e.Id, cancellationToken);

        // Someone the owner has not shown evidence images gets a file's number, kind, size, time and fingerprint only:
        // never what it shows. Its number is its exhibit number among the files they can see (ids and times only).
        var exhibitNumbers = CanViewEvidence || pageFiles.Count == 0
            ? new Dictionary<Guid, int>()
            : (await db.EvidenceItems.AsNoTracking().Where(e => e.CaseId == CaseId)
                .Select(e => new { e.Id, e.ReceivedUtc }).ToListAsync(cancellationToken))
                .OrderBy(e => e.ReceivedUtc).ThenBy(e => e.Id)
                .Select((e, i) => (e.Id, Number: i + 1)).ToDictionary(e => e.Id, e => e.Number);
        var pageSent = await db.TakedownRequests.AsNoTracking()
            .Where(r => r.CaseId == CaseId && ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Kind, r.PlatformId, r.SentOn, r.Reference, HasConfirmation = r.Confirmation != null, r.FollowsUpId })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var pageAnswers = await db.TakedownResponses.AsNoTracking()
            .Where(a => a.CaseId == CaseId && ids.Contains(a.Id))
            .Select(a => new
            {
                a.Id,
                a.RequestId,
                a.Outcome,
                a.ReceivedOn,
                Request = db.TakedownRequests.Where(r => r.Id == a.RequestId).Select(r => new { r.Kind, r.PlatformId }).First(),
            })
            .ToDictionaryAsync(a => a.Id, cancellationToken);

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
            switch (k.Type)
            {
                case RowType.Incident:
                    var i = pageIncidents[k.Id];
                    return new Row(
                        i.Id, RowType.Incident, IncidentWording.When(i.OccurredOn, i.OccurredAt, i.TimeZone, i.SeriesEndOn),
                        IncidentKinds.DisplayName(i.Kind), i.Platform, Excerpt(i.Narrative), i.Concern, marks.GetValueOrDefault(i.Id), null);
                case RowType.Evidence:
                    var e = pageFiles[k.Id];
                    var size = e.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
                    var fileKind = EvidenceKinds.Describe(e.Kind).FileExtension.ToUpperInvariant();
                    return CanViewEvidence
                        ? new Row(
                            e.Id, RowType.Evidence, times.Moment(e.ReceivedUtc),
                            $"Evidence kept: {fileKind} file, {size} bytes", null, Excerpt(e.WhatItShows), 0, TriageMarks.None, null)
                        : new Row(
                            e.Id, RowType.Evidence, times.Moment(e.ReceivedUtc),
                            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Evidence file {exhibitNumbers[e.Id]}, details withheld"),
                            null, $"{fileKind} file, {size} bytes · SHA-256 {Convert.ToHexStringLower(e.Sha256)}", 0, TriageMarks.None, null);
                case RowType.TakedownSent when withheld.Contains(k.Id):
                    return Row.Withheld(pageSent[k.Id].SentOn!.Value, WithheldLetters.Placeholder);
                case RowType.TakedownAnswer when withheld.Contains(pageAnswers[k.Id].RequestId):
                    return Row.Withheld(pageAnswers[k.Id].ReceivedOn, WithheldLetters.AnswerPlaceholder);
                case RowType.TakedownSent:
                    var r = pageSent[k.Id];
                    var reference = (r.Reference is null ? "" : $" · their reference {r.Reference}") + (r.HasConfirmation ? " · confirmation kept" : "");
                    return new Row(
                        r.Id, RowType.TakedownSent, IncidentWording.Date(r.SentOn!.Value),
                        $"{(r.FollowsUpId is null ? "Takedown request" : "Follow-up")} sent to {directory.Get(r.PlatformId).Name}",
                        null, LetterComposer.TitleOf(r.Kind) + reference, 0, TriageMarks.None, null);
                case RowType.TakedownAnswer:
                    var a = pageAnswers[k.Id];
                    return new Row(
                        a.RequestId, RowType.TakedownAnswer, IncidentWording.Date(a.ReceivedOn),
                        $"Answer from {directory.Get(a.Request.PlatformId).Name}: {TakedownResponse.DisplayName(a.Outcome)}",
                        null, LetterComposer.TitleOf(a.Request.Kind), 0, TriageMarks.None, null);
                default:
                    var s = pageSightings[k.Id];
                    return new Row(
                        s.Id, RowType.Sighting, IncidentWording.Date(DateOnly.FromDateTime(s.FirstSeenUtc)), "Found online", s.Platform, s.Url, 0,
                        TriageMarks.None, s.Status);
            }
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

    /// <summary>The takedown recipient (<see cref="PlatformDirectory"/> id) for a platform filter key.</summary>
    private static string TakedownPlatformId(string platformKey) => platformKey switch
    {
        "google" => "google-search",
        Platforms.Other => PlatformDirectory.OtherHostId,
        _ => platformKey,
    };

    private static string Excerpt(string text) => text.Length <= 240 ? text : string.Concat(text.AsSpan(0, 240), "…");

    public enum RowType
    {
        Incident,
        Sighting,
        Evidence,
        TakedownSent,
        TakedownAnswer,

        /// <summary>A letter, or an answer to one, withheld from this ally: no link, no details.</summary>
        Withheld,
    }

    public sealed record Row(
        Guid Id, RowType Type, string When, string What, string? Platform, string Text, int Concern, TriageMarks Marks, SightingStatus? Status)
    {
        public static Row Withheld(DateOnly when, string what) =>
            new(Guid.Empty, RowType.Withheld, IncidentWording.Date(when), what, null, "", 0, TriageMarks.None, null);

        public bool IsIncident => Type == RowType.Incident;

        public bool HasPage => Type != RowType.Withheld;

        public string CssClass => Type is RowType.TakedownSent or RowType.TakedownAnswer ? "takedown" : Type.ToString().ToLowerInvariant();

        public string Path => Type switch
        {
            RowType.Incident => "log",
            RowType.Evidence => "evidence",
            RowType.TakedownSent or RowType.TakedownAnswer => "takedowns",
            _ => "sightings",
        };
    }

    private sealed class TimelineKey
    {
        public Guid Id { get; init; }

        public DateTime At { get; init; }

        public RowType Type { get; init; }
    }
}
