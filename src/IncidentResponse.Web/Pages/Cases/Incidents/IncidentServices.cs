namespace IncidentResponse.Web.Pages.Cases.Incidents;

/// <summary>The incident log's services (its forms' validators are found with every other page's).</summary>
public static class IncidentServices
{
    public static IServiceCollection AddIncidents(this IServiceCollection services)
    {
        services.AddScoped<IncidentTimelineQuery>();
        services.AddScoped<ContactReassessment>();
        return services;
    }
}
