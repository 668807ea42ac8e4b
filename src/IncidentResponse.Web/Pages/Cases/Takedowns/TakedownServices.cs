using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Web.Pages.Cases.Takedowns;

/// <summary>The takedown letters' services: the platform directory, the coordinators, and the letters' own code.</summary>
public static class TakedownServices
{
    public static IServiceCollection AddTakedowns(this IServiceCollection services)
    {
        services.AddSingleton(sp => PlatformDirectory.LoadEmbedded(Today(sp)));
        services.AddSingleton(sp => DigitalServicesCoordinators.LoadEmbedded(Today(sp)));
        services.AddScoped<TakedownLetters>();
        services.AddScoped<TakedownActions>();
        services.AddScoped<LetterPdf>();
        return services;
    }

    private static DateOnly Today(IServiceProvider services) =>
        DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
}
