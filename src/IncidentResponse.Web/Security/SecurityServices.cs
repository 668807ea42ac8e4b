using IncidentResponse.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace IncidentResponse.Web.Security;

/// <summary>Key handling (the master key and what is derived from it, the Data Protection key ring) and the request guards.</summary>
public static class SecurityServices
{
    public static IServiceCollection AddSecurity(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, AppOptions options)
    {
        services.AddSingleton(MasterKey.Load(configuration, environment, options.DataDirectory));
        services.AddSingleton(sp => sp.GetRequiredService<MasterKey>().AuditChain);
        services.AddDataProtection().SetApplicationName("IncidentResponse");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(k =>
        {
            k.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>());
            k.XmlEncryptor = new MasterKeyXmlEncryptor(sp.GetRequiredService<MasterKey>());
        }));

        services.AddHttpContextAccessor();
        services.AddScoped<SubmissionGuard>();
        services.AddSingleton<FairPrinting>();
        services.AddRateLimits(configuration, options);
        return services;
    }
}
