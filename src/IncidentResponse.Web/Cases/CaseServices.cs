using IncidentResponse.Domain.Audit;

namespace IncidentResponse.Web.Cases;

/// <summary>What every case-scoped page shares: the membership filter, links to a case's pages, and its history.</summary>
public static class CaseServices
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddScoped<CaseMembershipFilter>();
        services.AddSingleton<CaseLinks>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<CaseShredder>();
        return services;
    }
}
