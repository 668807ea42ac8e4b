using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Pages.Cases.Takedowns;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Cases;

/// <summary>
/// What the privacy filter hides, as audit events name it: the query filter keeps private rows out of every query,
/// but the case's history still names them by id, so whatever shows or exports history to an ally leaves out the
/// events about these ids.
/// </summary>
public static class PrivateItems
{
    /// <summary>The ids of the case's private entries and of everything hidden with them (a private file, a file of a
    /// private entry, a place found online of a private entry, a finalised letter naming such a place: ADR 0008),
    /// formatted as audit events hold them.</summary>
    public static async Task<HashSet<string>> IdsAsync(AppDbContext db, Guid caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var incidents = await db.Incidents.IgnoreQueryFilters()
            .Where(i => i.CaseId == caseId && i.IsPrivate).Select(i => i.Id).ToListAsync(cancellationToken);
        var files = await db.EvidenceItems.IgnoreQueryFilters()
            .Where(e => e.CaseId == caseId && (e.IsPrivate || (e.IncidentId != null && incidents.Contains(e.IncidentId.Value))))
            .Select(e => e.Id).ToListAsync(cancellationToken);
        var places = await db.Sightings.IgnoreQueryFilters()
            .Where(s => s.CaseId == caseId && s.IncidentId != null && incidents.Contains(s.IncidentId.Value))
            .Select(s => s.Id).ToListAsync(cancellationToken);
        var letters = await WithheldLetters.IdsAsync(db, caseId, cancellationToken);
        return incidents.Concat(files).Concat(places).Concat(letters).Select(id => id.ToString()).ToHashSet(StringComparer.Ordinal);
    }
}
