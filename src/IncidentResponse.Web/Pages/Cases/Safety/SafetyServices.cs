using IncidentResponse.Domain.Safety;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Web.Pages.Cases.Safety;

/// <summary>What the safety feature adds to the app: the jurisdiction packs and the plan loader the safety pages read.</summary>
public static class SafetyServices
{
    public static IServiceCollection AddSafety(this IServiceCollection services)
    {
        // Every pack is read and checked once, against the date it is first needed: a broken pack throws (LoadEmbedded).
        services.AddSingleton(sp => JurisdictionCatalog.LoadEmbedded(DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime)));
        services.AddScoped<CasePlanLoader>();
        return services;
    }
}
