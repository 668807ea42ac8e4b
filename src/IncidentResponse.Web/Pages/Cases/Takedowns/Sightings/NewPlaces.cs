using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Takedowns.Sightings;

/// <summary>Whether a web address could still become a place of a case: the one rule the page that adds places and its offers share.</summary>
public static class NewPlaces
{
    /// <summary>
    /// Whether <paramref name="url"/> is a web address not yet a place in the case. A private place counts too: the
    /// address is unique in the case whoever is looking.
    /// </summary>
    public static async Task<bool> IsNewAsync(AppDbContext db, Guid caseId, string url, CancellationToken cancellationToken) =>
        WebAddress.TryParse(url, out _, out var key)
        && !await db.Sightings.IgnoreQueryFilters().AnyAsync(s => s.CaseId == caseId && s.UrlKey == key, cancellationToken);
}
