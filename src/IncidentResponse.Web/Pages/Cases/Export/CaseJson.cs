using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Cases;

namespace IncidentResponse.Web.Pages.Cases.Export;

/// <summary>
/// <c>case.json</c>: every record of the case as <see cref="CaseReader"/> read it, shaped for the person exporting
/// (<see cref="CaseAudience"/>): who else helps, the risk assessment, private sender details and the history's size
/// are left out for those who may not see them.
/// </summary>
public sealed class CaseJson(CaseReader reader, AuditTrail audit)
{
    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The whole document, from the records already read and the exhibits as the ZIP holds them.</summary>
    public async Task<CaseExportDocument> BuildAsync(
        CaseExportRequest request, CaseAudience audience, CaseRecords records, IReadOnlyList<CaseExportEvidence> exhibits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(audience);
        ArgumentNullException.ThrowIfNull(records);
        var caseId = request.CaseId;
        var who = audience;
        var c = records.Case;
        var record = new CaseExportCase(c.Id, c.Title, c.CreatedUtc, c.UpdatedUtc, c.JurisdictionCode, c.Perpetrator, c.ThreatsReceived, c.LegalAction, c.UnderEighteenRoute);
        var members = (await reader.MembersAsync(caseId, cancellationToken))
            .Select(m => new CaseExportMember(m.Member.UserId, m.UserName, m.Member.Role, m.Member.JoinedUtc))
            .Where(m => who.Sees(m.UserId))
            .ToList();

        // The risk assessment is the owner's, and an ally's only when the owner shares it with them (ADR 0014).
        var assessments = !request.RiskAssessmentShared ? [] : records.Assessments
            .OrderBy(a => a.StartedUtc)
            .Select(a => new CaseExportAssessment(a.Id, who.IdOf(a.TakenByUserId), a.StartedUtc, a.UpdatedUtc, a.CompletedUtc, a.QuestionnaireVersion,
                ParseJson(a.AnswersJson), a.Score, a.Level, a.Signals))
            .ToList();
        var steps = (await reader.PlanStepsAsync(caseId, cancellationToken))
            .OrderBy(s => s.StepKey, StringComparer.Ordinal)
            .Select(s => new CaseExportPlanStep(s.StepKey, s.Status, who.IsOwner || s.NoteShared ? s.Note : "", s.NoteShared, s.UpdatedUtc, who.IdOf(s.UpdatedByUserId)))
            .ToList();
        var incidents = Incidents(records, (await reader.IncidentRevisionsAsync(caseId, cancellationToken)).ToLookup(r => r.IncidentId), who);
        var sightings = Sightings(records, who);
        var requests = Letters(records, request, who);

        // Someone who may not see private items (an ally allowed to export) does not learn from the history that they
        // exist: the events about them are left out, as on the history page.
        var hidden = await reader.HiddenItemIdsAsync(caseId, cancellationToken);
        var verification = audit.Verify(caseId, records.AuditEvents, records.AuditHead);
        var (events, chain) = History(records.AuditEvents, verification, hidden, request, who);
        return new CaseExportDocument(CaseExportDocument.CurrentSchemaVersion, request.ExportedUtc, request.UserId, record, members,
            assessments, steps, incidents, sightings, exhibits, requests, events, chain);
    }

