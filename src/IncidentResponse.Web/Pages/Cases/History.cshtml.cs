using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Cases;

/// <summary>
/// Everything that changed in the case, newest first, a page at a time, and whether the chain of changes is intact
/// (each event's hash covers the one before, so an altered or removed event shows here).
/// </summary>
[CaseOperationRequired(CaseOperation.View)]
public sealed class HistoryModel(AppDbContext db, AuditTrail audit, IStringLocalizer<CasesText> text) : CasePageModel
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

    /// <summary>An event in words, in the request's language.</summary>
    public string Describe(string action) => text[DescribeKey(action)];

    /// <summary>The key of an event's words in <c>CasesText</c> (<c>Event.Unknown</c> for a code without words).</summary>
    public static string DescribeKey(string action) => action switch
    {
        AuditActions.CaseOpened => "Event.CaseOpened",
        AuditActions.CaseDetailsChanged => "Event.CaseDetailsChanged",
        AuditActions.PlanStepUpdated => "Event.PlanStepUpdated",
        AuditActions.AssessmentDraftSaved => "Event.AssessmentDraftSaved",
        AuditActions.AssessmentCompleted => "Event.AssessmentCompleted",
        AuditActions.IncidentAdded => "Event.IncidentAdded",
        AuditActions.IncidentEdited => "Event.IncidentEdited",
        AuditActions.SightingAdded => "Event.SightingAdded",
        AuditActions.SightingStatusChanged => "Event.SightingStatusChanged",
        AuditActions.CaseExported => "Event.CaseExported",
        AuditActions.BinderMade => "Event.BinderMade",
        AuditActions.InvitationCreated => "Event.InvitationCreated",
        AuditActions.InvitationRevoked => "Event.InvitationRevoked",
        AuditActions.AllyJoined => "Event.AllyJoined",
        AuditActions.AllyLeft => "Event.AllyLeft",
        AuditActions.CaseHelpersSeeEachOther => "Event.CaseHelpersSeeEachOther",
        AuditActions.CaseHelpersKeptApart => "Event.CaseHelpersKeptApart",
        AuditActions.CasePlaceChecksOn => "Event.CasePlaceChecksOn",
        AuditActions.CasePlaceChecksOff => "Event.CasePlaceChecksOff",
        AuditActions.CaseAgeAnswersChanged => "Event.CaseAgeAnswersChanged",
        AuditActions.EvidenceAdded => "Event.EvidenceAdded",
        AuditActions.EvidenceMadePrivate => "Event.EvidenceMadePrivate",
        AuditActions.EvidenceMadeShared => "Event.EvidenceMadeShared",
        AuditActions.IncidentMadePrivate => "Event.IncidentMadePrivate",
        AuditActions.IncidentMadeShared => "Event.IncidentMadeShared",
        AuditActions.TakedownDrafted => "Event.TakedownDrafted",
        AuditActions.TakedownEdited => "Event.TakedownEdited",
        AuditActions.TakedownFinalised => "Event.TakedownFinalised",
        AuditActions.TakedownRevised => "Event.TakedownRevised",
        AuditActions.TakedownSent => "Event.TakedownSent",
        AuditActions.TakedownAnswerLogged => "Event.TakedownAnswerLogged",
        AuditActions.TakedownFollowUpDrafted => "Event.TakedownFollowUpDrafted",
        AuditActions.AllyRoleChanged => "Event.AllyRoleChanged",
        AuditActions.AllyRemoved => "Event.AllyRemoved",
        AuditActions.AllyEvidenceImagesGranted => "Event.AllyEvidenceImagesGranted",
        AuditActions.AllyEvidenceImagesWithdrawn => "Event.AllyEvidenceImagesWithdrawn",
        AuditActions.AllyExportAllowed => "Event.AllyExportAllowed",
        AuditActions.AllyExportWithdrawn => "Event.AllyExportWithdrawn",
        AuditActions.AllyOriginalsGranted => "Event.AllyOriginalsGranted",
        AuditActions.AllyOriginalsWithdrawn => "Event.AllyOriginalsWithdrawn",
        AuditActions.AllyRiskAssessmentShared => "Event.AllyRiskAssessmentShared",
        AuditActions.AllyRiskAssessmentWithdrawn => "Event.AllyRiskAssessmentWithdrawn",
        _ => "Event.Unknown",
    };

    /// <param name="Number">The event's number as this person is shown it (see <see cref="OnGetAsync"/>).</param>
    public sealed record Item(long Number, DateTime OccurredUtc, string Action, string EntityType, string EntityId, string? Actor);
}
