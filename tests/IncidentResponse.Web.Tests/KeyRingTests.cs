using System.Net;
using System.Security.Cryptography;
using System.Xml.Linq;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Security;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The Data Protection key ring kept by the library (<c>PersistKeysToDbContext</c>) and sealed under the key-ring key
/// (ADR 0021), on each database: keys stored before the change still open after migrating, a wrong master key signs
/// people out and loses nothing, and a new key made by one instance is read by another.
/// </summary>
public abstract class KeyRingTests
{
    private const string Payload = "made before the upgrade";
    private const string DecryptorBeforeIssue17 = "IncidentResponse.Web.Infrastructure.MasterKeyXmlDecryptor,";
    private static readonly string Decryptor = typeof(MasterKeyXmlDecryptor).FullName + ",";

    protected abstract DatabaseProvider Provider { get; }

    protected abstract Task<string> CreateDatabaseAsync(string directory);

    [Fact]
    public async Task Keys_stored_at_the_previous_schema_still_open_after_migrating_so_no_one_is_signed_out()
    {
        var setup = await NewSetupAsync();

        // A person signs up and protects something; every entry is stored as the library stores it
        // (element.ToString(DisableFormatting) with its friendly name), sealed by the same encryptor, exactly as the
        // build before issue 17 stored them. (Today's build cannot sign anyone up on the Initial schema any more: the
        // account has columns and tables since. So the database is made whole first, then taken back to Initial.)
        Cookie[] session;
        string payload;
        await using (var before = new KeyRingApp(setup, setup.MasterKey, migrateOnStartup: true))
        {
            await before.InitializeAsync();
            using var client = before.CreateAppClient();
            await client.SignUpAsync();
            await client.CreateCaseAsync("Spring notes");
            session = client.Cookies.GetAllCookies().ToArray();
            payload = Protector(before).Protect(Payload);
        }

        // Back to the Initial schema, as a database made by the build before issue 17 is; and entries stored then
        // name the decryptor in its old namespace: make them all so.
        int count;
        await using (var db = setup.CreateDbContext())
        {
            var initial = db.Database.GetMigrations().First();
            Assert.EndsWith("_Initial", initial, StringComparison.Ordinal);
            await db.GetService<IMigrator>().MigrateAsync(initial);
        }

        await using (var db = setup.CreateDbContext())
        {
            Assert.Single(await db.Database.GetAppliedMigrationsAsync());
            var rows = await db.DataProtectionKeys.ToListAsync();
            count = rows.Count;
            Assert.NotEqual(0, count);
            foreach (var row in rows)
            {
                Assert.Contains(Decryptor, row.Xml, StringComparison.Ordinal);
                row.Xml = row.Xml!.Replace(Decryptor, DecryptorBeforeIssue17, StringComparison.Ordinal);
            }

            await db.SaveChangesAsync();
        }

        await using (var after = new KeyRingApp(setup, setup.MasterKey, migrateOnStartup: true))
        {
            await after.InitializeAsync();
            using var client = after.CreateAppClient();
            AddCookies(client, session);
            var cases = await client.GetAsync("/cases");
            Assert.Equal(HttpStatusCode.OK, cases.Status);
            Assert.Contains("Spring notes", cases.MainText, StringComparison.Ordinal);
            Assert.Equal(Payload, Protector(after).Unprotect(payload));
        }

        await using (var db = setup.CreateDbContext())
        {
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            var xml = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            Assert.Equal(count, xml.Count);
            Assert.All(xml, x => Assert.Contains(Decryptor, x, StringComparison.Ordinal));
            Assert.All(xml, x => Assert.DoesNotContain(DecryptorBeforeIssue17, x, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_wrong_master_key_signs_people_out_kindly_and_the_right_one_still_opens_every_key_afterwards()
    {
        var setup = await NewSetupAsync();
        string username;
        Cookie[] session;
        await using (var right = new KeyRingApp(setup, setup.MasterKey, migrateOnStartup: true))
        {
            await right.InitializeAsync();
            using var client = right.CreateAppClient();
            username = await client.SignUpAsync();
            await client.CreateCaseAsync("Spring notes");
            session = client.Cookies.GetAllCookies().ToArray();
        }

        var ring = await RingAsync(setup);
        var wrongKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using (var wrong = new KeyRingApp(setup, wrongKey, migrateOnStartup: true))
        {
            await wrong.InitializeAsync();
            using var client = wrong.CreateAppClient();
            AddCookies(client, session);

            // The cookie does not open: signed out, not an error page; signing in again works (under a new key).
            var cases = await client.GetAsync("/cases");
            Assert.Equal(HttpStatusCode.Redirect, cases.Status);
            Assert.Contains("/account/sign-in", cases.Location!.ToString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(username)).Status);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cases")).Status);
        }

        // Nothing stored was changed; the new key sealed under the wrong master key was added beside them.
        var afterWrong = await RingAsync(setup);
        Assert.Equal(ring, afterWrong.Take(ring.Count));
        Assert.Equal(ring.Count + 1, afterWrong.Count);

        await using (var again = new KeyRingApp(setup, setup.MasterKey, migrateOnStartup: true))
        {
            await again.InitializeAsync();
            using var client = again.CreateAppClient();
            AddCookies(client, session);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/cases")).Status);
        }
    }

    [Fact]
    public async Task A_new_key_made_on_one_instance_is_stored_sealed_and_an_instance_started_later_uses_it_and_still_opens_the_old_one()
    {
        var setup = await NewSetupAsync();
        await using var first = new KeyRingApp(setup, setup.MasterKey, migrateOnStartup: true);
        await first.InitializeAsync();
        await using var second = new KeyRingApp(setup, setup.MasterKey, migrateOnStartup: false);
        await second.InitializeAsync();
        using var onFirst = first.CreateAppClient();
        await onFirst.SignUpAsync();
        var session = onFirst.Cookies.GetAllCookies().ToArray();
        var oldPayload = Protector(first).Protect(Payload);

        // Two instances on one database share the ring: the second reads the first's cookie.
        using (var onSecond = second.CreateAppClient())
        {
            AddCookies(onSecond, session);
            Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/cases")).Status);
        }

        // The ring rolls to a new key (as it does every 90 days), stored sealed beside the old one.
        var newKey = first.Services.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90));
        Assert.NotEqual(newKey.KeyId, KeyIdOf(oldPayload));
        var ring = await RingAsync(setup);
        Assert.Equal(2, ring.Count);
        var masterKey = MasterKey.FromBytes(Convert.FromBase64String(setup.MasterKey));
        Assert.All(ring, xml =>
        {
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            KeyRingSeal.Open(XElement.Parse(xml).Descendants(KeyRingSeal.ElementName).Single(), masterKey.KeyRing);
        });

        // An instance started now protects with the new key, and still opens what the old key protected: a payload and
        // the cookie. (A running instance picks the new key up when it next refreshes its cached ring.)
        await using var third = new KeyRingApp(setup, setup.MasterKey, migrateOnStartup: false);
        await third.InitializeAsync();
        Assert.Equal(newKey.KeyId, KeyIdOf(Protector(third).Protect(Payload)));
        Assert.Equal(Payload, Protector(third).Unprotect(oldPayload));
        using var onThird = third.CreateAppClient();
        AddCookies(onThird, session);
        Assert.Equal(HttpStatusCode.OK, (await onThird.GetAsync("/cases")).Status);
    }

    private static IDataProtector Protector(AppFixture app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("KeyRingTests");

    /// <summary>A protected payload starts with a 4-byte magic header and the id of the key that protected it.</summary>
    private static Guid KeyIdOf(string payload) => new(WebEncoders.Base64UrlDecode(payload).AsSpan(4, 16));

    private static void AddCookies(AppClient client, Cookie[] session)
    {
        foreach (var cookie in session)
        {
            client.Cookies.Add(cookie);
        }
    }

    private static async Task<List<string>> RingAsync(Setup setup)
    {
        await using var db = setup.CreateDbContext();
        return await db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml!).ToListAsync();
    }

    private async Task<Setup> NewSetupAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ir-ring-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(directory);
        return new Setup(Provider, directory, await CreateDatabaseAsync(directory), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
    }

    private sealed record Setup(DatabaseProvider Provider, string Directory, string ConnectionString, string MasterKey)
    {
        public AppDbContext CreateDbContext() => new(DatabaseProviders.CreateOptions(
            Provider, Provider == DatabaseProvider.Sqlite ? ConnectionString + ";Pooling=false" : ConnectionString));
    }

    /// <summary>One instance of the app over the setup's database, with the master key given.</summary>
    private sealed class KeyRingApp : AppFixture
    {
        private readonly DatabaseProvider _provider;
        private readonly string _connectionString;

        public KeyRingApp(Setup setup, string masterKey, bool migrateOnStartup)
        {
            (_provider, _connectionString) = (setup.Provider, setup.ConnectionString);
            Set("Security:MasterKey", masterKey);
            Set("Database:MigrateOnStartup", migrateOnStartup ? "true" : "false");
        }

        public override DatabaseProvider Provider => _provider;

        protected override Task<string> CreateDatabaseAsync() => Task.FromResult(_connectionString);
    }
}

[Trait("Category", "System")]
public sealed class KeyRingTestsOnSqlite : KeyRingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync(string directory) =>
        Task.FromResult($"Data Source={Path.Combine(directory, "incidentresponse.db")};Default Timeout=30");
}

[Trait("Category", "System")]
public sealed class KeyRingTestsOnPostgres : KeyRingTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override async Task<string> CreateDatabaseAsync(string directory) =>
        await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
}
