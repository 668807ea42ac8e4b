using System.Net;
using System.Security.Cryptography;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>
/// The real app, in process, on a real database of its own: a SQLite file in a temp directory, or a database on the
/// real PostgreSQL server the tests start. Every log entry is captured so tests can inspect it.
/// </summary>
public abstract class AppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);

    /// <summary>
    /// No app the tests start watches its appsettings files: each watcher is an inotify instance, Linux allows a user
    /// 128, and one test run holds dozens of apps at once (several runs on one machine ran out). The tests never edit
    /// those files while an app runs. Set before any app is built; the apps the tests start as processes inherit it.
    /// </summary>
    static AppFixture() => NoConfigurationWatch.Apply();

    protected AppFixture()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "ir-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(DataDirectory);
        LogFile = Path.Combine(DataDirectory, "app.log");
    }

    public abstract DatabaseProvider Provider { get; }

    public string DataDirectory { get; }

    public string LogFile { get; }

    public string ConnectionString { get; private set; } = "";

    public LogCapture Logs { get; } = new();

    public AdjustableClock Clock { get; } = new();

    /// <summary>
    /// Where a fixture with <see cref="GatesEvidenceReads"/> passes every read of an evidence file by the app (it holds
    /// none unless a test asks).
    /// </summary>
    public EvidenceReadGate EvidenceReads { get; } = new();

    /// <summary>
    /// Whether the app's evidence store is wrapped by <see cref="EvidenceReads"/>. Off by default: the wrapper is not
    /// the file store, so the evidence sweep (which only sweeps a file store) would do nothing behind it.
    /// </summary>
    protected virtual bool GatesEvidenceReads => false;

    public CountingPasswordHasher Hasher => Services.GetRequiredService<CountingPasswordHasher>();

    /// <summary>Set by <c>./build.sh test-fast</c>: apps start without Chromium (see <see cref="ConfigureWebHost"/>).</summary>
    public static bool WithoutChromium => Environment.GetEnvironmentVariable("IR_TESTS_WITHOUT_CHROMIUM") == "1";

    public string MasterKeyBase64 { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Extra settings for one fixture (applied over appsettings.json, before the app starts).</summary>
    protected void Set(string key, string? value) => _settings[key] = value;

    public async Task InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
    }

    protected abstract Task<string> CreateDatabaseAsync();

    /// <summary>Runs after the app has stopped, for fixtures that own more (a database server of their own).</summary>
    protected virtual Task AfterDisposeAsync() => Task.CompletedTask;

    public AppClient CreateAppClient()
    {
        var cookies = new CookieContainer();
        return new AppClient(CreateDefaultClient(new Uri("https://app.test"), new CookieContainerHandler(cookies)), cookies);
    }

    public AppDbContext CreateDbContext() => new(DatabaseProviders.CreateOptions(Provider, ConnectionString));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting($"ConnectionStrings:{Provider}", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Security:MasterKey", MasterKeyBase64);
        builder.UseSetting("Security:AccountAttemptsPerMinute", "100000");
        builder.UseSetting("Languages:PseudoLocale", "true");
        builder.UseSetting("Logging:FilePath", LogFile);

        // Serilog decides what reaches any sink, the capture included; the query-count tests read EF's command lines.
        // "Serilog:MinimumLevel" itself is set because the factory hands settings to Program as arguments, parent
        // sections included with empty values, and Serilog refuses an empty MinimumLevel.
        builder.UseSetting("Serilog:MinimumLevel", "Information");
        // Debug, not Information, although the tests count only "Executed DbCommand": EF Core skips logging a command
        // whose "Executing" line (Debug) nobody wants and no diagnostic listener asks for, and then skips that context's
        // "Executed" lines too for a second (its logging cache). Pooled contexts carry that second from one request into
        // the next, so a counted request could log no command at all.
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command", "Debug");

        // No test reads the console; the capture and the log file still receive everything above.
        builder.UseSetting("Logging:ConsoleMinimumLevel", "Warning");

        // The inner loop (./build.sh test-fast) runs without Chromium, so a test that needs it and is not marked
        // [Trait("Category", "Chromium")] fails there at once instead of slowing every inner loop down.
        if (WithoutChromium)
        {
            builder.UseSetting("Binder:ChromiumPath", "/nonexistent/chromium-is-left-out-of-the-fast-tests");
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // The app's own hasher at a lower cost: the suite signs up and in thousands of times, and 210,000
            // PBKDF2 rounds (~0.1 s of a core each) were a tenth of its time. PublishedAppTests holds the shipped figure.
            services.Configure<PasswordHasherOptions>(h => h.IterationCount = 1_000);
            services.RemoveAll<IPasswordHasher<AppUser>>();
            services.AddSingleton(sp => new CountingPasswordHasher(
                new PasswordHasher<AppUser>(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<PasswordHasherOptions>>())));
            services.AddSingleton<IPasswordHasher<AppUser>>(sp => sp.GetRequiredService<CountingPasswordHasher>());
            if (GatesEvidenceReads)
            {
                var store = services.Last(d => d.ServiceType == typeof(IEvidenceBlobStore));
                services.Remove(store);
                services.AddSingleton<IEvidenceBlobStore>(sp => new EvidenceReadGate.Store(
                    (IEvidenceBlobStore)(store.ImplementationInstance ?? store.ImplementationFactory!(sp)), EvidenceReads));
            }

            ConfigureTestServices(services);
        });
    }

    /// <summary>A fixture's own replacements, after the shared ones (for example a test-only allow-list).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await AfterDisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be held open briefly; the temp directory is cleaned by the OS.
        }
    }
}

public class SqliteApp : AppFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(DataDirectory, "test.db")};Default Timeout=30");
}

public class PostgresApp : AppFixture
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override async Task<string> CreateDatabaseAsync() =>
        await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
}
