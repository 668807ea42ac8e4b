using IncidentResponse.Domain.Evidence;

namespace IncidentResponse.Web.Pages.Cases.Evidence;

/// <summary>The evidence feature's services: the vault, where its sealed files are stored, and the start-up sweep.</summary>
public static class EvidenceServices
{
    /// <summary>
    /// Evidence vault (issue 4): sealed files under <paramref name="dataDirectory"/>/evidence, keys in the database.
    /// The sweep runs once at start-up, after the database migrator (hosted services start in the order added).
    /// </summary>
    public static IServiceCollection AddEvidence(this IServiceCollection services, string dataDirectory)
    {
        services.AddSingleton(new EvidenceVault());
        services.AddSingleton<IEvidenceBlobStore>(new FileSystemEvidenceBlobStore(Path.Combine(dataDirectory, "evidence")));
        services.AddScoped<CaseKeyring>();
        services.AddScoped<LookAlikes>();
        services.AddScoped<EvidenceReceiver>();
        services.AddScoped<EvidenceService>();
        services.AddSingleton<EvidenceSweeper>();
        services.AddHostedService<EvidenceSweepAtStartup>();
        return services;
    }
}
