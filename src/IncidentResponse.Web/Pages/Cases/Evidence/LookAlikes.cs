using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Evidence;

/// <summary>An earlier or later file of the case that looks like the one shown, by its exhibit number.</summary>
public sealed record LookAlike(Guid Id, int ExhibitNumber);

/// <summary>
/// "This looks like exhibit N" (issue 24, ADR 0032): the case's other pictures whose PDQ hashes are within the match
/// distance of this one's, both of enough quality. Only files this request may see are compared and numbered (the
/// privacy filter applies to the query), so a private file is never hinted at; the hashes are opened with the case's
/// key for this request only.
/// </summary>
public sealed class LookAlikes(AppDbContext db, CaseKeyring keys)
{
    public async Task<IReadOnlyList<LookAlike>> ForAsync(EvidenceItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item is not { PerceptualHash: { } sealedHash, PerceptualQuality: >= PdqHasher.MinQuality and var quality })
        {
            return [];
        }

        var files = await db.EvidenceItems.AsNoTracking().Where(e => e.CaseId == item.CaseId)
            .Select(e => new { e.Id, e.ReceivedUtc, e.PerceptualHash, e.PerceptualQuality })
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
            var shown = PdqHash.Open(sealedHash, quality, caseKey, item.Id);
            return [.. candidates
                .Where(n => PdqHash.Open(n.Item.PerceptualHash!, n.Item.PerceptualQuality!.Value, caseKey, n.Item.Id).LooksLike(shown))
                .Select(n => new LookAlike(n.Item.Id, n.Number))];
        }
        finally
        {
            CaseKeys.Destroy(caseKey);
        }
    }
}
