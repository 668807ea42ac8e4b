using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Pages.Cases.Takedowns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Cases.Incidents;

/// <summary>
/// What the record shows: which kinds of entry (only incidents of <paramref name="IncidentKind"/>, when given), and
/// only those at <paramref name="Platform"/> (a platform key), when given. Neutral values, never free text.
/// </summary>
public sealed record TimelineFilter(bool Incidents, IncidentKind? IncidentKind, bool Sightings, bool Files, bool Letters, string? Platform, bool ContactsOnly = false);

/// <summary>One page of the record (<paramref name="PageNumber"/> is the page asked for, or the last one), and how many entries it has in all.</summary>
public sealed record TimelinePage(IReadOnlyList<TimelineRow> Rows, int PageNumber, int TotalCount);

public enum TimelineRowType
{
    Incident,
    Sighting,
    Evidence,
    TakedownSent,
    TakedownAnswer,

    /// <summary>A letter, or an answer to one, withheld from this ally: no link, no details.</summary>
    Withheld,
}

public sealed record TimelineRow(
    Guid Id, TimelineRowType Type, string When, string What, string? Platform, string Text, int Concern, TriageMarks Marks, SightingStatus? Status,
    string? Deadline = null)
{
    public static TimelineRow Withheld(DateOnly when, string what) =>
        new(Guid.Empty, TimelineRowType.Withheld, EntryWords.Date(when), what, null, "", 0, TriageMarks.None, null);

    public bool IsIncident => Type == TimelineRowType.Incident;

    public bool HasPage => Type != TimelineRowType.Withheld;

    public string CssClass => Type is TimelineRowType.TakedownSent or TimelineRowType.TakedownAnswer ? "takedown" : Type.ToString().ToLowerInvariant();

    public string Path => Type switch
    {
        TimelineRowType.Incident => "log",
        TimelineRowType.Evidence => "evidence",
        TimelineRowType.TakedownSent or TimelineRowType.TakedownAnswer => "takedowns",
        _ => "sightings",
    };
}

/// <summary>
/// The record: incidents, the places content was found, the evidence files kept, and the takedown requests sent and
/// answered, together in the order they happened, a page at a time. At most nine queries whatever the size of the case:
/// count, the page's ids, then for each kind on the page its rows (incidents with triage's few candidates, sightings,
/// files, requests sent, answers); a kind the page does not show costs nothing.
/// For an ally, up to two more find the letters withheld from them (ADR 0008).
/// </summary>
public sealed class IncidentTimelineQuery(AppDbContext db, PlatformDirectory directory, LocalTimes times, IStringLocalizer<IncidentsText> text)
{
    public const int PageSize = 50;

    /// <summary>
    /// Page <paramref name="page"/> of the case's record as <paramref name="filter"/> shows it. Someone who may not view
    /// evidence (<paramref name="canViewEvidence"/> false) sees a file's number, kind, size, time and fingerprint only.
    /// </summary>
    public async Task<TimelinePage> PageAsync(Guid caseId, bool canViewEvidence, TimelineFilter filter, int page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);

        // A letter withheld from this ally (ADR 0008) shows only as "a letter you cannot see", and never under a platform.
        var withheld = await WithheldLetters.IdsAsync(db, caseId, cancellationToken);
        var (keys, pageNumber, total) = filter == Everything
            ? await EverythingKeysAsync(caseId, page, cancellationToken)
            : await PageKeysAsync(ShownSources(caseId, filter, withheld), filter, page, cancellationToken);
        var rows = new Dictionary<(TimelineRowType, Guid), TimelineRow>();

