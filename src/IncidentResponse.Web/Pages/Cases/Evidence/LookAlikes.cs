using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Evidence;

/// <summary>
/// An earlier or later file of the case that looks like the one shown: its exhibit number, where it was found (as its
/// page says it) and the entry it belongs to, so the person sees where the same picture has spread.
/// </summary>
public sealed record LookAlike(Guid Id, int ExhibitNumber, Guid? IncidentId, string SourceUrl, string SourceWords);

/// <summary>
/// "This looks like exhibit N" (issue 24, ADR 0032): the case's other pictures whose PDQ hashes are within the match
/// distance of this one's, turned or flipped or as they are (ADR 0032 as amended), both of enough quality. Only files this request may see are compared and numbered (the
/// privacy filter applies to the query), so a private file is never hinted at; the hashes are opened with the case's
/// key for this request only.
/// </summary>
public sealed class LookAlikes(AppDbContext db, CaseKeyring keys)
{
    /// <summary>
    /// Which of <paramref name="pictures"/> (one case's, numbered, each with a group) look like which: every pair within
    /// the same group whose hashes match, both of enough quality. A binder groups its exhibits by how they are shown, so
    /// a match never tells the reader what an obscured picture looks like by pointing at one shown in full.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, IReadOnlyList<int>>> AmongAsync<TGroup>(
        Guid caseId, IReadOnlyList<(int Number, EvidenceItem Item, TGroup Group)> pictures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pictures);
        var hashed = pictures.Where(p => p.Item is { PerceptualHash: not null, PerceptualQuality: >= PdqHasher.MinQuality }).ToList();
        if (hashed.Count < 2)
        {
            return new Dictionary<int, IReadOnlyList<int>>();
        }

        var caseKey = await keys.UnwrapAsync(caseId, cancellationToken);
        try
        {
            var opened = hashed.Select(p => (p.Number, p.Group, Hash: PdqHashes.Open(p.Item.PerceptualHash!, p.Item.PerceptualQuality!.Value, caseKey, p.Item.Id))).ToList();
            return opened.ToDictionary(
                p => p.Number,
                p => (IReadOnlyList<int>)[.. opened
                    .Where(o => o.Number != p.Number && EqualityComparer<TGroup>.Default.Equals(o.Group, p.Group) && o.Hash.LooksLike(p.Hash))
                    .Select(o => o.Number).Order()]);
        }
        finally
        {
            CaseKeys.Destroy(caseKey);
        }
    }

    public async Task<IReadOnlyList<LookAlike>> ForAsync(EvidenceItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item is not { PerceptualHash: { } sealedHash, PerceptualQuality: >= PdqHasher.MinQuality and var quality })
        {
            return [];
        }

        var files = await db.EvidenceItems.AsNoTracking().Where(e => e.CaseId == item.CaseId)
            .Select(e => new { e.Id, e.ReceivedUtc, e.PerceptualHash, e.PerceptualQuality, e.IncidentId, e.SourceUrl, e.SourceWords })
            .ToListAsync(cancellationToken);
        var candidates = ExhibitNumbers.Assign(files, f => f.ReceivedUtc, f => f.Id)
            .Where(n => n.Item.Id != item.Id && n.Item.PerceptualHash is not null && n.Item.PerceptualQuality >= PdqHasher.MinQuality).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var caseKey = await keys.UnwrapAsync(item.CaseId, cancellationToken);
        try
        {
            var shown = PdqHashes.Open(sealedHash, quality, caseKey, item.Id);
            return [.. candidates
                .Where(n => PdqHashes.Open(n.Item.PerceptualHash!, n.Item.PerceptualQuality!.Value, caseKey, n.Item.Id).LooksLike(shown))
                .Select(n => new LookAlike(n.Item.Id, n.Number, n.Item.IncidentId, n.Item.SourceUrl, n.Item.SourceWords))];
        }
        finally
        {
            CaseKeys.Destroy(caseKey);
        }
    }
}
