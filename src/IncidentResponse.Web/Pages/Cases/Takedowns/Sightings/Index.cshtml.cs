using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Takedowns.Sightings;

/// <summary>Every place the content was found, with where each takedown stands; still-open ones first.</summary>
[CaseOperationRequired(CaseOperation.View)]
public sealed class IndexModel(AppDbContext db, AuditTrail audit) : CasePageModel
{
    public const int PageSize = 100;

    public IReadOnlyList<Item> Items { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int TotalCount { get; private set; }

    public int RemovedCount { get; private set; }

    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    /// <summary>How many were just added (a count only: the addresses themselves never go in a URL).</summary>
    public int? Added { get; private set; }

    public bool CanAdd => Membership.Can(CaseOperation.AddEntry);

    /// <summary>The owner may turn the server's re-checks of pending places on or off (issue 24).</summary>
    public bool CanChoosePlaceChecks => Membership.Can(CaseOperation.ChoosePlaceChecks);

    public bool PlaceChecksOn { get; private set; }

    /// <summary>The owner turns re-checks on or off; the round picks the places up within minutes.</summary>
    [CaseOperationRequired(CaseOperation.ChoosePlaceChecks)]
    public async Task<IActionResult> OnPostPlaceChecksAsync(bool on, CancellationToken cancellationToken)
    {
        var theCase = await db.Cases.SingleAsync(c => c.Id == CaseId, cancellationToken);
        if (theCase.PlaceChecksOn != on)
        {
            theCase.PlaceChecksOn = on;
            await audit.RecordAsync(CaseId, User.UserId(), on ? AuditActions.CasePlaceChecksOn : AuditActions.CasePlaceChecksOff, nameof(Case), CaseId.ToString(), cancellationToken: cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Redirect($"/cases/{CaseId}/sightings");
    }

    public async Task<IActionResult> OnGetAsync([FromQuery] int? page, [FromQuery] int? added, CancellationToken cancellationToken)
    {
        Added = added is > 0 ? added : null;
        // The counts and the owner's choice in one query: the page's cost does not grow with the feature.
        var summary = await db.Cases.AsNoTracking()
            .Where(c => c.Id == CaseId)
            .Select(c => new
            {
                c.PlaceChecksOn,
                Total = db.Sightings.Count(s => s.CaseId == CaseId),
                Removed = db.Sightings.Count(s => s.CaseId == CaseId && s.Status == SightingStatus.Removed),
            })
            .SingleAsync(cancellationToken);
        TotalCount = summary.Total;
        RemovedCount = summary.Removed;
        PlaceChecksOn = CanChoosePlaceChecks && summary.PlaceChecksOn;
        PageNumber = Math.Clamp(page ?? 1, 1, PageCount);
        Items = await db.Sightings.AsNoTracking()
            .Where(s => s.CaseId == CaseId)
            .OrderBy(s => s.Status == SightingStatus.Removed).ThenByDescending(s => s.LastCheckedUtc).ThenBy(s => s.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(s => new Item(s.Id, s.Url, s.Platform, s.Status, s.FirstSeenUtc, s.LastCheckedUtc))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public sealed record Item(Guid Id, string Url, string Platform, SightingStatus Status, DateTime FirstSeenUtc, DateTime LastCheckedUtc);
}
