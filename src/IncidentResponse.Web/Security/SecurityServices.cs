using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace IncidentResponse.Web.Security;

/// <summary>Key handling (the master key and what is derived from it, the Data Protection key ring) and the request guards.</summary>
public static class SecurityServices
{
    public static IServiceCollection AddSecurity(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, AppOptions options)
    {
        services.AddSingleton(MasterKey.Load(configuration, environment, options.DataDirectory));
        services.AddSingleton(sp => sp.GetRequiredService<MasterKey>().AuditChain);

        // The key ring in the database, so every instance reads every cookie. Naming a repository turns off the
        // framework's own at-rest protection, so each entry is sealed under the key-ring key (ADR 0021).
        services.AddDataProtection().SetApplicationName("IncidentResponse").PersistKeysToDbContext<AppDbContext>();
        services.AddOptions<KeyManagementOptions>().Configure<MasterKey>((k, masterKey) => k.XmlEncryptor = new MasterKeyXmlEncryptor(masterKey));

        services.AddHttpContextAccessor();
        services.AddScoped<SubmissionGuard>();
        services.AddSingleton<FairPrinting>();
        services.AddRateLimits(configuration, options);

        // Trusted timestamps of the histories (ADR 0033): asked for only when an authority is configured. The client keeps
        // no cookies and follows no redirect; only a digest is sent.
        var authority = TimestampAuthorityOptions.From(configuration);
        services.AddSingleton(authority);
        services.AddSingleton<TrustedTimestamper>();
        services.AddHttpClient(TrustedTimestamper.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        if (authority.Url is not null)
        {
            services.AddSingleton<TrustedTimestampRound>();
            services.AddHostedService(sp => sp.GetRequiredService<TrustedTimestampRound>());
        }

        return services;
    }
}
