using System.Net;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// Every case-scoped page the app has, found from its endpoints rather than a list written by hand, so a page added
/// later cannot escape: a stranger gets 404 for every method, and anonymous visitors are sent to sign in.
/// </summary>
public abstract class AuthorizationTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task Every_case_scoped_page_is_found_and_derives_from_CasePageModel()
    {
        var pages = await CaseScopedPagesAsync();

        Assert.Contains(pages, p => p.Route == "cases/{caseId:guid}");
        Assert.Contains(pages, p => p.Route == "cases/{caseId:guid}/plan/{number:int}");
        Assert.Contains(pages, p => p.Route == "cases/{caseId:guid}/assessment/{assessmentId:guid}");
        foreach (var page in pages)
        {
            Assert.True(typeof(CasePageModel).IsAssignableFrom(page.ModelType), $"{page.Route} must derive from CasePageModel.");
        }
    }

    [Fact]
    public async Task A_stranger_gets_404_on_every_case_scoped_page_for_every_method()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync("Owner only");
        using var _ = owner;
        using var stranger = app.CreateAppClient();
        await stranger.SignUpAsync();
        var token = await stranger.AntiforgeryTokenAsync("/cases/new");

        foreach (var page in await CaseScopedPagesAsync())
        {
            var url = UrlFor(page.Route, caseId);
            var get = await stranger.GetAsync(url);
            Assert.True(get.Status == HttpStatusCode.NotFound, $"GET {page.Route} answered {(int)get.Status} to a stranger.");
            Assert.DoesNotContain("Owner only", get.Html, StringComparison.Ordinal);

            foreach (var handler in page.PostHandlers)
            {
                var postUrl = handler.Length == 0 ? url : $"{url}?handler={handler}";
                var post = await stranger.PostAsync(postUrl, new Dictionary<string, string> { ["__rvt"] = token });
                Assert.True(post.Status == HttpStatusCode.NotFound, $"POST {page.Route} ({handler}) answered {(int)post.Status} to a stranger.");
                Assert.DoesNotContain("Owner only", post.Html, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_case_scoped_page()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync("Owner only");
        using var _ = owner;
        using var anonymous = app.CreateAppClient();

        foreach (var page in await CaseScopedPagesAsync())
        {
            var url = UrlFor(page.Route, caseId);
            var get = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, get.Status);
            Assert.Contains("/account/sign-in", get.Location?.ToString(), StringComparison.Ordinal);
        }
    }

    /// <summary>A real address for the route: the case's id, and a plausible value for every other parameter.</summary>
    private static string UrlFor(string route, Guid caseId)
    {
        var url = "/" + route.Replace("{caseId:guid}", caseId.ToString(), StringComparison.Ordinal);
        url = System.Text.RegularExpressions.Regex.Replace(url, @"\{[^}]+:guid\}", _ => Guid.NewGuid().ToString());
        url = System.Text.RegularExpressions.Regex.Replace(url, @"\{[^}]+:int\}", "1");
        Assert.DoesNotContain("{", url, StringComparison.Ordinal);
        return url;
    }

    private async Task<List<CaseScopedPage>> CaseScopedPagesAsync()
    {
        _ = app.Server;
        var loader = app.Services.GetRequiredService<PageLoader>();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Any(p => p.Name == CaseMembershipFilter.RouteKey))
            .Select(e => (Endpoint: e, Descriptor: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Descriptor is not null)
            .ToList();
        Assert.Equal(
            endpoints.Count,
            app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Count(e => e.RoutePattern.Parameters.Any(p => p.Name == CaseMembershipFilter.RouteKey)));
        var pages = new List<CaseScopedPage>();
        foreach (var (endpoint, descriptor) in endpoints)
        {
            var compiled = await loader.LoadAsync(descriptor!, endpoint.Metadata);
            pages.Add(new CaseScopedPage(
                endpoint.RoutePattern.RawText!.TrimStart('/'),
                compiled.ModelTypeInfo!.AsType(),
                compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                    .Select(h => h.Name ?? "").DefaultIfEmpty("").Distinct().ToList()));
        }

        return pages.GroupBy(p => p.Route).Select(g => g.First()).ToList();
    }

    private sealed record CaseScopedPage(string Route, Type ModelType, IReadOnlyList<string> PostHandlers);
}

public sealed class AuthorizationTestsOnSqlite(SqliteApp app) : AuthorizationTests<SqliteApp>(app);

public sealed class AuthorizationTestsOnPostgres(PostgresApp app) : AuthorizationTests<PostgresApp>(app);
