using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Security;

/// <summary>
/// <c>rotate-master-key --new-key-file PATH</c>: re-wraps every case key and re-seals every Data Protection key-ring
/// entry under a new master key, in one transaction. Nothing else changes: evidence files stay as they are (their keys
/// are wrapped by the case keys), and cookies stay valid (the key ring's own keys are the same, only sealed anew).
/// Every intact audit history is sealed again under the new audit key (derived from the new master key).
/// Every instance must be stopped first; afterwards each starts with the new key (<c>Security:MasterKeyFile</c>).
/// </summary>
public static class MasterKeyRotation
{
    public static async Task<int> RunAsync(WebApplication app, IReadOnlyDictionary<string, string> options)
    {
        if (!options.TryGetValue("new-key-file", out var file))
        {
            await Console.Error.WriteLineAsync("usage: rotate-master-key --new-key-file PATH   (the file holds the new key: openssl rand -base64 32)");
            return 2;
        }

        byte[] newKey;
        try
        {
            newKey = MasterKey.Parse(await File.ReadAllTextAsync(file));
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync("The new key could not be read: " + (e is InvalidOperationException ? e.Message : "check the path and its permissions."));
            return 2;
        }

        var current = app.Services.GetRequiredService<MasterKey>();
        if (current.SameAs(newKey))
        {
            await Console.Error.WriteLineAsync("The new key is the key in use now; nothing to do.");
            return 2;
        }

        var next = MasterKey.FromBytes(newKey);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Counts counts;
        try
        {
            // PostgreSQL's retrying execution strategy refuses a transaction of our own unless the strategy runs it
            // (as one unit it can retry); the SQLite one runs it once.
            counts = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync();
                var done = await RewrapAsync(db, current, next);
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
                return done;
            });
        }
        catch (Exception e) when (e is EvidenceIntegrityException or CryptographicException)
        {
            await Console.Error.WriteLineAsync(
                "Nothing was changed: a stored key does not open with the current master key. "
                + "Start with the key the data was written under.");
            return 1;
        }

        if (current.DevelopmentKeyPath is { } path)
        {
            // Development only: the generated key file is the configuration, so it is replaced (atomically).
            var temporary = path + ".new";
            await File.WriteAllTextAsync(temporary, Convert.ToBase64String(newKey));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temporary, path, overwrite: true);
        }

        CryptographicOperations.ZeroMemory(newKey);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Re-wrapped {counts.CaseKeys} case keys and {counts.RingEntries} key-ring entries under the new master key, and re-sealed {counts.Histories} case histories."));
        if (counts.BrokenHistories > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{counts.BrokenHistories} case histories were already broken: they stay broken under the new key (run verify-audit)."));
        }

        Console.WriteLine(current.DevelopmentKeyPath is null
            ? "Now put the new key in the file Security:MasterKeyFile names (the mounted secret) on every instance, then start them. The old key opens nothing written from now on; "
              + "keep it only as long as you keep backups made before this moment."
            : "The development key file now holds the new key.");
        return 0;
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
            var element = XElement.Parse(row.Xml);
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

    private sealed record Counts(int CaseKeys, int RingEntries, int Histories, int BrokenHistories);
}
