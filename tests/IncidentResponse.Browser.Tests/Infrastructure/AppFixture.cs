using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IncidentResponse.Browser.Tests.Infrastructure;

/// <summary>
/// The real app on a loopback Kestrel port, on SQLite in a fresh temporary data directory, and one headless Debian
/// Chromium shared by the tests of a collection. Each test opens its own browser context through
/// <see cref="BrowserTest"/>.
/// </summary>
/// <remarks>
/// The app is served over HTTPS with a throwaway self-signed certificate made here (the browser context ignores
/// certificate errors). Plain HTTP does not work: antiforgery with <c>Cookie.SecurePolicy = Always</c> refuses every
/// request that is not HTTPS, so each page with a form answers 500. Chromium itself would accept the app's Secure
/// <c>__Host-</c> cookies over http://127.0.0.1; it is the server that will not run a form over HTTP.
/// </remarks>
[SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public class AppFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Where quick exit sends people; the browser never reaches it, each context answers it with a stub.</summary>
    public static readonly Uri QuickExitUrl = new("https://neutral.invalid/");

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("ir-browser-").FullName;
    private AppFactory? _factory;
    private X509Certificate2? _certificate;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Uri? _baseAddress;

    /// <summary>The app's own origin, for example <c>https://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The app has not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>The running app's services, for tests that enumerate its endpoints.</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The app has not started.");

    /// <summary><c>Security:IdleTimeout</c> for this app instance.</summary>
    public virtual TimeSpan IdleTimeout => TimeSpan.FromMinutes(30);

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests drive Debian's Chromium at {ChromiumPath}, which is not installed. Install it with "
                + "'apt-get install chromium'. Browsers are not downloaded, so do not run 'playwright install'.");
        }

        // The app and the browser start independently; doing both at once saves a second or two per collection.
        _certificate = LoopbackCertificate.Create();
        var app = Task.Run(StartApp);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,

            // Trusting the throwaway certificate by its key, rather than only ignoring its errors, lets Chromium cache
            // what the app sends: it keeps nothing from a connection with a certificate error, and the page-weight
            // test measures a warm cache.
            Args = [.. ChromiumArgs, "--ignore-certificate-errors-spki-list=" + LoopbackCertificate.KeyPin(_certificate)],
        });
        _baseAddress = await app;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _certificate?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private Uri StartApp()
    {
        // UseSetting reaches the app as host configuration, so it wins over appsettings.json and environment variables.
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:MigrateOnStartup"] = "true",
            ["ConnectionStrings:Sqlite"] = "",
            ["Storage:DataDirectory"] = _dataDirectory,
            ["Security:MasterKey"] = "",
            ["Security:IdleTimeout"] = IdleTimeout.ToString("c", CultureInfo.InvariantCulture),
            ["Security:AccountAttemptsPerMinute"] = "10000",
            // The factory runs the app in Development; over HTTPS the production cookies (__Host-, Secure) are the ones to test.
            ["Security:CookiesRequireHttps"] = "true",
            ["Safety:QuickExitUrl"] = QuickExitUrl.ToString(),
            ["Logging:FilePath"] = "",
            // Not "Serilog:MinimumLevel:Default": the factory hands host settings to Program as "--key=value"
            // arguments, parent sections included with empty values, and Serilog refuses an empty MinimumLevel.
            ["Serilog:MinimumLevel"] = "Warning",
        };
        _factory = new AppFactory(settings);
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(_certificate!)));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        var address = addresses?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without an address.");
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private sealed class AppFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        /// <summary>No app watches its appsettings files (one inotify instance each; see the Web tests' AppFixture).</summary>
        static AppFactory() => NoConfigurationWatch.Apply();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

/// <summary>The same app with an idle timeout short enough to watch: the warning shows after 4 s, the end comes at 8 s.</summary>
public sealed class ShortIdleAppFixture : AppFixture
{
    public override TimeSpan IdleTimeout => TimeSpan.FromSeconds(8);
}

[CollectionDefinition(Name)]
public sealed class WithApp : ICollectionFixture<AppFixture>
{
    public const string Name = "App";
}

[CollectionDefinition(Name)]
public sealed class WithShortIdleApp : ICollectionFixture<ShortIdleAppFixture>
{
    public const string Name = "App with a short idle timeout";
}
