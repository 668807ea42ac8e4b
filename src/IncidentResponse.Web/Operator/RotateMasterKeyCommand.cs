using System.Globalization;
using System.Security.Cryptography;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Security;

namespace IncidentResponse.Web.Operator;

/// <summary>
/// <c>rotate-master-key --new-key-file PATH</c>: reads the new key, has <see cref="MasterKeyRotation"/> re-wrap
/// everything under it, and tells the operator what changed and what to do next. Every instance must be stopped first;
/// afterwards each starts with the new key (<c>Security:MasterKeyFile</c>).
/// </summary>
public static class RotateMasterKeyCommand
{
    public static async Task<int> RunAsync(WebApplication app, IReadOnlyDictionary<string, string> options)
    {
        if (!options.TryGetValue("new-key-file", out var file))
        {
            await Console.Error.WriteLineAsync("usage: rotate-master-key --new-key-file PATH   (the file holds the new key: openssl rand -base64 32)");
            return 2;
        }

        if (await ReadNewKeyAsync(file) is not { } newKey)
        {
            return 2;
        }

        var current = app.Services.GetRequiredService<MasterKey>();
        if (current.SameAs(newKey))
        {
            await Console.Error.WriteLineAsync("The new key is the key in use now; nothing to do.");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        MasterKeyRotation.Counts counts;
        try
        {
            counts = await MasterKeyRotation.RotateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), current, MasterKey.FromBytes(newKey));
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
            await ReplaceDevelopmentKeyAsync(path, newKey);
        }

        CryptographicOperations.ZeroMemory(newKey);
        Report(counts, current.DevelopmentKeyPath is not null);
        return 0;
    }

    /// <summary>The new key's bytes, or null (having said why) when the file cannot be read or holds no key.</summary>
    private static async Task<byte[]?> ReadNewKeyAsync(string file)
    {
        try
        {
            return MasterKey.Parse(await File.ReadAllTextAsync(file));
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync("The new key could not be read: " + (e is InvalidOperationException ? e.Message : "check the path and its permissions."));
            return null;
        }
    }

    /// <summary>Development only: the generated key file is the configuration, so it is replaced (atomically).</summary>
    private static async Task ReplaceDevelopmentKeyAsync(string path, byte[] newKey)
    {
        var temporary = path + ".new";
        await File.WriteAllTextAsync(temporary, Convert.ToBase64String(newKey));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static void Report(MasterKeyRotation.Counts counts, bool developmentKey)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Re-wrapped {counts.CaseKeys} case keys and {counts.RingEntries} key-ring entries under the new master key, and re-sealed {counts.Histories} case histories."));
        if (counts.BrokenHistories > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{counts.BrokenHistories} case histories were already broken: they stay broken under the new key (run verify-audit)."));
        }

        Console.WriteLine(developmentKey
            ? "The development key file now holds the new key."
            : "Now put the new key in the file Security:MasterKeyFile names (the mounted secret) on every instance, then start them. The old key opens nothing written from now on; "
              + "keep it only as long as you keep backups made before this moment.");
    }
}
