using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases;

/// <summary>
/// What each person did, from the audit events, newest first, a page at a time. The owner sees every action by
/// everyone; an ally sees only their own actions (what others did, and anything about private items, is the owner's).
/// </summary>
[CaseOperationRequired(CaseOperation.View)]
public sealed class ActivityModel(AppDbContext db) : CasePageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<Item> Items { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync([FromQuery] int? page, CancellationToken cancellationToken)
    {
        var events = db.AuditEvents.AsNoTracking().Where(e => e.CaseId == CaseId);
        if (!Membership.IsOwner)
        {
            events = events.Where(e => e.ActorId == Membership.UserId);
        }

        var total = await events.LongCountAsync(cancellationToken);
        PageCount = (int)Math.Max(1, (total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(page ?? 1, 1, PageCount);
        var audience = await CaseAudience.LoadAsync(db, Membership, cancellationToken);
        var rows = await events
            .OrderByDescending(e => e.Sequence)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(e => new
            {
                e.Sequence,
                e.OccurredUtc,
                e.Action,
                e.ActorId,
                Actor = db.Users.Where(u => u.Id == e.ActorId).Select(u => u.UserName).FirstOrDefault(),
                SubjectId = e.EntityType == "CaseMember" ? e.EntityId : null,
                Subject = e.EntityType == "CaseMember" ? db.Users.Where(u => u.Id.ToString() == e.EntityId).Select(u => u.UserName).FirstOrDefault() : null,
            })
            .ToListAsync(cancellationToken);

        // An ally's own actions are numbered 1, 2, 3… from their oldest: the history's own numbers would have gaps.
        var newest = total - ((PageNumber - 1) * PageSize);
        Items = rows.Select((e, i) => new Item(
                audience.SeesWholeHistory ? e.Sequence : newest - i,
                e.OccurredUtc,
                e.Action,
                e.ActorId is null ? null : audience.NameOf(e.ActorId, e.Actor),
                Guid.TryParse(e.SubjectId, out var subject) ? audience.NameOf(subject, e.Subject) : null))
            .ToList();
        return Page();
    }

    public static string Describe(Item item) => item.Action switch
    {
        AuditActions.InvitationCreated => "Made an invitation link",
        AuditActions.InvitationRevoked => "Cancelled an invitation link",
        AuditActions.AllyJoined => "Joined the case",
        AuditActions.AllyLeft => "Left the case",
        AuditActions.AllyRoleChanged => $"Changed what {item.Subject ?? "someone"} may do",
        AuditActions.AllyRemoved => $"Removed {item.Subject ?? "someone"} from the case",
        AuditActions.AllyEvidenceImagesGranted => $"Shared evidence images with {item.Subject ?? "someone"}",
        AuditActions.AllyEvidenceImagesWithdrawn => $"Stopped sharing evidence images with {item.Subject ?? "someone"}",
        AuditActions.AllyExportAllowed => $"Allowed {item.Subject ?? "someone"} to export the case",
        AuditActions.AllyExportWithdrawn => $"Stopped allowing {item.Subject ?? "someone"} to export the case",
        AuditActions.AllyOriginalsGranted => $"Gave {item.Subject ?? "someone"} the original evidence files",
        AuditActions.AllyOriginalsWithdrawn => $"Gave {item.Subject ?? "someone"} copies without hidden details instead of originals",
        AuditActions.IncidentMadePrivate => "Made an entry private",
        AuditActions.IncidentMadeShared => "Shared an entry with allies again",
        AuditActions.EvidenceMadePrivate => "Made an evidence file private",
        AuditActions.EvidenceMadeShared => "Shared an evidence file with allies again",
        _ => HistoryModel.Describe(item.Action),
    };

    public sealed record Item(long Number, DateTime OccurredUtc, string Action, string? Actor, string? Subject);
}
