using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Cases;

/// <summary>
/// What each person did, from the audit events, newest first, a page at a time. The owner sees every action by
/// everyone; an ally sees only their own actions (what others did, and anything about private items, is the owner's).
/// </summary>
[CaseOperationRequired(CaseOperation.View)]
public sealed class ActivityModel(AppDbContext db, IStringLocalizer<CasesText> text) : CasePageModel
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

    /// <summary>An event in words, in the request's language: naming whom it was about where the owner may see that.</summary>
    public string Describe(Item item) => Describe(item, text);

    /// <inheritdoc cref="Describe(Item)"/>
    public static string Describe(Item item, IStringLocalizer<CasesText> text)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(text);
        return item.Action switch
        {
            AuditActions.AllyRoleChanged or AuditActions.AllyRemoved or AuditActions.AllyEvidenceImagesGranted
                or AuditActions.AllyEvidenceImagesWithdrawn or AuditActions.AllyExportAllowed or AuditActions.AllyExportWithdrawn
                or AuditActions.AllyOriginalsGranted or AuditActions.AllyOriginalsWithdrawn =>
                text[SubjectKey(item.Action), item.Subject ?? text["Word.Someone"].Value],
            _ => text[HistoryModel.DescribeKey(item.Action)],
        };
    }

    /// <summary>The key of the words for an event about one person: "Changed what {0} may do".</summary>
    private static string SubjectKey(string action) => action switch
    {
        AuditActions.AllyRoleChanged => "Activity.AllyRoleChanged",
        AuditActions.AllyRemoved => "Activity.AllyRemoved",
        AuditActions.AllyEvidenceImagesGranted => "Activity.AllyEvidenceImagesGranted",
        AuditActions.AllyEvidenceImagesWithdrawn => "Activity.AllyEvidenceImagesWithdrawn",
        AuditActions.AllyExportAllowed => "Activity.AllyExportAllowed",
        AuditActions.AllyExportWithdrawn => "Activity.AllyExportWithdrawn",
        AuditActions.AllyOriginalsGranted => "Activity.AllyOriginalsGranted",
        _ => "Activity.AllyOriginalsWithdrawn",
    };

    public sealed record Item(long Number, DateTime OccurredUtc, string Action, string? Actor, string? Subject);
}
