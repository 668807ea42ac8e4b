using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Security;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The master key, the keys derived from it and the audit chain, through the operator commands run as an operator
/// would (the real executable, in its own process) on each database.
/// </summary>
[RunsLong(100)]
public abstract class KeyAndAuditCommandTests
{
    private const string Passphrase = "marble orchard violet tide";

    protected abstract DatabaseProvider Provider { get; }

    protected abstract Task<string> CreateDatabaseAsync(string directory);

    [Fact]
    public async Task Verify_audit_fails_naming_the_case_when_its_newest_events_or_all_of_them_are_deleted_or_one_is_edited()
    {
        var setup = await NewSetupAsync();
        foreach (var person in new[] { "person_newest", "person_all", "person_edit" })
        {
            var seeded = await RunAsync(setup, "seed-demo", "--username", person, "--password", Passphrase);
            Assert.True(seeded.ExitCode == 0, seeded.Output);
        }

        var intact = await RunAsync(setup, "verify-audit");
        Assert.True(intact.ExitCode == 0, intact.Output);
        Guid newest, all, edited;
        await using (var db = setup.CreateDbContext())
        {
            var cases = await db.Cases.OrderBy(c => c.CreatedUtc).Select(c => c.Id).ToListAsync();
            (newest, all, edited) = (cases[0], cases[1], cases[2]);
            var last = await db.AuditEvents.Where(e => e.CaseId == newest).MaxAsync(e => e.Sequence);
            Assert.Equal(2, await db.AuditEvents.Where(e => e.CaseId == newest && e.Sequence > last - 2).ExecuteDeleteAsync());
            Assert.True(await db.AuditEvents.Where(e => e.CaseId == all).ExecuteDeleteAsync() > 0);
            await db.AuditEvents.Where(e => e.CaseId == edited && e.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(e => e.Details, "NotForMe"));
        }

        var broken = await RunAsync(setup, "verify-audit");

        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("3 broken", broken.Output, StringComparison.Ordinal);
        Assert.Contains($"BROKEN case {newest}: first broken event is #", broken.Output, StringComparison.Ordinal);
        Assert.Contains($"BROKEN case {all}: first broken event is #1", broken.Output, StringComparison.Ordinal);
        Assert.Contains($"BROKEN case {edited}: first broken event is #2", broken.Output, StringComparison.Ordinal);
        Assert.Contains("newer events were deleted", broken.Output, StringComparison.Ordinal);

        // Ids and what is wrong, nothing of what the cases hold.
        foreach (var content in new[] { "Spring notes", "person_", "NotForMe", "sha256", "Alex Rivera" })
        {
            Assert.DoesNotContain(content, broken.Output, StringComparison.Ordinal);
        }

        // The history page and the binder's appendix say the same to the people in the case.
        await using var app = new CommandApp(Provider, setup);
        await app.InitializeAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync("person_newest", Passphrase);
        var history = await client.GetAsync($"/cases/{newest}/history");
        Assert.Contains("The history is not intact", history.MainText, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var binder = scope.ServiceProvider.GetRequiredService<IncidentResponse.Web.Pages.Cases.Binder.BinderBuilder>();
        scope.ServiceProvider.GetRequiredService<AppDbContext>().ShowPrivateItems = true;
        var document = await binder.BuildDocumentAsync(newest, new IncidentResponse.Documents.Binder.BinderOptions(), CancellationToken.None);
        Assert.False(document.AuditVerification.IsIntact);
        Assert.Equal(AuditChainFault.HeadMismatch, document.AuditVerification.Fault);
    }

    [Fact]
    public async Task A_file_key_copied_onto_another_item_or_a_case_key_copied_onto_another_case_does_not_open()
    {
        var setup = await NewSetupAsync();
        Assert.Equal(0, (await RunAsync(setup, "seed-demo", "--username", "person_one", "--password", Passphrase, "--images", "2")).ExitCode);
        Assert.Equal(0, (await RunAsync(setup, "seed-demo", "--username", "person_two", "--password", Passphrase, "--images", "1")).ExitCode);
        Guid first, second, moved, target;
        await using (var db = setup.CreateDbContext())
        {
            db.ShowPrivateItems = true;
            var cases = await db.Cases.OrderBy(c => c.CreatedUtc).Select(c => c.Id).ToListAsync();
            (first, second) = (cases[0], cases[1]);
            var items = await db.EvidenceItems.Where(e => e.CaseId == first).OrderBy(e => e.ReceivedUtc).ToListAsync();
            (moved, target) = (items[0].Id, items[1].Id);

            // Someone with the database swaps two items' blobs and wrapped keys (same case key).
            await db.EvidenceItems.Where(e => e.Id == moved).ExecuteUpdateAsync(s => s.SetProperty(e => e.BlobId, Guid.NewGuid()));
            foreach (var (to, from) in new[] { (items[1].Id, items[0]), (items[0].Id, items[1]) })
            {
                await db.EvidenceItems.Where(e => e.Id == to).ExecuteUpdateAsync(s => s
                    .SetProperty(e => e.BlobId, from.BlobId)
                    .SetProperty(e => e.WrappedFileKey, from.WrappedFileKey));
            }
        }

        await using (var app = new CommandApp(Provider, setup))
        {
            await app.InitializeAsync();
            using var client = app.CreateAppClient();
            await client.SignInAsync("person_one", Passphrase);
            foreach (var item in new[] { moved, target })
            {
                using var download = await client.DownloadEvidenceAsync(first, item, Passphrase);
                Assert.Equal(HttpStatusCode.InternalServerError, download.StatusCode);
            }
        }

        await using (var db = setup.CreateDbContext())
        {
            db.ShowPrivateItems = true;
            var firstKey = await db.CaseEvidenceKeys.Where(k => k.CaseId == first).Select(k => k.WrappedKey).SingleAsync();

            // ... and moves the first case's file to the second case, copying the first case's key onto the second.
            await db.EvidenceItems.Where(e => e.Id == moved).ExecuteUpdateAsync(s => s.SetProperty(e => e.CaseId, second));
            await db.CaseEvidenceKeys.Where(k => k.CaseId == second).ExecuteUpdateAsync(s => s.SetProperty(k => k.WrappedKey, firstKey));
        }

        await using (var app = new CommandApp(Provider, setup))
        {
            await app.InitializeAsync();
            using var client = app.CreateAppClient();
            await client.SignInAsync("person_two", Passphrase);
            using var download = await client.DownloadEvidenceAsync(second, moved, Passphrase);
            Assert.Equal(HttpStatusCode.InternalServerError, download.StatusCode);
        }

        var swapped = await RunAsync(setup, "verify-audit");
        Assert.Equal(1, swapped.ExitCode);
        var line = Assert.Single(swapped.Output.Split('\n'), l => l.StartsWith($"BROKEN case {second}:", StringComparison.Ordinal));
        Assert.Contains("the case's key does not open", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rotating_the_master_key_keeps_evidence_readable_people_signed_in_and_histories_intact_and_the_old_key_opens_nothing()
    {
        var setup = await NewSetupAsync();
        Assert.Equal(0, (await RunAsync(setup, "seed-demo", "--username", "demo_person", "--password", Passphrase, "--images", "2")).ExitCode);
        var oldKeyBytes = Convert.FromBase64String(await File.ReadAllTextAsync(setup.DevelopmentKeyPath));
        var oldKey = MasterKey.FromBytes(oldKeyBytes);
        byte[] original;
        Cookie[] session;
        Guid caseId, evidenceId;
        await using (var app = new CommandApp(Provider, setup))
        {
            await app.InitializeAsync();
            using var client = app.CreateAppClient();
            await client.SignInAsync("demo_person", Passphrase);
            await using var read = app.CreateDbContext();
            caseId = await read.Cases.Select(c => c.Id).SingleAsync();
            evidenceId = await read.EvidenceItems.OrderBy(e => e.ReceivedUtc).Select(e => e.Id).FirstAsync();
            original = await (await client.DownloadEvidenceAsync(caseId, evidenceId, Passphrase)).Content.ReadAsByteArrayAsync();
            session = client.Cookies.GetAllCookies().ToArray();
        }

        async Task<(byte[][] CaseKeys, string[] Ring, byte[][] Hashes)> StoredAsync()
        {
            await using var db = setup.CreateDbContext();
            return (
                [.. await db.CaseEvidenceKeys.OrderBy(k => k.CaseId).Select(k => k.WrappedKey).ToListAsync()],
                [.. await db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml!).ToListAsync()],
                [.. await db.AuditEvents.OrderBy(e => e.CaseId).ThenBy(e => e.Sequence).Select(e => e.Hash).ToListAsync()]);
        }

        var before = await StoredAsync();
        Assert.NotEmpty(before.CaseKeys);
        Assert.NotEmpty(before.Ring);

        // A key file that is not a key changes nothing.
        var badFile = Path.Combine(setup.Directory, "not-a-key.txt");
        await File.WriteAllTextAsync(badFile, "short");
        var refused = await RunAsync(setup, "rotate-master-key", "--new-key-file", badFile);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(before.CaseKeys, (await StoredAsync()).CaseKeys);

        var newKeyBytes = RandomNumberGenerator.GetBytes(32);
        var newKey = MasterKey.FromBytes(newKeyBytes);
        var keyFile = Path.Combine(setup.Directory, "new-master.key");
        await File.WriteAllTextAsync(keyFile, Convert.ToBase64String(newKeyBytes));
        var rotated = await RunAsync(setup, "rotate-master-key", "--new-key-file", keyFile);
        Assert.True(rotated.ExitCode == 0, rotated.Output);
        Assert.Contains(
            $"Re-wrapped {before.CaseKeys.Length} case keys and {before.Ring.Length} key-ring entries under the new master key, and re-sealed 1 case histories",
            rotated.Output,
            StringComparison.Ordinal);

        var after = await StoredAsync();
        Assert.Equal(newKeyBytes, Convert.FromBase64String(await File.ReadAllTextAsync(setup.DevelopmentKeyPath)));
        Assert.NotEqual(before.Hashes, after.Hashes);
        foreach (var wrapped in after.CaseKeys)
        {
            Assert.Throws<EvidenceIntegrityException>(() => CaseKeys.Unwrap(wrapped, oldKey.CaseKeyWrapping, caseId));
            CaseKeys.Unwrap(wrapped, newKey.CaseKeyWrapping, caseId);
        }

        foreach (var xml in after.Ring)
        {
            var sealedKey = XElement.Parse(xml).Descendants(KeyRingSeal.ElementName).Single();
            Assert.ThrowsAny<CryptographicException>(() => KeyRingSeal.Open(sealedKey, oldKey.KeyRing));
            KeyRingSeal.Open(sealedKey, newKey.KeyRing);
        }

        await using (var app = new CommandApp(Provider, setup))
        {
            await app.InitializeAsync();
            using var client = app.CreateAppClient();
            foreach (var cookie in session)
            {
                client.Cookies.Add(cookie);
            }

            // The same cookie still works (the key ring's keys are unchanged, only sealed anew) and the file is bit-exact.
            var cases = await client.GetAsync("/cases");
            Assert.Equal(HttpStatusCode.OK, cases.Status);
            Assert.Contains("Spring notes", cases.MainText, StringComparison.Ordinal);
            Assert.Equal(original, await (await client.DownloadEvidenceAsync(caseId, evidenceId, Passphrase)).Content.ReadAsByteArrayAsync());
            var history = await client.GetAsync($"/cases/{caseId}/history");
            Assert.Contains("the history is intact", history.MainText, StringComparison.Ordinal);
        }

        var verified = await RunAsync(setup, "verify-audit");
        Assert.True(verified.ExitCode == 0, verified.Output);

        // Rotating again with the old key as the "current" one fails before anything is written.
        await File.WriteAllTextAsync(setup.DevelopmentKeyPath, Convert.ToBase64String(oldKeyBytes));
        var wrongCurrent = await RunAsync(setup, "rotate-master-key", "--new-key-file", keyFile);
        Assert.NotEqual(0, wrongCurrent.ExitCode);
        Assert.Equal(after, await StoredAsync(), StoredComparer.Instance);
    }

    [Fact]
    public async Task Migrate_upgrades_keys_histories_and_the_key_ring_written_in_the_old_formats_once()
    {
        var setup = await NewSetupAsync();
        Assert.Equal(0, (await RunAsync(setup, "seed-demo", "--username", "demo_person", "--password", Passphrase, "--images", "2")).ExitCode);
        var raw = Convert.FromBase64String(await File.ReadAllTextAsync(setup.DevelopmentKeyPath));
        var master = MasterKey.FromBytes(raw);
        byte[] original;
        Cookie[] session;
        Guid caseId, evidenceId;
        await using (var app = new CommandApp(Provider, setup))
        {
            await app.InitializeAsync();
            using var client = app.CreateAppClient();
            await client.SignInAsync("demo_person", Passphrase);
            await using var read = app.CreateDbContext();
            caseId = await read.Cases.Select(c => c.Id).SingleAsync();
            evidenceId = await read.EvidenceItems.OrderBy(e => e.ReceivedUtc).Select(e => e.Id).FirstAsync();
            original = await (await client.DownloadEvidenceAsync(caseId, evidenceId, Passphrase)).Content.ReadAsByteArrayAsync();
            session = client.Cookies.GetAllCookies().ToArray();
        }

        // Turn the database back into what the previous version wrote: keys wrapped by the master key itself and bound
        // to nothing, histories chained with plain SHA-256 and no heads, key-ring entries sealed under the master key.
        await using (var db = setup.CreateDbContext())
        {
            db.ShowPrivateItems = true;
            var caseKeyRow = await db.CaseEvidenceKeys.SingleAsync();
            var caseKey = CaseKeys.Unwrap(caseKeyRow.WrappedKey, master.CaseKeyWrapping, caseKeyRow.CaseId);
            caseKeyRow.WrappedKey = LegacyWrap(1, caseKey, raw);
            foreach (var item in await db.EvidenceItems.IgnoreQueryFilters().ToListAsync())
            {
                item.WrappedFileKey = LegacyWrap(2, OpenVersion2(item.WrappedFileKey, caseKey, 2, item.Id), caseKey);
            }

            var events = await db.AuditEvents.OrderBy(e => e.Sequence).ToListAsync();
            ChainedAuditEvent? previous = null;
            foreach (var record in events)
            {
                previous = AuditChain.Append(AuditChainKey.UnkeyedVersion1, previous, record.ToEvent());
                (record.PreviousHash, record.Hash) = (previous.PreviousHash, previous.Hash);
            }

            db.AuditHeads.RemoveRange(await db.AuditHeads.ToListAsync());
            foreach (var row in await db.DataProtectionKeys.ToListAsync())
            {
                var element = XElement.Parse(row.Xml!);
                foreach (var sealedKey in element.Descendants(KeyRingSeal.ElementName).ToList())
                {
                    sealedKey.ReplaceWith(LegacyRingSeal(KeyRingSeal.Open(sealedKey, master.KeyRing), raw));
                }

                row.Xml = element.ToString(SaveOptions.DisableFormatting);
            }

            await db.SaveChangesAsync();
        }

        var legacy = await RunAsync(setup, "verify-audit");
        Assert.Equal(1, legacy.ExitCode);

        var migrated = await RunAsync(setup, "migrate");
        Assert.True(migrated.ExitCode == 0, migrated.Output);
        var upgraded = await RunAsync(setup, "verify-audit");
        Assert.True(upgraded.ExitCode == 0, upgraded.Output);
        Assert.Contains("every chain is intact", upgraded.Output, StringComparison.Ordinal);

        await using (var db = setup.CreateDbContext())
        {
            db.ShowPrivateItems = true;
            var wrapped = await db.CaseEvidenceKeys.Select(k => k.WrappedKey).SingleAsync();
            Assert.True(CaseKeys.IsCurrent(wrapped));
            Assert.All(await db.EvidenceItems.IgnoreQueryFilters().Select(e => e.WrappedFileKey).ToListAsync(), k => Assert.True(EvidenceVault.IsCurrentWrap(k)));
            Assert.All(await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(), xml =>
                Assert.All(XElement.Parse(xml!).Descendants(KeyRingSeal.ElementName), e => Assert.True(KeyRingSeal.IsCurrent(e))));
            Assert.NotNull(await db.AuditHeads.SingleOrDefaultAsync(h => h.CaseId == caseId));
        }

        await using (var app = new CommandApp(Provider, setup))
        {
            await app.InitializeAsync();
            using var client = app.CreateAppClient();
            foreach (var cookie in session)
            {
                client.Cookies.Add(cookie);
            }

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cases")).Status);
            Assert.Equal(original, await (await client.DownloadEvidenceAsync(caseId, evidenceId, Passphrase)).Content.ReadAsByteArrayAsync());
        }

        // Once upgraded, an old-format key planted in the database is not upgraded again: it just does not open.
        await using (var db = setup.CreateDbContext())
        {
            var row = await db.CaseEvidenceKeys.SingleAsync();
            var caseKey = CaseKeys.Unwrap(row.WrappedKey, master.CaseKeyWrapping, row.CaseId);
            row.WrappedKey = LegacyWrap(1, caseKey, raw);
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, (await RunAsync(setup, "migrate")).ExitCode);
        var planted = await RunAsync(setup, "verify-audit");
        Assert.Equal(1, planted.ExitCode);
        Assert.Contains("the case's key does not open", planted.Output, StringComparison.Ordinal);
    }

    private static byte[] LegacyWrap(byte purpose, byte[] key, byte[] wrappingKey)
    {
        var wrapped = new byte[62];
        wrapped[0] = 1;
        wrapped[1] = purpose;
        RandomNumberGenerator.Fill(wrapped.AsSpan(2, 12));
        using var aes = new AesGcm(wrappingKey, 16);
        aes.Encrypt(wrapped.AsSpan(2, 12), key, wrapped.AsSpan(14, 32), wrapped.AsSpan(46, 16), wrapped.AsSpan(0, 2));
        return wrapped;
    }

    private static byte[] OpenVersion2(byte[] wrapped, byte[] wrappingKey, byte purpose, Guid owner)
    {
        var associatedData = new byte[18];
        (associatedData[0], associatedData[1]) = (2, purpose);
        owner.TryWriteBytes(associatedData.AsSpan(2), bigEndian: true, out _);
        var key = new byte[32];
        using var aes = new AesGcm(wrappingKey, 16);
        aes.Decrypt(wrapped.AsSpan(2, 12), wrapped.AsSpan(14, 32), wrapped.AsSpan(46, 16), key, associatedData);
        return key;
    }

    private static XElement LegacyRingSeal(XElement plaintextElement, byte[] masterKey)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(12);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[16];
        using (var aes = new AesGcm(masterKey, 16))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag);
        }

