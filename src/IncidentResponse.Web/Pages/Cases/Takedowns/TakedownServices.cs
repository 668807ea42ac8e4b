using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Pages.Cases.Takedowns.Sightings;

namespace IncidentResponse.Web.Pages.Cases.Takedowns;

/// <summary>The takedown letters' services: the platform directory, the coordinators, and the letters' own code.</summary>
public static class TakedownServices
{
    public static IServiceCollection AddTakedowns(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Re-checks of pending places, for the cases that turn them on (issue 24): through PlaceChecks:Proxy when set.
        var proxy = configuration["PlaceChecks:Proxy"];
        services.AddSingleton(new PlaceCheckerOptions { Proxy = string.IsNullOrWhiteSpace(proxy) ? null : new Uri(proxy, UriKind.Absolute) });
        services.AddSingleton(sp => new PlaceChecker(sp.GetRequiredService<PlaceCheckerOptions>()));
        services.AddSingleton<PlaceCheckRound>();
        if (configuration.GetValue("PlaceChecks:Run", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<PlaceCheckRound>());
        }

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
