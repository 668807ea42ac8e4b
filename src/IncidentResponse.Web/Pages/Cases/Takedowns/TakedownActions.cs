using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Takedowns;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Takedowns;

/// <summary>
/// The steps of a takedown request, each with its audit event and, where it applies, the covered sightings' status
/// change: draft, finalise, send, log an answer, and a new version or follow-up. Used by the letter pages and by
/// <c>seed-demo</c>. Nothing here saves: the caller makes the one <c>SaveChangesAsync</c>.
/// </summary>
public sealed class TakedownActions(AppDbContext db, AuditTrail audit)
{
    /// <summary>Adds a new draft.</summary>
    public async Task DraftAsync(TakedownRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        db.TakedownRequests.Add(request);
        await audit.RecordAsync(request.CaseId, request.CreatedBy, AuditActions.TakedownDrafted, nameof(TakedownRequest), request.Id.ToString(), request.Kind.ToString(), cancellationToken);
    }

    /// <summary>Fixes a draft's text (ADR 0007: never composed again afterwards).</summary>
    public async Task FinaliseAsync(TakedownRequest request, string text, Guid by, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Finalise(text, nowUtc);
        await audit.RecordAsync(request.CaseId, by, AuditActions.TakedownFinalised, nameof(TakedownRequest), request.Id.ToString(), request.Kind.ToString(), cancellationToken);
    }

    /// <summary>
    /// Records the sending at the moment the person gave, starts the deadline from it, and moves the covered places to
    /// "removal requested". Only by a channel the kind allows for this platform (<see cref="LetterChannels"/>).
    /// </summary>
    public async Task SendAsync(
        TakedownRequest request, PlatformEntry platform, DateTime sentUtc, TakedownChannel channel, string? reference, string? confirmation, Guid by,
        DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(platform);
        if (!LetterChannels.Allows(request.Kind, platform, channel))
        {
            throw new InvalidOperationException("This letter cannot be sent by that channel.");
        }

        request.MarkSent(sentUtc, channel, reference, confirmation, nowUtc);
        await audit.RecordAsync(request.CaseId, by, AuditActions.TakedownSent, nameof(TakedownRequest), request.Id.ToString(), channel.ToString(), cancellationToken);
        await MoveSightingsAsync(request, platform, SightingStatus.RemovalRequested, by, nowUtc, cancellationToken);
    }

    /// <summary>Logs what the platform did; a removal or refusal moves the covered places with it.</summary>
    public async Task<TakedownResponse> LogAnswerAsync(
        TakedownRequest request, PlatformEntry platform, DateOnly receivedOn, TakedownOutcome outcome, string? reason, string? note, Guid by,
        DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Status is not (TakedownStatus.Sent or TakedownStatus.Answered))
        {
            throw new InvalidOperationException("Only a sent letter can be answered.");
        }

        var response = TakedownResponse.Record(request, receivedOn, outcome, reason, note, by, nowUtc);
        db.TakedownResponses.Add(response);
        if (outcome != TakedownOutcome.NoAnswer)
        {
            request.Status = TakedownStatus.Answered;
            request.UpdatedUtc = nowUtc;
        }

        await audit.RecordAsync(request.CaseId, by, AuditActions.TakedownAnswerLogged, nameof(TakedownRequest), request.Id.ToString(), outcome.ToString(), cancellationToken);
        var moveTo = outcome switch
        {
            TakedownOutcome.Removed => SightingStatus.Removed,
            TakedownOutcome.Refused => SightingStatus.Refused,
            _ => (SightingStatus?)null,
        };
        if (moveTo is { } to)
        {
            await MoveSightingsAsync(request, platform, to, by, nowUtc, cancellationToken);
        }

        return response;
    }

    /// <summary>
    /// A new draft from a letter: a follow-up to a sent one, or the next version of a finalised one (which, if never
    /// sent, is marked replaced). The letter itself keeps its text.
    /// </summary>
    public async Task<TakedownRequest> CopyAsDraftAsync(TakedownRequest request, bool followUp, Guid by, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var copy = request.CopyAsDraft(followUp ? LetterKind.FollowUp : request.Kind, by, nowUtc, followUp);
        db.TakedownRequests.Add(copy);
        if (!followUp && request.Status == TakedownStatus.Final)
        {
            request.Status = TakedownStatus.Replaced;
            request.UpdatedUtc = nowUtc;
        }

        await audit.RecordAsync(request.CaseId, by, followUp ? AuditActions.TakedownFollowUpDrafted : AuditActions.TakedownRevised, nameof(TakedownRequest), copy.Id.ToString(), request.Id.ToString(), cancellationToken);
        return copy;
    }

    private async Task MoveSightingsAsync(
        TakedownRequest request, PlatformEntry platform, SightingStatus to, Guid by, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var ids = request.Sightings.Select(s => s.SightingId).ToList();
        var sightings = await db.Sightings.Where(s => s.CaseId == request.CaseId && ids.Contains(s.Id)).ToListAsync(cancellationToken);
        var note = $"{LetterComposer.TitleOf(request.Kind)} to {platform.Name}";
        foreach (var sighting in sightings)
        {
            if (sighting.ChangeStatus(to, note, by, nowUtc) is { } change)
            {
                db.SightingStatusChanges.Add(change);
                await audit.RecordAsync(request.CaseId, change.ChangedBy, AuditActions.SightingStatusChanged, nameof(Sighting), sighting.Id.ToString(), $"{change.From} -> {change.To}", cancellationToken);
            }
        }
    }
}