        return new XElement(KeyRingSeal.ElementName,
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(ciphertext)));
    }

    private async Task<Setup> NewSetupAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ir-keys-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(directory);
        return new Setup(Provider, directory, await CreateDatabaseAsync(directory));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(Setup setup, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IncidentResponse.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Storage__DataDirectory"] = setup.Directory;
        start.Environment["Database__Provider"] = setup.Provider.ToString();
        start.Environment[$"ConnectionStrings__{setup.Provider}"] = setup.ConnectionString;
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private sealed record Setup(DatabaseProvider Provider, string Directory, string ConnectionString)
    {
        public string DevelopmentKeyPath => Path.Combine(Directory, "keys", "development-master.key");

        public AppDbContext CreateDbContext() => new(DatabaseProviders.CreateOptions(
            Provider, Provider == DatabaseProvider.Sqlite ? ConnectionString + ";Pooling=false" : ConnectionString));
    }

    /// <summary>The app over what the commands made: their database, their evidence folder and their key, read from its file.</summary>
    private sealed class CommandApp : AppFixture
    {
        private readonly DatabaseProvider _provider;
        private readonly string _connectionString;

        public CommandApp(DatabaseProvider provider, Setup setup)
        {
            (_provider, _connectionString) = (provider, setup.ConnectionString);
            Set("Storage:DataDirectory", setup.Directory);
            // The production way: the key from a file (the development key file the commands made).
            Set("Security:MasterKeyFile", setup.DevelopmentKeyPath);
        }

        public override DatabaseProvider Provider => _provider;

        protected override Task<string> CreateDatabaseAsync() => Task.FromResult(_connectionString);
    }

    private sealed class StoredComparer : IEqualityComparer<(byte[][] CaseKeys, string[] Ring, byte[][] Hashes)>
    {
        public static readonly StoredComparer Instance = new();

        public bool Equals((byte[][] CaseKeys, string[] Ring, byte[][] Hashes) x, (byte[][] CaseKeys, string[] Ring, byte[][] Hashes) y) =>
            x.CaseKeys.Length == y.CaseKeys.Length && x.CaseKeys.Zip(y.CaseKeys).All(p => p.First.SequenceEqual(p.Second))
            && x.Ring.SequenceEqual(y.Ring)
            && x.Hashes.Length == y.Hashes.Length && x.Hashes.Zip(y.Hashes).All(p => p.First.SequenceEqual(p.Second));

        public int GetHashCode((byte[][] CaseKeys, string[] Ring, byte[][] Hashes) obj) => obj.Ring.Length;
    }
}

[Trait("Category", "System")]
public sealed class KeyAndAuditCommandTestsOnSqlite : KeyAndAuditCommandTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync(string directory) =>
        Task.FromResult($"Data Source={Path.Combine(directory, "incidentresponse.db")}");
}

[Trait("Category", "System")]
public sealed class KeyAndAuditCommandTestsOnPostgres : KeyAndAuditCommandTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override async Task<string> CreateDatabaseAsync(string directory) =>
        await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
}
