using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Evidence;

/// <summary>The case's evidence as neutral cards: no image is shown until the person asks for one.</summary>
[CaseOperationRequired(CaseOperation.ViewEvidence)]
public sealed class IndexModel(AppDbContext db) : CasePageModel
{
    public IReadOnlyList<Card> Items { get; private set; } = [];

    public bool CanAdd => Membership.Can(CaseOperation.AddEntry);

    /// <summary>The case keeps words only (<see cref="Case.WordsOnly"/>): no file is added, and none is suggested.</summary>
    public bool WordsOnly { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        WordsOnly = await db.IsWordsOnlyAsync(CaseId, cancellationToken);
        var rows = await db.EvidenceItems.AsNoTracking()
            .Where(e => e.CaseId == CaseId)
            .OrderByDescending(e => e.ReceivedUtc)
            .Select(e => new { e.Id, e.Kind, e.Length, e.Sha256, e.ReceivedUtc, e.CapturedOn, e.WhatItShows })
            .ToListAsync(cancellationToken);
        Items = rows.Select(r => new Card(r.Id, r.Kind, r.Length, Convert.ToHexStringLower(r.Sha256), r.ReceivedUtc, r.CapturedOn, r.WhatItShows)).ToList();
        return Page();
    }

    public sealed record Card(Guid Id, EvidenceKind Kind, long Length, string Sha256Hex, DateTime ReceivedUtc, DateOnly? CapturedOn, string WhatItShows)
    {
        public bool IsImage => EvidenceKinds.Describe(Kind).Category == EvidenceCategory.Image;

        public bool CanPreview => MetadataStripper.Supports(Kind);
    }
}
