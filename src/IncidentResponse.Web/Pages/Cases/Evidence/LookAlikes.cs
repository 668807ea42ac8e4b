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
        var numbered = files.OrderBy(f => f.ReceivedUtc).ThenBy(f => f.Id).Select((f, i) => (Number: i + 1, File: f)).ToList();
        var candidates = numbered.Where(n => n.File.Id != item.Id && n.File.PerceptualHash is not null && n.File.PerceptualQuality >= PdqHasher.MinQuality).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var caseKey = await keys.UnwrapAsync(item.CaseId, cancellationToken);
        try
        {
            var shown = PdqHash.Open(sealedHash, quality, caseKey, item.Id);
            return [.. candidates
                .Where(n => PdqHash.Open(n.File.PerceptualHash!, n.File.PerceptualQuality!.Value, caseKey, n.File.Id).LooksLike(shown))
                .Select(n => new LookAlike(n.File.Id, n.Number))];
        }
        finally
        {
            CaseKeys.Destroy(caseKey);
        }
    }
}
