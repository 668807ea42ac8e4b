using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Browser.Tests.Infrastructure;

/// <summary>A Razor page of the running app: its route template and whether it takes a post.</summary>
public sealed partial record AppPage(string Route, bool TakesPost)
{
    /// <summary>The names of the route's parameters, for example <c>caseId</c> and <c>incidentId</c>.</summary>
    public IReadOnlyList<string> Parameters { get; } = RouteParameter().Matches(Route).Select(m => m.Groups["name"].Value).ToList();

    public bool IsCaseScoped => Parameters.Contains("caseId");

    /// <summary>
    /// A pattern matching addresses of this page, for finding a real one among a page's links: <c>{x:guid}</c> and
    /// <c>{x:int}</c> become what they accept, other parameters one path segment.
    /// </summary>
    public Regex AddressPattern()
    {
        var route = "/" + Route;
        var pattern = new System.Text.StringBuilder("^");
        var at = 0;
        foreach (Match m in RouteParameter().Matches(route))
        {
            pattern.Append(Regex.Escape(route[at..m.Index]));
            var name = m.Groups["name"].Value;
            pattern.Append(m.Groups["constraint"].Value switch
            {
                "guid" => $"(?<{name}>[0-9a-f]{{8}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{12}})",
                "int" => $"(?<{name}>[0-9]+)",
                _ => $"(?<{name}>[^/?#]+)",
            });
            at = m.Index + m.Length;
        }

        pattern.Append(Regex.Escape(route[at..])).Append('$');
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant);
    }

    /// <summary>The route with values put in; <see langword="null"/> when one of its parameters has no value.</summary>
    public string? AddressWith(IReadOnlyDictionary<string, string> values)
    {
        var missing = false;
        var address = "/" + RouteParameter().Replace(Route, m =>
        {
            if (values.TryGetValue(m.Groups["name"].Value, out var value))
            {
                return value;
            }

            // An optional parameter may be left out.
            missing |= !m.Value.Contains('?', StringComparison.Ordinal);
            return "";
        });
        return missing ? null : address.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/";
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:(?<constraint>[a-z]+))?\??\}")]
    private static partial Regex RouteParameter();
}

/// <summary>Every Razor page the app maps, read from its endpoints rather than listed by hand.</summary>
public static class AppPages
{
    public static async Task<IReadOnlyList<AppPage>> AllAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var pages = new Dictionary<string, AppPage>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor)
            {
                continue;
            }

            var route = endpoint.RoutePattern.RawText!.TrimStart('/');
            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var takesPost = compiled.HandlerMethods.Any(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase));
            pages.TryAdd(route, new AppPage(route, takesPost));
        }

        return [.. pages.Values.OrderBy(p => p.Route, StringComparer.Ordinal)];
    }
}
