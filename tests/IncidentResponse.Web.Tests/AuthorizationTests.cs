using System.Net;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
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

    [Theory]
    [InlineData("viewer")]
    [InlineData("removed")]
    public async Task A_viewer_or_a_removed_ally_changes_nothing_through_any_handler(string who)
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync("Owner only");
        using var _ = owner;
        var incident = await owner.AddIncidentAsync(caseId, app.IncidentForm("Shared entry"));
        var (ally, _) = await app.NewAllyAsync(owner, caseId, CaseRole.Viewer);
        using var __ = ally;
        var token = await ally.AntiforgeryTokenAsync("/cases/new");
        Guid allyId;
        await using (var db = app.CreateDbContext())
        {
            allyId = await db.CaseMembers.Where(m => m.CaseId == caseId && m.Role == CaseRole.Viewer).Select(m => m.UserId).SingleAsync();
        }

        if (who == "removed")
        {
            Assert.Equal(HttpStatusCode.Redirect, (await owner.ManageAllyAsync(caseId, "Remove", allyId)).Status);
        }

        var before = await AuditCountAsync(caseId);
        foreach (var page in await CaseScopedPagesAsync())
        {
            var url = UrlFor(page.Route, caseId, incident);
            var get = await ally.GetAsync(url);
            if (who == "removed")
            {
                Assert.True(get.Status == HttpStatusCode.NotFound, $"GET {page.Route} answered {(int)get.Status} to a removed ally.");
            }
            else
            {
                Assert.True(get.Status is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"GET {page.Route} answered {(int)get.Status} to a viewer.");
            }

            if (!page.HasPostHandler)
            {
                // A page that takes no post answers a member's post with 404, never a 500 from rendering unprepared.
                var stray = await ally.PostAsync(url, new Dictionary<string, string> { ["__rvt"] = token });
                Assert.True(stray.Status == HttpStatusCode.NotFound, $"POST {page.Route} (no handler) answered {(int)stray.Status}.");
                continue;
            }

            foreach (var handler in page.PostHandlers.Where(h => h != "Leave"))
            {
                var postUrl = handler.Length == 0 ? url : $"{url}?handler={handler}&userId={allyId}&makePrivate=true&grant=true&allow=true&role=Advocate";
                var post = await ally.PostAsync(postUrl, new Dictionary<string, string> { ["__rvt"] = token });
                Assert.True(post.Status is not HttpStatusCode.InternalServerError, $"POST {page.Route} ({handler}) failed with 500.");
                if (who == "removed")
                {
                    Assert.True(post.Status == HttpStatusCode.NotFound, $"POST {page.Route} ({handler}) answered {(int)post.Status} to a removed ally.");
                }
            }
        }

        Assert.Equal(before, await AuditCountAsync(caseId));
        await using var check = app.CreateDbContext();
        if (who == "viewer")
        {
            var member = await check.CaseMembers.SingleAsync(m => m.CaseId == caseId && m.UserId == allyId);
            Assert.Equal(CaseRole.Viewer, member.Role);
            Assert.False(member.EvidenceImagesGranted);
            Assert.False(member.ExportAllowed);
        }

        Assert.False((await check.Incidents.SingleAsync(i => i.Id == incident)).IsPrivate);
    }

    [Theory]
    [InlineData(CaseRole.Advocate, true)]
    [InlineData(CaseRole.Helper, true)]
    [InlineData(CaseRole.Viewer, true)]
    [InlineData(CaseRole.Viewer, false)]
    public async Task A_private_entry_and_file_appear_in_no_page_an_ally_can_open(CaseRole role, bool imagesShared)
    {
        const string Secret = "Private-words-for-me";
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync("Owner only");
        using var _ = owner;
        var incident = await owner.AddIncidentAsync(caseId, app.IncidentForm(Secret));
        await owner.AddSightingsAsync(caseId, "https://example.org/private-place", incident);
        var file = await owner.AddEvidenceAsync(caseId, TestFiles.Png(8, 8), "mine.png", new Dictionary<string, string> { ["Input.WhatItShows"] = Secret });
        await owner.SubmitAsync($"/cases/{caseId}/log/{incident}", new Dictionary<string, string>(), "handler=Privacy");
        await owner.SubmitAsync($"/cases/{caseId}/evidence/{file}", new Dictionary<string, string>(), "handler=Privacy");
        var (ally, _) = await app.NewAllyAsync(owner, caseId, role);
        using var __ = ally;
        if (imagesShared)
        {
            await using var db = app.CreateDbContext();
            await db.CaseMembers.Where(m => m.CaseId == caseId && m.Role == role).ExecuteUpdateAsync(s => s.SetProperty(m => m.EvidenceImagesGranted, true));
        }

        var opened = 0;
        foreach (var page in await CaseScopedPagesAsync())
        {
            foreach (var url in new[] { UrlFor(page.Route, caseId, incident, file), UrlFor(page.Route, caseId, incident, file) + "?kind=Evidence", UrlFor(page.Route, caseId, incident, file) + "?show=true" })
            {
                var response = await ally.GetAsync(url);
                opened += response.Status == HttpStatusCode.OK ? 1 : 0;
                Assert.DoesNotContain(Secret, response.Html, StringComparison.Ordinal);
                Assert.DoesNotContain(incident.ToString(), response.Html, StringComparison.Ordinal);
                Assert.DoesNotContain(file.ToString(), response.Html, StringComparison.Ordinal);
            }
        }

        Assert.True(opened > 10, $"Only {opened} pages opened for the ally: the test would prove little.");
        Assert.Contains(Secret, (await owner.GetAsync($"/cases/{caseId}/log/{incident}")).MainText, StringComparison.Ordinal);
    }

    private async Task<long> AuditCountAsync(Guid caseId)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEvents.LongCountAsync(e => e.CaseId == caseId);
    }

    /// <summary>The route with real ids where given: the incident for <c>{incidentId}</c>, the file for <c>{evidenceId}</c>.</summary>
    private static string UrlFor(string route, Guid caseId, Guid incidentId, Guid? evidenceId = null)
    {
        route = route.Replace("{incidentId:guid}", incidentId.ToString(), StringComparison.Ordinal);
        if (evidenceId is { } file)
        {
            route = route.Replace("{evidenceId:guid}", file.ToString(), StringComparison.Ordinal);
        }

        return UrlFor(route, caseId);
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
                    .Select(h => h.Name ?? "").DefaultIfEmpty("").Distinct().ToList(),
                compiled.HandlerMethods.Any(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))));
        }

        return pages.GroupBy(p => p.Route).Select(g => g.First()).ToList();
    }

    private sealed record CaseScopedPage(string Route, Type ModelType, IReadOnlyList<string> PostHandlers, bool HasPostHandler);
}

public sealed class AuthorizationTestsOnSqlite(SqliteApp app) : AuthorizationTests<SqliteApp>(app);

public sealed class AuthorizationTestsOnPostgres(PostgresApp app) : AuthorizationTests<PostgresApp>(app);
