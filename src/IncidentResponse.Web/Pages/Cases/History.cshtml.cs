using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases;

/// <summary>
/// Everything that changed in the case, newest first, a page at a time, and whether the chain of changes is intact
/// (each event's hash covers the one before, so an altered or removed event shows here).
/// </summary>
[CaseOperationRequired(CaseOperation.View)]
public sealed class HistoryModel(AppDbContext db, AuditTrail audit) : CasePageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<Item> Items { get; private set; } = [];

    public AuditChainVerification Verification { get; private set; } = null!;

    public int PageNumber { get; private set; } = 1;

    public long TotalCount { get; private set; }

    public int PageCount => (int)Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    /// <summary>Who is looking: an ally sees no raw sequence numbers, no count of the whole history, and others by role.</summary>
    public CaseAudience Audience { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] int? page, CancellationToken cancellationToken)
    {
        Verification = await audit.VerifyAsync(CaseId, cancellationToken);
        Audience = await CaseAudience.LoadAsync(db, Membership, cancellationToken);
        var events = db.AuditEvents.AsNoTracking().Where(e => e.CaseId == CaseId);
        if (!Membership.IsOwner)
        {
            // An ally does not learn that private entries or files exist: their events are left out.
            var hidden = (await PrivateItems.IdsAsync(db, CaseId, cancellationToken)).ToList();
            events = events.Where(e => !hidden.Contains(e.EntityId));
        }

        TotalCount = await events.LongCountAsync(cancellationToken);
        PageNumber = Math.Clamp(page ?? 1, 1, PageCount);
        var rows = await events
            .OrderByDescending(e => e.Sequence)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(e => new
            {
                e.Sequence,
                e.OccurredUtc,
                e.Action,
                e.EntityType,
                e.EntityId,
                e.ActorId,
                Actor = db.Users.Where(u => u.Id == e.ActorId).Select(u => u.UserName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        // The owner sees each event's own number; an ally sees what they are shown numbered 1, 2, 3… from the oldest, so
        // no gap says where an event they may not see would be.
        var newest = TotalCount - ((PageNumber - 1) * PageSize);
        Items = rows.Select((e, i) => new Item(
                Audience.SeesWholeHistory ? e.Sequence : newest - i,
                e.OccurredUtc,
                e.Action,
                e.EntityType,
                e.EntityId,
                e.ActorId is null ? null : Audience.NameOf(e.ActorId, e.Actor)))
            .ToList();
        return Page();
    }

    /// <summary>Where an event's subject can be seen, for the kinds that have a page.</summary>
    public string? LinkFor(Item item) => item.EntityType switch
    {
        "Incident" when Guid.TryParse(item.EntityId, out var id) => $"/cases/{CaseId}/log/{id}",
        "Sighting" when Guid.TryParse(item.EntityId, out var id) => $"/cases/{CaseId}/sightings/{id}",
        _ => null,
    };

    public static string Describe(string action) => action switch
    {
        AuditActions.CaseOpened => "Opened the case",
        AuditActions.CaseDetailsChanged => "Changed the case details",
        AuditActions.PlanStepUpdated => "Updated a step of the plan",
        AuditActions.AssessmentDraftSaved => "Saved answers to finish later",
        AuditActions.AssessmentCompleted => "Answered the risk questions",
        AuditActions.IncidentAdded => "Added an entry to the record",
        AuditActions.IncidentEdited => "Changed an entry (the earlier version is kept)",
        AuditActions.SightingAdded => "Added a place it was found",
        AuditActions.SightingStatusChanged => "Updated where a takedown stands",
        AuditActions.CaseExported => "Downloaded everything (a copy of the whole case)",
        AuditActions.BinderMade => "Made an evidence binder",
        AuditActions.InvitationCreated => "Made an invitation link",
        AuditActions.InvitationRevoked => "Cancelled an invitation link",
        AuditActions.AllyJoined => "Joined the case",
        AuditActions.AllyLeft => "Left the case",
        AuditActions.CaseHelpersSeeEachOther => "Let the people helping see each other",
        AuditActions.CaseHelpersKeptApart => "Kept the people helping from seeing each other",
        AuditActions.CasePlaceChecksOn => "Turned on checking the places for you",
        AuditActions.CasePlaceChecksOff => "Turned off checking the places for you",
        AuditActions.CaseAgeAnswersChanged => "Changed the answers about age",
        AuditActions.EvidenceAdded => "Added an evidence file",
        AuditActions.EvidenceMadePrivate => "Made an evidence file private",
        AuditActions.EvidenceMadeShared => "Shared an evidence file with allies again",
        AuditActions.IncidentMadePrivate => "Made an entry private",
        AuditActions.IncidentMadeShared => "Shared an entry with allies again",
        AuditActions.TakedownDrafted => "Wrote a draft takedown letter",
        AuditActions.TakedownEdited => "Changed a draft takedown letter",
        AuditActions.TakedownFinalised => "Finalised a takedown letter",
        AuditActions.TakedownRevised => "Started a new version of a finalised letter",
        AuditActions.TakedownSent => "Marked a takedown letter as sent",
        AuditActions.TakedownAnswerLogged => "Noted a platform's answer to a letter",
        AuditActions.TakedownFollowUpDrafted => "Wrote a follow-up letter",
        AuditActions.AllyRoleChanged => "Changed what someone helping may do",
        AuditActions.AllyRemoved => "Removed someone from the case",
        AuditActions.AllyEvidenceImagesGranted => "Shared evidence images with someone helping",
        AuditActions.AllyEvidenceImagesWithdrawn => "Stopped sharing evidence images with someone helping",
        AuditActions.AllyExportAllowed => "Allowed someone helping to export the case",
        AuditActions.AllyExportWithdrawn => "Stopped allowing someone helping to export the case",
        AuditActions.AllyOriginalsGranted => "Gave someone helping the original evidence files",
        AuditActions.AllyOriginalsWithdrawn => "Gave someone helping copies without hidden details instead of originals",
        AuditActions.AllyRiskAssessmentShared => "Shared the risk level and safety answers with someone helping",
        AuditActions.AllyRiskAssessmentWithdrawn => "Stopped sharing the risk level and safety answers with someone helping",
        _ => "Did something on the case",
    };

    /// <param name="Number">The event's number as this person is shown it (see <see cref="OnGetAsync"/>).</param>
    public sealed record Item(long Number, DateTime OccurredUtc, string Action, string EntityType, string EntityId, string? Actor);
}
