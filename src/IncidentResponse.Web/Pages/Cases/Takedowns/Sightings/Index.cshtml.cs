using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Web.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Takedowns.Sightings;

/// <summary>Every place the content was found, with where each takedown stands; still-open ones first.</summary>
[CaseOperationRequired(CaseOperation.View)]
public sealed class IndexModel(AppDbContext db) : CasePageModel
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

    public async Task<IActionResult> OnGetAsync([FromQuery] int? page, [FromQuery] int? added, CancellationToken cancellationToken)
    {
        Added = added is > 0 ? added : null;
        var counts = await db.Sightings.AsNoTracking()
            .Where(s => s.CaseId == CaseId)
            .GroupBy(s => s.Status == SightingStatus.Removed)
            .Select(g => new { Removed = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        TotalCount = counts.Sum(c => c.Count);
        RemovedCount = counts.Where(c => c.Removed).Sum(c => c.Count);
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
