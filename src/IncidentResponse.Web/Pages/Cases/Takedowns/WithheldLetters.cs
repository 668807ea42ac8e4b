using IncidentResponse.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Takedowns;

/// <summary>
/// Letters withheld from the person looking (ADR 0008). A finalised letter's text is frozen (ADR 0007) and names every
/// place it covers, so while one of those places is hidden from this request (a place of a private entry, whether it
/// became private before or after the letter was finalised) the letter is withheld whole: its own pages and downloads
/// answer 404, a list shows only <see cref="Placeholder"/>, and the binder and the ZIP leave it out. A draft is
/// composed afresh for whoever reads it, from the places they can see, so a draft is never withheld.
/// </summary>
public static class WithheldLetters
{
    /// <summary>All a list says of a withheld letter.</summary>
    public const string Placeholder = "A letter you cannot see";

    /// <summary>All a timeline says of an answer to a withheld letter (its reason and note may name the place).</summary>
    public const string AnswerPlaceholder = "An answer about a letter you cannot see";

    /// <summary>The case's finalised letters that name a place hidden from this request; none for the owner.</summary>
    public static Task<HashSet<Guid>> IdsAsync(AppDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        CoveringHiddenPlacesAsync(db, caseId, requestId: null, finalisedOnly: true, cancellationToken);

    /// <summary>True when this request may not see the letter <paramref name="requestId"/> (see <see cref="IdsAsync"/>).</summary>
    public static async Task<bool> IsWithheldAsync(AppDbContext db, Guid caseId, Guid requestId, CancellationToken cancellationToken) =>
        (await CoveringHiddenPlacesAsync(db, caseId, requestId, finalisedOnly: true, cancellationToken)).Count > 0;

    /// <summary>
    /// True when the letter, draft or not, covers a place hidden from this request: someone who cannot see all it covers
    /// cannot finalise it (the text they would fix leaves out what they cannot see, and they could not read it after).
    /// </summary>
    public static async Task<bool> CoversHiddenPlacesAsync(AppDbContext db, Guid caseId, Guid requestId, CancellationToken cancellationToken) =>
        (await CoveringHiddenPlacesAsync(db, caseId, requestId, finalisedOnly: false, cancellationToken)).Count > 0;

    private static async Task<HashSet<Guid>> CoveringHiddenPlacesAsync(
        AppDbContext db, Guid caseId, Guid? requestId, bool finalisedOnly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.ShowPrivateItems)
        {
            return [];
        }

        // Every place each letter covers, hidden or not (the filter would drop the hidden ones), then which of those
        // places this request can see: the privacy filter itself decides what is hidden, so this cannot drift from it.
        var covered = await db.TakedownRequestSightings.IgnoreQueryFilters().AsNoTracking()
            .Where(rs => db.TakedownRequests.Any(r => r.Id == rs.RequestId && r.CaseId == caseId
                && (requestId == null || r.Id == requestId) && (!finalisedOnly || r.FinalText != null)))
            .Select(rs => new { rs.RequestId, rs.SightingId })
            .ToListAsync(cancellationToken);
        if (covered.Count == 0)
        {
            return [];
        }

        var places = covered.Select(c => c.SightingId).Distinct().ToList();
        var visible = (await db.Sightings.AsNoTracking()
            .Where(s => s.CaseId == caseId && places.Contains(s.Id))
            .Select(s => s.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
        return covered.Where(c => !visible.Contains(c.SightingId)).Select(c => c.RequestId).ToHashSet();
    }
}
