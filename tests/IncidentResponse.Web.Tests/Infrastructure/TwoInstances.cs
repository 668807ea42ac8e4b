using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using IncidentResponse.Domain.Data;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>
/// Two app processes on different ports against one PostgreSQL database and one shared data directory, behind the
/// production nginx config. Outside Development, as in production: cookies are <c>__Host-</c> and Secure, so the app
/// works only when it sees HTTPS, which it does through nginx's X-Forwarded-Proto.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ir-two-" + Guid.NewGuid().ToString("N")[..8]);

    public AppProcess A { get; private set; } = null!;

    public AppProcess B { get; private set; } = null!;

    public NginxProxy Proxy { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
        var settings = new AppProcessSettings(ConnectionString, Path.Combine(_root, "data"), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        // The first instance migrates; the second starts on the migrated database, as operations.md asks.
        A = await AppProcess.StartAsync(settings);
        B = await AppProcess.StartAsync(settings with { MigrateOnStartup = false });
        Proxy = await NginxProxy.StartAsync(A.Port, B.Port);
    }

    public AppDbContext CreateDbContext() => new(DatabaseProviders.CreateOptions(DatabaseProvider.Postgres, ConnectionString));

    /// <summary>One person's browser: a cookie jar for the site's public HTTPS address.</summary>
    public CookieContainer NewBrowser() => new();

    /// <summary>The browser talking to the site through nginx (TLS; nginx picks the instance).</summary>
    public AppClient ThroughProxy(CookieContainer browser) =>
        new(new HttpClient(new BrowserCookies(browser, Proxy.Address, forwardHttps: false) { InnerHandler = Proxy.CreateHandler() }) { BaseAddress = Proxy.Address }, browser);

    /// <summary>
    /// The same browser's requests sent straight to one instance over loopback, as nginx would pass them on (with
    /// X-Forwarded-Proto: https, which the app trusts from loopback only): pins a request to A or B.
    /// </summary>
    public AppClient Direct(AppProcess instance, CookieContainer browser) =>
        new(new HttpClient(new BrowserCookies(browser, Proxy.Address, forwardHttps: true)
        {
            InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false },
        })
        { BaseAddress = instance.Address }, browser);

    public static Dictionary<string, string> IncidentForm(string narrative)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new Dictionary<string, string>
        {
            ["Input.Kind"] = "Post",
            ["Input.OccurredOn"] = today.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.OccurredAt"] = "21:30",
            ["Input.TimeZone"] = "Europe/London",
            ["Input.FoundOn"] = today.AddDays(-9).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.Platform"] = "reddit",
            ["Input.Url"] = "https://www.reddit.com/r/example/comments/abc",
            ["Input.AccountHandle"] = "u/throwaway",
            ["Input.Perpetrator"] = "Unknown",
            ["Input.Narrative"] = narrative,
            ["Input.Concern"] = "2",
        };
    }

    public async Task DisposeAsync()
    {
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temp directories.
        }
    }

    /// <summary>Keeps one cookie jar for the site's address whichever host a request goes to, as one browser would.</summary>
    private sealed class BrowserCookies(CookieContainer cookies, Uri site, bool forwardHttps) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = cookies.GetCookieHeader(site);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            if (forwardHttps)
            {
                request.Headers.Add("X-Forwarded-Proto", "https");
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var value in values)
                {
                    cookies.SetCookies(site, value);
                }
            }

            return response;
        }
    }
}
