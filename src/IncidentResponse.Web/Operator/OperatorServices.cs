using IncidentResponse.Web.Operator.Demo;

namespace IncidentResponse.Web.Operator;

/// <summary>What the operator commands need when the app serves: migrating at start-up, and demo seeding's services.</summary>
public static class OperatorServices
{
    public static IServiceCollection AddOperator(this IServiceCollection services)
    {
        // First of the hosted services, so the database is migrated before anything else starts.
        services.AddHostedService<DatabaseMigrator>();
        services.AddScoped<DemoCase>();
        services.AddScoped<DemoTakedowns>();
        return services;
    }
}
