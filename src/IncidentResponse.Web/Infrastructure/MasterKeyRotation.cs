using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Infrastructure;

/// <summary>
/// <c>rotate-master-key --new-key-file PATH</c>: re-wraps every case key and re-seals every Data Protection key-ring
/// entry under a new master key, in one transaction. Nothing else changes: evidence files stay as they are (their keys
/// are wrapped by the case keys), and cookies stay valid (the key ring's own keys are the same, only sealed anew).
/// Every instance must be stopped first; afterwards each starts with the new <c>Security:MasterKey</c>.
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
        if (CryptographicOperations.FixedTimeEquals(newKey, current.Bytes))
        {
            await Console.Error.WriteLineAsync("The new key is the key in use now; nothing to do.");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (caseKeys, ringEntries) = (0, 0);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            try
            {
                foreach (var row in await db.CaseEvidenceKeys.ToListAsync())
                {
                    var caseKey = CaseKeys.Unwrap(row.WrappedKey, current.Bytes);
                    try
                    {
                        row.WrappedKey = CaseKeys.Wrap(caseKey, newKey);
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
                        sealedKey.ReplaceWith(KeyRingSeal.Seal(KeyRingSeal.Open(sealedKey, current.Bytes), newKey));
                    }

                    row.Xml = element.ToString(SaveOptions.DisableFormatting);
                    ringEntries++;
                }

                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }
            catch (Exception e) when (e is EvidenceIntegrityException or CryptographicException)
            {
                await Console.Error.WriteLineAsync(
                    "Nothing was changed: a stored key does not open with the current master key (Security:MasterKey). "
                    + "Start with the key the data was written under.");
                return 1;
            }
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
            $"Re-wrapped {caseKeys} case keys and {ringEntries} key-ring entries under the new master key."));
        Console.WriteLine(current.DevelopmentKeyPath is null
            ? "Now set Security__MasterKey to the new key on every instance, then start them. The old key opens nothing written from now on; "
              + "keep it only as long as you keep backups made before this moment."
            : "The development key file now holds the new key.");
        return 0;
    }
}
