using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Takedowns;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Incidents;

/// <summary>
/// The record's queries that do not change with its filter, compiled once per model (<see cref="PerModel{TQuery}"/>):
/// a record page runs them all, and building and parameterising their trees each time cost as much as running them
/// (issue 20). The privacy filter applies in each, as in any query of the context.
/// </summary>
internal static class TimelineQueries
{
    public static readonly PerModel<Func<AppDbContext, Guid, List<Guid>, IAsyncEnumerable<IncidentRow>>> Incidents = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, Guid caseId, List<Guid> ids) =>
            db.Incidents.AsNoTracking()
                .Where(i => i.CaseId == caseId && ids.Contains(i.Id))
                .Select(i => new IncidentRow(i.Id, i.Kind, i.OccurredOn, i.OccurredAt, i.TimeZone, i.SeriesEndOn, i.Platform, i.Narrative, i.Concern, i.ContactJson))));

    /// <summary>Triage's few candidates (see <c>IncidentTimelineQuery.TriageMarksAsync</c>), <paramref name="room"/> to a place.</summary>
    public static readonly PerModel<Func<AppDbContext, Guid, int, int, int, IAsyncEnumerable<TriageInput>>> TriageCandidates = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, Guid caseId, int room, int recent, int concerning) =>
            db.Incidents.AsNoTracking().Where(i => i.CaseId == caseId && i.Kind == IncidentKind.Post)
                    .OrderBy(i => i.OccurredSortUtc).ThenBy(i => i.CreatedUtc).Take(room)
                .Concat(db.Incidents.AsNoTracking().Where(i => i.CaseId == caseId)
                    .OrderByDescending(i => i.SeriesEndOn ?? i.OccurredOn).ThenByDescending(i => i.OccurredSortUtc)
                    .ThenByDescending(i => i.CreatedUtc).Take(recent))
                .Concat(db.Incidents.AsNoTracking().Where(i => i.CaseId == caseId && i.Concern > Incident.MinConcern)
                    .OrderByDescending(i => i.Concern).ThenByDescending(i => i.SeriesEndOn ?? i.OccurredOn)
                    .ThenByDescending(i => i.OccurredSortUtc).ThenByDescending(i => i.CreatedUtc).Take(concerning))
                .Select(i => new TriageInput(i.Id, i.Kind, i.OccurredSortUtc, i.SeriesEndOn ?? i.OccurredOn, i.Concern, i.CreatedUtc))));

    public static readonly PerModel<Func<AppDbContext, Guid, List<Guid>, IAsyncEnumerable<SightingRow>>> Sightings = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, Guid caseId, List<Guid> ids) =>
            db.Sightings.AsNoTracking()
                .Where(s => s.CaseId == caseId && ids.Contains(s.Id))
                .Select(s => new SightingRow(s.Id, s.Url, s.Platform, s.Status, s.FirstSeenUtc))));

    public static readonly PerModel<Func<AppDbContext, Guid, List<Guid>, bool, IAsyncEnumerable<FileRow>>> Files = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, Guid caseId, List<Guid> ids, bool canViewEvidence) =>
            db.EvidenceItems.AsNoTracking()
                .Where(e => e.CaseId == caseId && ids.Contains(e.Id))
                .Select(e => new FileRow(e.Id, e.Kind, e.Length, e.ReceivedUtc, canViewEvidence ? e.WhatItShows : "", e.Sha256))));

    public static readonly PerModel<Func<AppDbContext, Guid, List<Guid>, IAsyncEnumerable<SentRow>>> Sent = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, Guid caseId, List<Guid> ids) =>
            db.TakedownRequests.AsNoTracking()
                .Where(r => r.CaseId == caseId && ids.Contains(r.Id))
                .Select(r => new SentRow(r.Id, r.Kind, r.PlatformId, r.SentOn, r.Reference, r.Confirmation != null, r.FollowsUpId))));

    public static readonly PerModel<Func<AppDbContext, Guid, List<Guid>, IAsyncEnumerable<AnswerRow>>> Answers = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, Guid caseId, List<Guid> ids) =>
            db.TakedownResponses.AsNoTracking()
                .Where(a => a.CaseId == caseId && ids.Contains(a.Id))
                .Select(a => new AnswerRow(
                    a.Id,
                    a.RequestId,
                    a.Outcome,
                    a.ReceivedOn,
                    db.TakedownRequests.Where(r => r.Id == a.RequestId).Select(r => r.Kind).First(),
                    db.TakedownRequests.Where(r => r.Id == a.RequestId).Select(r => r.PlatformId).First()))));

    public sealed record IncidentRow(
        Guid Id, IncidentKind Kind, DateOnly OccurredOn, TimeOnly? OccurredAt, string TimeZone, DateOnly? SeriesEndOn, string Platform,
        string Narrative, int Concern, string? ContactJson);

    public sealed record SightingRow(Guid Id, string Url, string Platform, SightingStatus Status, DateTime FirstSeenUtc);

    public sealed record FileRow(Guid Id, EvidenceKind Kind, long Length, DateTime ReceivedUtc, string WhatItShows, byte[] Sha256);

    public sealed record SentRow(Guid Id, LetterKind Kind, string PlatformId, DateOnly? SentOn, string? Reference, bool HasConfirmation, Guid? FollowsUpId);

    public sealed record AnswerRow(Guid Id, Guid RequestId, TakedownOutcome Outcome, DateOnly ReceivedOn, LetterKind RequestKind, string RequestPlatformId);
}
