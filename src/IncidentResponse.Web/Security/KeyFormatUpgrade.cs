using System.Xml.Linq;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Security;

/// <summary>
/// The one-time move of a database written before issue 14 to the current formats, run by <c>migrate</c> (and at
/// start-up where migrations run) because it needs the master key, so it cannot be plain SQL in a migration:
/// <list type="bullet">
/// <item>each case key, wrapped by the master key itself (wrap version 1), is wrapped again by the case-key wrapping key
/// and bound to its case (version 2); each file key is wrapped again bound to its evidence item;</item>
/// <item>each case's history, chained with plain SHA-256, is verified and sealed again with HMAC-SHA256 under the audit
/// key, and its head is recorded (a broken history is sealed only up to its break and stays broken);</item>
/// <item>each Data Protection key-ring entry sealed under the master key is sealed again under the key-ring key.</item>
/// </list>
/// It runs only on a database holding nothing in the new formats (no case has a head, no case key is version 2; for the
/// key ring, no entry is version 2), all in one transaction, so it happens once: afterwards the old formats are refused
/// everywhere (a key or history planted in them reads as broken) and nothing re-seals them again. A history already
/// sealed with the key never gets a head from here, so deleting heads cannot launder a truncation.
/// </summary>
public static partial class KeyFormatUpgrade
{
    public static async Task RunIfNeededAsync(AppDbContext db, MasterKey masterKey, ILogger logger, CancellationToken cancellationToken)
    {
        var auditAndKeys = !await db.AuditHeads.AnyAsync(cancellationToken)
            && await db.Cases.AnyAsync(cancellationToken)
            && !(await db.CaseEvidenceKeys.AsNoTracking().Select(k => k.WrappedKey).ToListAsync(cancellationToken)).Any(k => CaseKeys.IsCurrent(k));
        var ring = (await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync(cancellationToken))
            .SelectMany(xml => XElement.Parse(xml!).Descendants(KeyRingSeal.ElementName))
            .ToList();
        var ringIsLegacy = ring.Count > 0 && !ring.Any(KeyRingSeal.IsCurrent);
        if (!auditAndKeys && !ringIsLegacy)
        {
            return;
        }

        var counts = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var done = new Counts();
            if (auditAndKeys)
            {
                await UpgradeKeysAsync(db, masterKey, done, cancellationToken);
                await UpgradeHistoriesAsync(db, masterKey, done, cancellationToken);
            }

            if (ringIsLegacy)
            {
                foreach (var row in await db.DataProtectionKeys.ToListAsync(cancellationToken))
                {
                    var element = XElement.Parse(row.Xml!);
                    foreach (var sealedKey in element.Descendants(KeyRingSeal.ElementName).ToList())
                    {
                        sealedKey.ReplaceWith(KeyRingSeal.Seal(KeyRingSeal.OpenLegacy(sealedKey, masterKey.LegacyBytes), masterKey.KeyRing));
                    }

                    row.Xml = element.ToString(SaveOptions.DisableFormatting);
                    done.RingEntries++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return done;
        });
        db.ChangeTracker.Clear();
        LogUpgraded(logger, counts.CaseKeys, counts.FileKeys, counts.Histories, counts.BrokenHistories, counts.RingEntries);
    }

    private static async Task UpgradeKeysAsync(AppDbContext db, MasterKey masterKey, Counts counts, CancellationToken cancellationToken)
    {
        var previous = db.ShowPrivateItems;
        db.ShowPrivateItems = true;
        try
        {
            var caseKeys = await db.CaseEvidenceKeys.ToListAsync(cancellationToken);
            var items = await db.EvidenceItems.IgnoreQueryFilters().ToListAsync(cancellationToken);
            foreach (var row in caseKeys)
            {
                if (!CaseKeys.IsCurrent(row.WrappedKey))
                {
                    // A case key that does not open with this master key stops the upgrade (nothing is saved): the app
                    // was started with the wrong key.
                    row.WrappedKey = CaseKeys.RewrapLegacy(row.WrappedKey, masterKey.LegacyBytes, masterKey.CaseKeyWrapping, row.CaseId);
                    counts.CaseKeys++;
                }

                var caseKey = CaseKeys.Unwrap(row.WrappedKey, masterKey.CaseKeyWrapping, row.CaseId);
                try
                {
                    foreach (var item in items.Where(i => i.CaseId == row.CaseId && !EvidenceVault.IsCurrentWrap(i.WrappedFileKey)))
                    {
                        try
                        {
                            item.WrappedFileKey = EvidenceVault.RewrapLegacyFileKey(item.WrappedFileKey, caseKey, item.Id);
                            counts.FileKeys++;
                        }
                        catch (EvidenceIntegrityException)
                        {
                            // Altered already: left as it is, so verify-audit and the binder go on reporting it.
                        }
                    }
                }
                finally
                {
                    CaseKeys.Destroy(caseKey);
                }
            }
        }
        finally
        {
            db.ShowPrivateItems = previous;
        }
    }

    private static async Task UpgradeHistoriesAsync(AppDbContext db, MasterKey masterKey, Counts counts, CancellationToken cancellationToken)
    {
        foreach (var caseId in await db.Cases.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken))
        {
            var events = await db.AuditEvents.Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
            if (events.Count > 0 && AuditChain.Verify(masterKey.AuditChain, [events[0].ToChained()]).IsIntact)
            {
                // Already sealed with the key: its head was removed, and no upgrade puts one back.
                counts.BrokenHistories++;
                continue;
            }

            var (intact, head) = AuditResealing.Reseal(AuditChainKey.UnkeyedVersion1, masterKey.AuditChain, caseId, events, storedHead: null);
            db.AuditHeads.Add(head);
            if (intact)
            {
                counts.Histories++;
            }
            else
            {
                counts.BrokenHistories++;
            }
        }
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message =
        "One-time key format upgrade: re-wrapped {CaseKeys} case keys and {FileKeys} file keys, re-sealed {Histories} histories "
        + "({BrokenHistories} were already broken and stay so) and {RingEntries} key-ring entries")]
    private static partial void LogUpgraded(ILogger logger, int caseKeys, int fileKeys, int histories, int brokenHistories, int ringEntries);

    private sealed class Counts
    {
        public int CaseKeys { get; set; }

        public int FileKeys { get; set; }

        public int Histories { get; set; }

        public int BrokenHistories { get; set; }

        public int RingEntries { get; set; }
    }
}