        // Each kind's rows are read only when the page shows that kind (each method returns at once for no ids): a page
        // of entries alone costs no query for files or letters.
        var onPage = keys.ToLookup(k => k.Type, k => k.Id);
        await AddIncidentRowsAsync(caseId, [.. onPage[TimelineRowType.Incident]], rows, cancellationToken);
        await AddSightingRowsAsync(caseId, [.. onPage[TimelineRowType.Sighting]], rows, cancellationToken);
        await AddFileRowsAsync(caseId, [.. onPage[TimelineRowType.Evidence]], canViewEvidence, rows, cancellationToken);
        await AddLetterRowsAsync(caseId, [.. onPage[TimelineRowType.TakedownSent]], [.. onPage[TimelineRowType.TakedownAnswer]], withheld, rows, cancellationToken);
        return new TimelinePage(keys.Select(k => rows[(k.Type, k.Id)]).ToList(), pageNumber, total);
    }

    /// <summary>The case's entries of each kind that <paramref name="filter"/> keeps, as queries not yet run.</summary>
    private Sources ShownSources(Guid caseId, TimelineFilter filter, HashSet<Guid> withheld)
    {
        var incidents = db.Incidents.AsNoTracking().Where(i => i.CaseId == caseId);
        var sightings = db.Sightings.AsNoTracking().Where(s => s.CaseId == caseId);
        var files = db.EvidenceItems.AsNoTracking().Where(e => e.CaseId == caseId);
        var sent = db.TakedownRequests.AsNoTracking().Where(r => r.CaseId == caseId && r.SentUtc != null);
        var answers = db.TakedownResponses.AsNoTracking().Where(r => r.CaseId == caseId);
        if (filter.IncidentKind is { } only)
        {
            incidents = incidents.Where(i => i.Kind == only);
        }

        if (filter.ContactsOnly)
        {
            incidents = incidents.Where(i => i.ContactJson != null);
        }

        if (filter.Platform is { } key)
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

        return new Sources(incidents, sightings, files, sent, answers);
    }

    /// <summary>The record unfiltered: what most visits show.</summary>
    private static readonly TimelineFilter Everything = new(Incidents: true, IncidentKind: null, Sightings: true, Files: true, Letters: true, Platform: null);

    /// <summary>
    /// <see cref="PageKeysAsync"/> for the unfiltered record, with its two queries compiled once (issue 20); the same
    /// entries, in the same order, as the general path gives for <see cref="Everything"/>.
    /// </summary>
    private async Task<(List<TimelineKey> Keys, int PageNumber, int TotalCount)> EverythingKeysAsync(Guid caseId, int page, CancellationToken cancellationToken)
    {
        var total = await EverythingCount.For(db)(db, caseId, cancellationToken);
        var pageNumber = Math.Min(page, Math.Max(1, (total + PageSize - 1) / PageSize));
        var heads = await EverythingHeads.For(db)(db, caseId, pageNumber * PageSize).ToListAsync(cancellationToken);
        return (InOrder(heads, pageNumber), pageNumber, total);
    }

    private static readonly PerModel<Func<AppDbContext, Guid, CancellationToken, Task<int>>> EverythingCount = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, Guid caseId, CancellationToken _) =>
            db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c =>
                db.Incidents.Count(i => i.CaseId == caseId) + db.Sightings.Count(s => s.CaseId == caseId) + db.EvidenceItems.Count(e => e.CaseId == caseId)
                + db.TakedownRequests.Count(r => r.CaseId == caseId && r.SentUtc != null) + db.TakedownResponses.Count(a => a.CaseId == caseId))
            .Single()));

    private static readonly PerModel<Func<AppDbContext, Guid, int, IAsyncEnumerable<TimelineKey>>> EverythingHeads = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, Guid caseId, int reach) =>
            db.Incidents.AsNoTracking().Where(i => i.CaseId == caseId)
                .Select(i => new TimelineKey { Id = i.Id, At = i.OccurredSortUtc, Type = TimelineRowType.Incident }).OrderBy(k => k.At).ThenBy(k => k.Id).Take(reach)
            .Concat(db.Sightings.AsNoTracking().Where(s => s.CaseId == caseId)
                .Select(s => new TimelineKey { Id = s.Id, At = s.FirstSeenUtc, Type = TimelineRowType.Sighting }).OrderBy(k => k.At).ThenBy(k => k.Id).Take(reach))
            .Concat(db.EvidenceItems.AsNoTracking().Where(e => e.CaseId == caseId)
                .Select(e => new TimelineKey { Id = e.Id, At = e.ReceivedUtc, Type = TimelineRowType.Evidence }).OrderBy(k => k.At).ThenBy(k => k.Id).Take(reach))
            .Concat(db.TakedownRequests.AsNoTracking().Where(r => r.CaseId == caseId && r.SentUtc != null)
                .Select(r => new TimelineKey { Id = r.Id, At = r.SentUtc!.Value, Type = TimelineRowType.TakedownSent }).OrderBy(k => k.At).ThenBy(k => k.Id).Take(reach))
            .Concat(db.TakedownResponses.AsNoTracking().Where(a => a.CaseId == caseId)
                .Select(a => new TimelineKey { Id = a.Id, At = a.ReceivedUtc, Type = TimelineRowType.TakedownAnswer }).OrderBy(k => k.At).ThenBy(k => k.Id).Take(reach))));

    /// <summary>Page <paramref name="pageNumber"/> of the kinds' heads merged in the record's order.</summary>
    private static List<TimelineKey> InOrder(List<TimelineKey> heads, int pageNumber) =>
        heads.OrderBy(k => k.At).ThenBy(k => k.Type).ThenBy(k => k.Id.ToString("D"), StringComparer.Ordinal)
            .Skip((pageNumber - 1) * PageSize).Take(PageSize)
            .ToList();

    /// <summary>How many entries are shown in all, and the ids and kinds of those on the page, in the record's order.</summary>
    private static async Task<(List<TimelineKey> Keys, int PageNumber, int TotalCount)> PageKeysAsync(
        Sources sources, TimelineFilter filter, int page, CancellationToken cancellationToken)
    {
        // Each kind's entries come from its own index on (case, moment, id) in that order, so the database reads
        // only the first entries of each kind up to the end of the page (never sorting or counting beyond it); they
        // are merged here in the same order. Filtered-out kinds are left out of the query altogether.
        var shown = new List<IQueryable<TimelineKey>>();
        if (filter.Incidents)
        {
            shown.Add(sources.Incidents.Select(i => new TimelineKey { Id = i.Id, At = i.OccurredSortUtc, Type = TimelineRowType.Incident }));
        }

        if (filter.Sightings)
        {
            shown.Add(sources.Sightings.Select(s => new TimelineKey { Id = s.Id, At = s.FirstSeenUtc, Type = TimelineRowType.Sighting }));
        }

        if (filter.Files && filter.Platform is null)
        {
            shown.Add(sources.Files.Select(e => new TimelineKey { Id = e.Id, At = e.ReceivedUtc, Type = TimelineRowType.Evidence }));
        }

        if (filter.Letters)
        {
            shown.Add(sources.Sent.Select(r => new TimelineKey { Id = r.Id, At = r.SentUtc!.Value, Type = TimelineRowType.TakedownSent }));
            shown.Add(sources.Answers.Select(a => new TimelineKey { Id = a.Id, At = a.ReceivedUtc, Type = TimelineRowType.TakedownAnswer }));
        }

        var total = await shown.Aggregate(Queryable.Concat).CountAsync(cancellationToken);
        var pageNumber = Math.Min(page, Math.Max(1, (total + PageSize - 1) / PageSize));
        var reach = pageNumber * PageSize;
        var heads = await shown.Select(q => q.OrderBy(k => k.At).ThenBy(k => k.Id).Take(reach)).Aggregate(Queryable.Concat)
            .ToListAsync(cancellationToken);
        return (InOrder(heads, pageNumber), pageNumber, total);
    }

    private async Task AddIncidentRowsAsync(Guid caseId, List<Guid> ids, Dictionary<(TimelineRowType, Guid), TimelineRow> rows, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var incidents = await TimelineQueries.Incidents.For(db)(db, caseId, ids).ToListAsync(cancellationToken);
        var marks = await TriageMarksAsync(caseId, cancellationToken);
        foreach (var i in incidents)
        {
            rows[(TimelineRowType.Incident, i.Id)] = new TimelineRow(
                i.Id, TimelineRowType.Incident, EntryWords.When(i.OccurredOn, i.OccurredAt, i.TimeZone, i.SeriesEndOn),
                IncidentKinds.DisplayNameShown(i.Kind), i.Platform, Excerpt(i.Narrative), i.Concern, marks.GetValueOrDefault(i.Id), null,
                ContactDetails.FromJson(i.ContactJson) is { DeadlineOn: { } on } contact ? EntryWords.Deadline(on, contact.DeadlineAt, i.TimeZone) : null);
        }
    }

    /// <summary>
    /// Triage looks at the whole case, not the filtered page: "most recent" means most recent of everything. Only the
    /// few candidates each mark could go to are read (with room for ties), so this costs the same at 10 incidents as at
    /// 5,000; Triage then decides among them exactly as it would among all.
    /// </summary>
    private async Task<IReadOnlyDictionary<Guid, TriageMarks>> TriageMarksAsync(Guid caseId, CancellationToken cancellationToken)
    {
        const int room = 4;
        var candidates = await TimelineQueries.TriageCandidates.For(db)(db, caseId, room, Triage.RecentCount * room, Triage.ConcerningCount * room)
            .ToListAsync(cancellationToken);
        return Triage.Mark(candidates.DistinctBy(i => i.Id));
    }

    private async Task AddSightingRowsAsync(Guid caseId, List<Guid> ids, Dictionary<(TimelineRowType, Guid), TimelineRow> rows, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var sightings = await TimelineQueries.Sightings.For(db)(db, caseId, ids).ToListAsync(cancellationToken);
        foreach (var s in sightings)
        {
            rows[(TimelineRowType.Sighting, s.Id)] = new TimelineRow(
                s.Id, TimelineRowType.Sighting, EntryWords.Date(DateOnly.FromDateTime(s.FirstSeenUtc)), text["Timeline.FoundOnline"], s.Platform, s.Url, 0,
                TriageMarks.None, s.Status);
        }
    }

    private async Task AddFileRowsAsync(
        Guid caseId, List<Guid> ids, bool canViewEvidence, Dictionary<(TimelineRowType, Guid), TimelineRow> rows, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var files = await TimelineQueries.Files.For(db)(db, caseId, ids, canViewEvidence).ToListAsync(cancellationToken);

        // Someone the owner has not shown evidence images gets a file's number, kind, size, time and fingerprint only:
        // never what it shows. Its number is its exhibit number among the files they can see (ids and times only).
        var exhibitNumbers = canViewEvidence || files.Count == 0
            ? new Dictionary<Guid, int>()
            : ExhibitNumbers.Assign(
                    await db.EvidenceItems.AsNoTracking().Where(e => e.CaseId == caseId).Select(e => new { e.Id, e.ReceivedUtc }).ToListAsync(cancellationToken),
                    e => e.ReceivedUtc,
                    e => e.Id)
                .ToDictionary(e => e.Item.Id, e => e.Number);
        foreach (var e in files)
        {
            var fileKind = EvidenceKinds.Describe(e.Kind).FileExtension.ToUpperInvariant();
            rows[(TimelineRowType.Evidence, e.Id)] = canViewEvidence
                ? new TimelineRow(
                    e.Id, TimelineRowType.Evidence, times.Moment(e.ReceivedUtc),
                    text["Timeline.EvidenceKept", fileKind, e.Length], null, Excerpt(e.WhatItShows), 0, TriageMarks.None, null)
                : new TimelineRow(
                    e.Id, TimelineRowType.Evidence, times.Moment(e.ReceivedUtc),
                    text["Timeline.EvidenceWithheld", exhibitNumbers[e.Id]],
                    null, text["Timeline.FileWithheldText", fileKind, e.Length, Convert.ToHexStringLower(e.Sha256)], 0, TriageMarks.None, null);
        }
    }

    private async Task AddLetterRowsAsync(
        Guid caseId, List<Guid> sentIds, List<Guid> answerIds, HashSet<Guid> withheld, Dictionary<(TimelineRowType, Guid), TimelineRow> rows,
        CancellationToken cancellationToken)
    {
        var sent = sentIds.Count == 0 ? [] : await TimelineQueries.Sent.For(db)(db, caseId, sentIds).ToListAsync(cancellationToken);
        var answers = answerIds.Count == 0 ? [] : await TimelineQueries.Answers.For(db)(db, caseId, answerIds).ToListAsync(cancellationToken);
        foreach (var r in sent)
        {
            var reference = (r.Reference is null ? "" : text["Timeline.TheirReference", r.Reference]) + (r.HasConfirmation ? text["Timeline.ConfirmationKept"] : "");
            rows[(TimelineRowType.TakedownSent, r.Id)] = withheld.Contains(r.Id)
                ? TimelineRow.Withheld(r.SentOn!.Value, text["Timeline.WithheldLetter"])
                : new TimelineRow(
                    r.Id, TimelineRowType.TakedownSent, EntryWords.Date(r.SentOn!.Value),
                    text[r.FollowsUpId is null ? "Timeline.RequestSent" : "Timeline.FollowUpSent", directory.Get(r.PlatformId).Name],
                    null, LetterTitle(r.Kind) + reference, 0, TriageMarks.None, null);
        }

        foreach (var a in answers)
        {
            rows[(TimelineRowType.TakedownAnswer, a.Id)] = withheld.Contains(a.RequestId)
                ? TimelineRow.Withheld(a.ReceivedOn, text["Timeline.WithheldAnswer"])
                : new TimelineRow(
                    a.RequestId, TimelineRowType.TakedownAnswer, EntryWords.Date(a.ReceivedOn),
                    text["Timeline.AnswerFrom", directory.Get(a.RequestPlatformId).Name, text["Timeline.Outcome." + a.Outcome]],
                    null, LetterTitle(a.RequestKind), 0, TriageMarks.None, null);
        }
    }

    /// <summary>A letter's kind in the page's words (<see cref="LetterComposer.TitleOf"/> is the letter's own, in English).</summary>
    private string LetterTitle(LetterKind kind) => text["Timeline.Letter." + kind];

    /// <summary>The takedown recipient (<see cref="PlatformDirectory"/> id) for a platform filter key.</summary>
    private static string TakedownPlatformId(string platformKey) => platformKey switch
    {
        "google" => "google-search",
        Platforms.Other => PlatformDirectory.OtherHostId,
        _ => platformKey,
    };

    private static string Excerpt(string text) => text.Length <= 240 ? text : string.Concat(text.AsSpan(0, 240), "…");

    private sealed record Sources(
        IQueryable<Incident> Incidents, IQueryable<Sighting> Sightings, IQueryable<EvidenceItem> Files, IQueryable<TakedownRequest> Sent, IQueryable<TakedownResponse> Answers);

    private sealed class TimelineKey
    {
        public Guid Id { get; init; }

        public DateTime At { get; init; }

        public TimelineRowType Type { get; init; }
    }
}
