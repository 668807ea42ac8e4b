using IncidentResponse.Domain.Data;

namespace IncidentResponse.Web.Hosting;

/// <summary>The configuration surface of DESIGN.md, read once at start-up.</summary>
public sealed class AppOptions
{
    public required DatabaseProvider Provider { get; init; }

    public required string ConnectionString { get; init; }

    public required bool MigrateOnStartup { get; init; }

    public required string DataDirectory { get; init; }

    public required TimeSpan IdleTimeout { get; init; }

    public required TimeSpan AbsoluteTimeout { get; init; }

    public required long MaxFormBodyBytes { get; init; }

    public required int AccountAttemptsPerMinute { get; init; }

    /// <summary>
    /// Cookies are <c>__Host-</c> and Secure, and the app must see HTTPS (directly or through a trusted proxy's
    /// X-Forwarded-Proto). Off only for local development over plain http://localhost.
    /// </summary>
    public required bool CookiesRequireHttps { get; init; }

    public required string SiteTitle { get; init; }

    public required string QuickExitUrl { get; init; }

    /// <summary>
    /// Whether the pseudo-language (<c>qps-Ploc</c>, every word accented) can be chosen: on in development and in the
    /// tests, for the walk that finds words not yet in a resource file (ADR 0030); off in production.
    /// </summary>
    public bool PseudoLocale { get; init; }

    public static AppOptions From(IConfiguration configuration, IHostEnvironment environment)
    {
        var dataDirectory = configuration["Storage:DataDirectory"];
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            dataDirectory = Path.Combine(environment.ContentRootPath, "App_Data");
        }

        dataDirectory = Path.GetFullPath(dataDirectory);
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connectionString = provider switch
        {
            DatabaseProvider.Sqlite => NonEmpty(configuration.GetConnectionString("Sqlite"))
                ?? $"Data Source={Path.Combine(dataDirectory, "incidentresponse.db")};Default Timeout=30",
            _ => NonEmpty(configuration.GetConnectionString("Postgres"))
                ?? throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:Postgres is empty. Set ConnectionStrings__Postgres."),
        };

        return new AppOptions
        {
            Provider = provider,
            ConnectionString = connectionString,
            MigrateOnStartup = configuration.GetValue("Database:MigrateOnStartup", provider == DatabaseProvider.Sqlite),
            DataDirectory = dataDirectory,
            IdleTimeout = configuration.GetValue("Security:IdleTimeout", TimeSpan.FromMinutes(30)),
            AbsoluteTimeout = configuration.GetValue("Security:AbsoluteTimeout", TimeSpan.FromHours(12)),
            MaxFormBodyBytes = configuration.GetValue("Security:MaxFormBodyBytes", 1024L * 1024),
            AccountAttemptsPerMinute = configuration.GetValue("Security:AccountAttemptsPerMinute", 60),
            CookiesRequireHttps = configuration.GetValue("Security:CookiesRequireHttps", !environment.IsDevelopment()),
            SiteTitle = NonEmpty(configuration["Safety:SiteTitle"]) ?? "IncidentResponse",
            QuickExitUrl = NonEmpty(configuration["Safety:QuickExitUrl"]) ?? "https://www.google.com/",
            PseudoLocale = configuration.GetValue("Languages:PseudoLocale", environment.IsDevelopment()),
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
