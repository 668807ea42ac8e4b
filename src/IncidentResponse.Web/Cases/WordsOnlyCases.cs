using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Cases;

/// <summary>Whether a case keeps words only (<see cref="Case.WordsOnly"/>), read with its three age answers alone.</summary>
public static class WordsOnlyCases
{
    /// <summary>The case must exist (it has been authorized already); reads only the columns the rule needs.</summary>
    public static async Task<bool> IsWordsOnlyAsync(this AppDbContext db, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ages = await db.Cases.AsNoTracking()
            .Where(c => c.Id == caseId)
            .Select(c => new { c.UnderEighteenRoute, c.UnderEighteenNow, c.MadeUnderEighteen })
            .SingleAsync(cancellationToken);
        return Case.IsWordsOnly(ages.UnderEighteenRoute, ages.UnderEighteenNow, ages.MadeUnderEighteen);
    }
}
