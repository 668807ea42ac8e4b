using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>
/// Every address the app answers a GET on, read from its endpoint data source (as the authorization matrix does), with
/// the route's parameters and every value a GET handler reads from the query: a page added later is fetched too, and
/// a query value nobody taught the caller how to fill is reported rather than skipped.
/// </summary>
public static class GetEndpointCatalog
{
    public sealed record GetEndpoint(
        string Route,
        Type? ModelType,
        IReadOnlyList<RouteParameter> RouteParameters,
        IReadOnlyList<QueryParameter> Query,
        IReadOnlyList<string> NamedGetHandlers);

    public sealed record RouteParameter(string Name, bool Optional);

    public sealed record QueryParameter(string Name, Type Type);

    public static async Task<IReadOnlyList<GetEndpoint>> ReadAsync(AppFixture app)
    {
        _ = app.Server;
        var loader = app.Services.GetRequiredService<PageLoader>();
        var found = new Dictionary<string, GetEndpoint>(StringComparer.Ordinal);
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (found.ContainsKey(route))
            {
                continue;
            }

            var routeParameters = endpoint.RoutePattern.Parameters.Select(p => new RouteParameter(p.Name, p.IsOptional)).ToList();
            var descriptor = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
            if (descriptor is null)
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
                if (methods is null || methods.Count == 0 || methods.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase))
                {
                    found[route] = new GetEndpoint(route, null, routeParameters, [], []);
                }

                continue;
            }

            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var routeNames = routeParameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var gets = compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, HttpMethods.Get, StringComparison.OrdinalIgnoreCase)).ToList();
            var query = gets.SelectMany(h => h.Parameters)
                .Where(p => p.ParameterType != typeof(CancellationToken) && !routeNames.Contains(p.Name))
                .Select(p => new QueryParameter(p.Name, p.ParameterType))
                .ToList();
            var modelType = compiled.ModelTypeInfo!.AsType();
            query.AddRange(modelType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is { SupportsGet: true } || p.GetCustomAttribute<FromQueryAttribute>() is not null)
                .Where(p => !routeNames.Contains(p.Name))
                .Select(p => new QueryParameter(p.Name, p.PropertyType)));
            found[route] = new GetEndpoint(
                route,
                modelType,
                routeParameters,
                query.DistinctBy(q => q.Name.ToUpperInvariant()).ToList(),
                gets.Where(h => !string.IsNullOrEmpty(h.Name)).Select(h => h.Name!).Distinct().ToList());
        }

        return found.Values.OrderBy(e => e.Route, StringComparer.Ordinal).ToList();
    }
}
