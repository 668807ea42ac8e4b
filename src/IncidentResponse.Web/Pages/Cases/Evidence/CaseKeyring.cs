using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Evidence;

/// <summary>
/// The cases' evidence keys for one request (scoped). Each case's key is read once as stored (still wrapped, bound to
/// its case): a binder or an export over many files would otherwise query it once per file. It is unwrapped only for
/// each use, and the caller destroys it after that use (<see cref="CaseKeys.Destroy"/>).
/// </summary>
public sealed class CaseKeyring(AppDbContext db, MasterKey masterKey, TimeProvider clock)
{
    private readonly Dictionary<Guid, byte[]> _wrappedCaseKeys = [];

    /// <summary>The case's key, unwrapped.</summary>
    /// <exception cref="EvidenceIntegrityException">The case has no evidence key.</exception>
    public Task<byte[]> UnwrapAsync(Guid caseId, CancellationToken cancellationToken) =>
        CaseKeyAsync(caseId, create: false, cancellationToken);

    /// <summary>The case's key, unwrapped; created (and saved on its own) when the case has none yet.</summary>
    public Task<byte[]> UnwrapOrCreateAsync(Guid caseId, CancellationToken cancellationToken) =>
        CaseKeyAsync(caseId, create: true, cancellationToken);

    private async Task<byte[]> CaseKeyAsync(Guid caseId, bool create, CancellationToken cancellationToken)
    {
        var wrapped = _wrappedCaseKeys.GetValueOrDefault(caseId) ?? await db.CaseEvidenceKeys.AsNoTracking()
            .Where(k => k.CaseId == caseId)
            .Select(k => k.WrappedKey)
            .SingleOrDefaultAsync(cancellationToken);
        if (wrapped is not null)
        {
            _wrappedCaseKeys[caseId] = wrapped;
            return CaseKeys.Unwrap(wrapped, masterKey.CaseKeyWrapping, caseId);
        }

        if (!create)
        {
            throw new EvidenceIntegrityException("This case has no evidence key.");
        }

        var caseKey = CaseKeys.Create();
        var row = new CaseEvidenceKey
        {
            CaseId = caseId,
            WrappedKey = CaseKeys.Wrap(caseKey, masterKey.CaseKeyWrapping, caseId),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.CaseEvidenceKeys.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return caseKey;
        }
        catch (DbUpdateException)
        {
            // Another upload to this case created its key first: use that one.
            CaseKeys.Destroy(caseKey);
            db.Entry(row).State = EntityState.Detached;
            return await CaseKeyAsync(caseId, create: false, cancellationToken);
        }
    }
}
