using System.Security.Cryptography;
using System.Xml.Linq;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Security;

/// <summary>
/// Rotating the master key (the <c>rotate-master-key</c> command): re-wraps every case key and re-seals every Data
/// Protection key-ring entry under a new master key, in one transaction. Nothing else changes: evidence files stay as they are (their keys
/// are wrapped by the case keys), and cookies stay valid (the key ring's own keys are the same, only sealed anew).
/// Every intact audit history is sealed again under the new audit key (derived from the new master key).
/// Every instance must be stopped first; afterwards each starts with the new key (<c>Security:MasterKeyFile</c>).
/// </summary>
public static class MasterKeyRotation
{
    /// <summary>
    /// Re-wraps and re-seals everything under <paramref name="next"/>, in one transaction: all of it or nothing. Throws
    /// <see cref="EvidenceIntegrityException"/> or <see cref="CryptographicException"/>, having changed nothing, when a
    /// stored key does not open with <paramref name="current"/>.
    /// </summary>
    public static async Task<Counts> RotateAsync(AppDbContext db, MasterKey current, MasterKey next)
    {
        // PostgreSQL's retrying execution strategy refuses a transaction of our own unless the strategy runs it
        // (as one unit it can retry); the SQLite one runs it once.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var done = await RewrapAsync(db, current, next);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return done;
        });
    }

    private static async Task<Counts> RewrapAsync(AppDbContext db, MasterKey current, MasterKey next)
    {
        var (caseKeys, ringEntries) = (0, 0);
        foreach (var row in await db.CaseEvidenceKeys.ToListAsync())
        {
            var caseKey = CaseKeys.Unwrap(row.WrappedKey, current.CaseKeyWrapping, row.CaseId);
            try
            {
                row.WrappedKey = CaseKeys.Wrap(caseKey, next.CaseKeyWrapping, row.CaseId);
            }
            finally
            {
                CaseKeys.Destroy(caseKey);
            }

            caseKeys++;
        }

        foreach (var row in await db.DataProtectionKeys.ToListAsync())
        {
            var element = XElement.Parse(row.Xml!);
            foreach (var sealedKey in element.Descendants(KeyRingSeal.ElementName).ToList())
            {
                sealedKey.ReplaceWith(KeyRingSeal.Seal(KeyRingSeal.Open(sealedKey, current.KeyRing), next.KeyRing));
            }

            row.Xml = element.ToString(SaveOptions.DisableFormatting);
            ringEntries++;
        }

        // The audit chain is keyed by a key derived from the master key: every history is sealed again under the new one.
        // One already broken is sealed only up to its break, so it stays broken, at the same event, under the new key.
        var (histories, broken) = (0, 0);
        var caseIds = await db.Cases.AsNoTracking().Select(c => c.Id).ToListAsync();
        foreach (var caseId in caseIds)
        {
            var events = await db.AuditEvents.Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence).ToListAsync();
            var head = await db.AuditHeads.SingleOrDefaultAsync(h => h.CaseId == caseId);
            if (head is null)
            {
                broken++;
                continue;
            }

            var (intact, _) = AuditResealing.Reseal(current.AuditChain, next.AuditChain, caseId, events, head);
            if (intact)
            {
                histories++;
            }
            else
            {
                broken++;
            }
        }

        return new Counts(caseKeys, ringEntries, histories, broken);
    }

    /// <summary>What was re-wrapped and re-sealed; a history already broken stays broken under the new key.</summary>
    public sealed record Counts(int CaseKeys, int RingEntries, int Histories, int BrokenHistories);
}