    /// <summary>One file's record; for someone evidence images are not shared with, without what could describe or
    /// locate it (name, source, capture time, description, pixel size): its number, kind, size, receipt time and fingerprint stay.</summary>
    public static CaseExportEvidence Evidence(int number, string? fileName, string? problem, EvidenceItem e, CaseAudience audience, bool detailsShown)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(audience);
        return detailsShown
            ? new(e.Id, number, fileName, problem, e.Kind.ToString(), e.KindInfo.MediaType, e.OriginalFileName, e.Length, e.Sha256Hex,
                e.ReceivedUtc, audience.IdOf(e.UploadedByUserId), e.SourceUrl, e.CapturedOn, e.CapturedAtTime, e.WhatItShows, e.IncidentId, e.Width, e.Height)
            {
                SourceWords = e.SourceWords,
            }
            : new(e.Id, number, fileName, problem, e.Kind.ToString(), e.KindInfo.MediaType, "", e.Length, e.Sha256Hex,
                e.ReceivedUtc, audience.IdOf(e.UploadedByUserId), "", null, null, "", e.IncidentId, null, null, DetailsWithheld: true);
    }

    private static List<CaseExportIncident> Incidents(CaseRecords records, ILookup<Guid, Domain.Incidents.IncidentRevision> revisions, CaseAudience who) =>
        records.Incidents
            .OrderBy(i => i.OccurredSortUtc).ThenBy(i => i.CreatedUtc)
            .Select(i => new CaseExportIncident(
                i.Id, i.Kind, i.OccurredOn, i.OccurredAt, i.TimeZone, i.SeriesEndOn, i.FoundOn, i.Platform, i.Url, i.AccountHandle,
                i.Perpetrator, i.PerpetratorName, i.Narrative, i.EvidenceOfIt, i.WhoYouThink, i.EvidenceOfWho, i.EvidenceStillNeeded,
                i.Concern, i.Revision, i.CreatedUtc, who.IdOf(i.CreatedBy), i.UpdatedUtc, who.IdOf(i.UpdatedBy),
                revisions[i.Id].OrderBy(r => r.Number)
                    .Select(r => new CaseExportIncidentRevision(r.Number, r.SavedUtc, who.IdOf(r.SavedBy), r.ReplacedUtc, who.IdOf(r.ReplacedBy), ParseJson(r.SnapshotJson)))
                    .ToList(),
                i.Contact))
            .ToList();

    private static List<CaseExportSighting> Sightings(CaseRecords records, CaseAudience who)
    {
        var changes = records.StatusChanges.ToLookup(c => c.SightingId);
        return records.Sightings
            .OrderBy(s => s.FirstSeenUtc).ThenBy(s => s.Id)
            .Select(s => new CaseExportSighting(s.Id, s.IncidentId, s.Url, s.Platform, s.FirstSeenUtc, s.LastCheckedUtc, s.Status, who.IdOf(s.CreatedBy),
                changes[s.Id].OrderBy(c => c.ChangedUtc)
                    .Select(c => new CaseExportStatusChange(c.From, c.To, c.ChangedUtc, who.IdOf(c.ChangedBy), c.Note))
                    .ToList()))
            .ToList();
    }

    /// <summary>The letters this person may see (the reader left out those withheld, ADR 0008); a sender detail kept private is theirs and an advocate's.</summary>
    private static List<CaseExportTakedownRequest> Letters(CaseRecords records, CaseExportRequest request, CaseAudience who)
    {
        var responses = records.Responses.ToLookup(r => r.RequestId);
        var places = records.RequestSightings.ToLookup(rs => rs.RequestId, rs => rs.SightingId);
        var withheld = records.WithheldLetters;
        string? Sender(IdentityField field) => field.IsPrivate && !request.PrivateSenderDetailsShared ? null : field.Value;
        Guid? Unless(Guid? letter) => letter is { } id && withheld.Contains(id) ? null : letter;
        return records.Requests
            .OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id)
            .Select(r => new CaseExportTakedownRequest(
                r.Id, r.Kind, r.PlatformId, places[r.Id].Order().ToList(),
                Sender(r.Sender.Name), r.Sender.Name.IsPrivate, Sender(r.Sender.Email), r.Sender.Email.IsPrivate,
                Sender(r.Sender.PostalAddress), r.Sender.PostalAddress.IsPrivate,
                Sender(r.Sender.Phone), r.Sender.Phone.IsPrivate, r.SenderActsForPersonShown, r.GoodFaithConfirmed, r.AccuracyConfirmed, r.SignatureConfirmed,
                r.CopyrightBasis, r.CopyrightedWork, r.Reasons, r.SearchTerms, r.LetterDate, r.Status, r.FinalText, r.FinalisedUtc, r.SentOn, r.Channel,
                r.Reference, r.SentUtc, r.Confirmation, r.DueUtc, Unless(r.ReplacesId), Unless(r.FollowsUpId), who.IdOf(r.CreatedBy), r.CreatedUtc, r.UpdatedUtc,
                responses[r.Id].OrderBy(x => x.RecordedUtc)
                    .Select(x => new CaseExportTakedownResponse(x.Id, x.ReceivedOn, x.Outcome, x.Reason, x.Note, who.IdOf(x.RecordedBy), x.RecordedUtc))
                    .ToList()))
            .ToList();
    }

    private static (List<CaseExportAuditEvent> Events, CaseExportAuditChain Chain) History(
        IReadOnlyList<AuditEventRecord> all, AuditChainVerification verification, IReadOnlySet<string> hidden, CaseExportRequest request, CaseAudience who)
    {
        var headHash = all.Count == 0 ? null : Convert.ToHexStringLower(all[^1].Hash);
        if (who.SeesWholeHistory)
        {
            return (
                all.Where(e => !hidden.Contains(e.EntityId))
                    .Select(e => new CaseExportAuditEvent(e.Sequence, e.ActorId, e.OccurredUtc, e.Action, e.EntityType, e.EntityId, e.Details,
                        Convert.ToHexStringLower(e.PreviousHash), Convert.ToHexStringLower(e.Hash)))
                    .ToList(),
                new CaseExportAuditChain(verification.IsIntact, verification.EventsChecked, headHash, verification.BrokenAtSequence, verification.Explanation));
        }

        // An ally learns neither how long the history is nor where events they may not see would sit: what they see is
        // numbered from 1, without the hashes that link it (a link to an unseen event would show the gap), and the
        // server's check of the whole chain is given without its size or the raw number where it broke. Details that
        // name a hidden item (a follow-up's first letter, withheld) are left empty.
        return (
            all.Where(e => !hidden.Contains(e.EntityId))
                .Select((e, i) => new CaseExportAuditEvent(i + 1, who.IdOf(e.ActorId), e.OccurredUtc, e.Action, e.EntityType,
                    e.EntityType == "CaseMember" && Guid.TryParse(e.EntityId, out var person) ? who.IdOf(person).ToString() : e.EntityId,
                    hidden.Contains(e.Details) ? "" : HistoryWording.DetailsForAlly(e.Action, e.Details, request.RiskAssessmentShared), null, null))
                .ToList(),
            new CaseExportAuditChain(verification.IsIntact, null, headHash, null, verification.IsIntact ? null : HistoryWording.BrokenForAlly));
    }

    private static JsonElement ParseJson(string json)
    {
        using var parsed = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
        return parsed.RootElement.Clone();
    }
}
