using System.Reflection;
using FluentValidation;

namespace IncidentResponse.Web.Hosting;

/// <summary>
/// Registers every <see cref="IValidator{T}"/> in an assembly (TOOLCHAIN gotcha E: FluentValidation's DI package is
/// not served).
/// </summary>
public static class ValidatorRegistration
{
    public static IServiceCollection AddValidatorsFrom(this IServiceCollection services, Assembly assembly)
    {
        var validators = assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
                .Select(i => (Service: i, Implementation: t)));
        foreach (var (service, implementation) in validators)
        {
            services.AddScoped(service, implementation);
        }

        return services;
    }
}
