using System.Net;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Web.Accounts;
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
/// later cannot escape: every page and handler declares the operation it needs, and the matrix of every role against
/// every page and handler, read and write, answers as <see cref="CasePermissions"/> says (404 when refused, and then
/// nothing changes); a stranger gets 404 for every method, and anonymous visitors are sent to sign in.
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
        var file = await owner.AddEvidenceAsync(caseId, TestImages.Png(8, 8), "mine.png", new Dictionary<string, string> { ["Input.WhatItShows"] = Secret });
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
                Assert.DoesNotContain("example.org/private-place", response.Html, StringComparison.Ordinal);
            }
        }

        Assert.True(opened > 10, $"Only {opened} pages opened for the ally: the test would prove little.");
        Assert.Contains(Secret, (await owner.GetAsync($"/cases/{caseId}/log/{incident}")).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_case_page_and_every_handler_declares_the_operation_it_needs()
    {
        foreach (var page in await CaseScopedPagesAsync())
        {
            Assert.True(page.GetOperation is not null, $"GET {page.Route} ({page.ModelType.Name}) declares no [CaseOperationRequired]: it is refused to everyone.");
            foreach (var handler in page.PostMethods.Keys)
            {
                Assert.True(page.PostOperation(handler) is not null, $"POST {page.Route} ({handler}) declares no [CaseOperationRequired] of its own, and a class-level View does not cover a write.");
            }
        }

        // The owner's own powers, as the issue names them, are declared as the owner's.
        var pages = (await CaseScopedPagesAsync()).ToDictionary(p => p.Route, StringComparer.Ordinal);
        Assert.Equal(CaseOperation.Delete, pages["cases/{caseId:guid}/delete"].PostOperation(""));
        Assert.Equal(CaseOperation.Rename, pages["cases/{caseId:guid}/details"].PostOperation(""));
        Assert.Equal(CaseOperation.Export, pages["cases/{caseId:guid}/export"].PostOperation(""));
        foreach (var handler in new[] { "Invite", "RevokeInvitation", "Role", "EvidenceImages", "Export", "Remove" })
        {
            Assert.Equal(CaseOperation.Share, pages["cases/{caseId:guid}/people"].PostOperation(handler));
        }

        Assert.Equal(CaseOperation.MarkPrivate, pages["cases/{caseId:guid}/log/{incidentId:guid}"].PostOperation("Privacy"));
        Assert.Equal(CaseOperation.MarkPrivate, pages["cases/{caseId:guid}/evidence/{evidenceId:guid}"].PostOperation("Privacy"));
        Assert.Equal(CaseOperation.FinaliseLetter, pages["cases/{caseId:guid}/takedowns/{requestId:guid}"].PostOperation("Send"));
        Assert.Equal(CaseOperation.ViewEvidence, pages["cases/{caseId:guid}/evidence/{evidenceId:guid}/download"].GetOperation);
    }

    [Fact]
    public void A_page_or_write_without_a_declaration_is_refused()
    {
        var get = typeof(Undeclared).GetMethod(nameof(Undeclared.OnGet))!;
        var post = typeof(ReadOnlyDeclared).GetMethod(nameof(ReadOnlyDeclared.OnPost))!;
        var named = typeof(ReadOnlyDeclared).GetMethod(nameof(ReadOnlyDeclared.OnPostNamed))!;

        Assert.Null(CaseOperationRequiredAttribute.For(typeof(Undeclared), get, "GET"));
        Assert.Null(CaseOperationRequiredAttribute.For(typeof(Undeclared), null, "GET"));
        Assert.Equal(CaseOperation.View, CaseOperationRequiredAttribute.For(typeof(ReadOnlyDeclared), null, "HEAD"));
        Assert.Null(CaseOperationRequiredAttribute.For(typeof(ReadOnlyDeclared), post, "POST"));
        Assert.Equal(CaseOperation.AddEntry, CaseOperationRequiredAttribute.For(typeof(ReadOnlyDeclared), named, "POST"));
        Assert.Equal(CaseOperation.PrintEvidence, CaseOperationRequiredAttribute.For(typeof(Pages.Cases.Binder.ExhibitModel), null, "GET"));
    }

    /// <summary>
    /// Every case page and handler, read and write, for one kind of person: what they get is what the permission
    /// table says for what the page declares (404 when refused, the same answer a stranger gets), and a refused write
    /// changes nothing. An allowed read answers 200 or a redirect (to the passphrase confirmation on step-up pages);
    /// an allowed write answers 200 (the form again), a redirect, or 400, never 404.
    /// </summary>
    protected async Task EveryPageAnswersAsThePermissionsSayAsync(string who)
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync("Owner only");
        using var ownerClient = owner;
        var ids = await FillCaseAsync(owner, caseId);
        var (bystander, _) = await app.NewAllyAsync(owner, caseId, CaseRole.Viewer);
        bystander.Dispose();
        var bystanderId = await MemberIdAsync(caseId, CaseRole.Viewer);
        var invitationLink = await owner.InviteAsync(caseId, CaseRole.Helper);
        Guid invitationId;
        await using (var db = app.CreateDbContext())
        {
            invitationId = await db.AllyInvitations.Where(i => i.CaseId == caseId && i.AcceptedUtc == null).Select(i => i.Id).SingleAsync();
        }

        Assert.NotEmpty(invitationLink);

        // Who is asking, and what the permission table gives them (null: not a member of this case at all).
        AppClient client;
        (CaseRole Role, bool Images, bool Export)? member = null;
        switch (who)
        {
            case "owner":
                client = owner;
                member = (CaseRole.Owner, false, false);
                break;
            case "anonymous":
                client = app.CreateAppClient();
                break;
            case "stranger":
                client = app.CreateAppClient();
                await client.SignUpAsync();
                break;
            default:
                var role = who switch
                {
                    "advocate" => CaseRole.Advocate,
                    "helper" or "helper with export" or "removed" => CaseRole.Helper,
                    _ => CaseRole.Viewer,
                };
                (client, _) = await app.NewAllyAsync(owner, caseId, role);
                var allyId = await MemberIdAsync(caseId, role, except: bystanderId);
                var images = who == "viewer with images";
                var export = who == "helper with export";
                await using (var db = app.CreateDbContext())
                {
                    await db.CaseMembers.Where(m => m.CaseId == caseId && m.UserId == allyId)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.EvidenceImagesGranted, images).SetProperty(m => m.ExportAllowed, export));
                }

                if (who == "removed")
                {
                    Assert.Equal(HttpStatusCode.Redirect, (await owner.ManageAllyAsync(caseId, "Remove", allyId)).Status);
                }
                else
                {
                    member = (role, images, export);
                }

                break;
        }

        using var asking = who == "owner" ? null : client;
        var token = who == "anonymous" ? "" : await client.AntiforgeryTokenAsync("/cases/new");
        var checkedRequests = 0;
        var refusedWrites = 0;
        var leave = new List<(string Url, CaseScopedPage Page)>();
        foreach (var page in await CaseScopedPagesAsync())
        {
            var url = UrlFor(page.Route, caseId, ids);
            var get = await client.GetAsync(url);
            Expect(page.GetOperation!.Value, page.StepUp(page.GetHandler), isWrite: false, get, $"GET {page.Route}");
            checkedRequests++;

            foreach (var handler in page.PostMethods.Keys)
            {
                if (handler == "Leave")
                {
                    leave.Add((url, page));
                    continue;
                }

                await PostAsync(url, page, handler);
            }
        }

        // Leaving is a write that ends the member's access: last, after everything else was checked.
        foreach (var (url, page) in leave)
        {
            await PostAsync(url, page, "Leave");
        }

        Assert.True(checkedRequests >= 30, $"Only {checkedRequests} pages were checked.");
        if (member is null || member.Value.Role == CaseRole.Viewer)
        {
            Assert.True(refusedWrites >= 20, $"Only {refusedWrites} refused writes were checked for {who}.");
        }

        async Task PostAsync(string url, CaseScopedPage page, string handler)
        {
            var operation = page.PostOperation(handler)!.Value;
            var allowed = member is { } m && CasePermissions.Allows(m.Role, operation, m.Images, m.Export)
                && !(handler == "Leave" && m.Role == CaseRole.Owner); // the owner cannot leave their own case (they delete it)
            var before = allowed ? null : await SnapshotAsync(caseId);
            var postUrl = (handler.Length == 0 ? url + "?" : $"{url}?handler={handler}&")
                + $"userId={bystanderId}&invitationId={invitationId}&role=Helper&grant=true&allow=true";
            var fields = new Dictionary<string, string>();
            if (token.Length > 0)
            {
                fields["__rvt"] = token;
            }

            var post = await client.PostAsync(postUrl, fields);
            Expect(operation, page.StepUp(page.PostMethods[handler]), isWrite: true, post, $"POST {page.Route} ({handler})", allowed);
            if (before is not null)
            {
                Assert.True(before == await SnapshotAsync(caseId), $"POST {page.Route} ({handler}) was refused to {who} but changed the case.");
                refusedWrites++;
            }
        }

        void Expect(CaseOperation operation, bool stepUp, bool isWrite, AppClient.PageResult response, string what, bool? allowedOverride = null)
        {
            var status = (int)response.Status;
            if (who == "anonymous")
            {
                Assert.True(response.Status == HttpStatusCode.Redirect && (response.Location?.ToString() ?? "").Contains("/account/sign-in", StringComparison.Ordinal), $"{what} answered {status} to an anonymous visitor, not the sign-in page.");
                return;
            }

            var allowed = allowedOverride ?? (member is { } m && CasePermissions.Allows(m.Role, operation, m.Images, m.Export));
            if (!allowed)
            {
                Assert.True(response.Status == HttpStatusCode.NotFound, $"{what} ({operation}) answered {status} to {who}; expected 404.");
                Assert.DoesNotContain("Owner only", response.Html, StringComparison.Ordinal);
                return;
            }

            var location = response.Location?.ToString() ?? "";
            if (stepUp)
            {
                Assert.True(response.Status == HttpStatusCode.Redirect && location.StartsWith(StepUp.ConfirmPath, StringComparison.Ordinal), $"{what} ({operation}) answered {status} {location} to {who}; expected the passphrase confirmation.");
                return;
            }

            var fine = isWrite
                ? response.Status is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.BadRequest
                : response.Status is HttpStatusCode.OK or HttpStatusCode.Redirect;
            Assert.True(fine && !location.Contains("/account/sign-in", StringComparison.Ordinal), $"{what} ({operation}) answered {status} {location} to {who}, who may do it.");
        }
    }

    /// <summary>A case with one of everything a case page can be about; the ids fill the routes.</summary>
    private async Task<Dictionary<string, Guid>> FillCaseAsync(AppClient owner, Guid caseId)
    {
        var incident = await owner.AddIncidentAsync(caseId, app.IncidentForm("Shared entry"));
        var file = await owner.AddEvidenceAsync(caseId, TestImages.Png(8, 8), "shared.png");
        await owner.AddSightingsAsync(caseId, "https://www.reddit.com/r/example/comments/matrix1/post", incident);
        var assessed = await owner.TakeAssessmentAsync(caseId, AssessmentJourneys.AllAnswered(ThreatAnswer.No));
        Assert.Equal(HttpStatusCode.Redirect, assessed.Status);
        await using var db = app.CreateDbContext();
        var sighting = await db.Sightings.Where(s => s.CaseId == caseId).Select(s => s.Id).SingleAsync();
        var draft = await owner.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SightingIds"] = sighting.ToString(),
            ["Input.SenderEmail"] = "sam@example.org",
            ["Input.GoodFaithConfirmed"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, draft.Status);
        return new Dictionary<string, Guid>(StringComparer.Ordinal)
        {
            ["incidentId"] = incident,
            ["evidenceId"] = file,
            ["sightingId"] = sighting,
            ["requestId"] = await db.TakedownRequests.Where(r => r.CaseId == caseId).Select(r => r.Id).SingleAsync(),
            ["assessmentId"] = await db.ThreatAssessments.Where(a => a.CaseId == caseId).Select(a => a.Id).SingleAsync(),
        };
    }

    private async Task<Guid> MemberIdAsync(Guid caseId, CaseRole role, Guid? except = null)
    {
        await using var db = app.CreateDbContext();
        return await db.CaseMembers.Where(m => m.CaseId == caseId && m.Role == role && m.UserId != except).Select(m => m.UserId).SingleAsync();
    }

    /// <summary>Everything a write could change, counted: every change is audited, and rows, roles and grants are counted too.</summary>
    private async Task<string> SnapshotAsync(Guid caseId)
    {
        await using var db = app.CreateDbContext();
        db.ShowPrivateItems = true;
        var members = await db.CaseMembers.Where(m => m.CaseId == caseId).OrderBy(m => m.UserId)
            .Select(m => m.UserId + ":" + m.Role + ":" + m.EvidenceImagesGranted + ":" + m.ExportAllowed).ToListAsync();
        var incidents = await db.Incidents.Where(i => i.CaseId == caseId).OrderBy(i => i.Id).Select(i => i.Id + ":" + i.IsPrivate + ":" + i.Narrative).ToListAsync();
        var files = await db.EvidenceItems.Where(e => e.CaseId == caseId).OrderBy(e => e.Id).Select(e => e.Id + ":" + e.IsPrivate).ToListAsync();
        var letters = await db.TakedownRequests.Where(r => r.CaseId == caseId).OrderBy(r => r.Id).Select(r => r.Id + ":" + r.Status + ":" + r.Reasons).ToListAsync();
        var counts = string.Join(
            ",",
            await db.AuditEvents.LongCountAsync(e => e.CaseId == caseId),
            await db.Sightings.LongCountAsync(s => s.CaseId == caseId),
            await db.SightingStatusChanges.LongCountAsync(c => c.CaseId == caseId),
            await db.TakedownResponses.LongCountAsync(r => r.CaseId == caseId),
            await db.ThreatAssessments.LongCountAsync(a => a.CaseId == caseId),
            await db.AllyInvitations.LongCountAsync(i => i.CaseId == caseId && i.RevokedUtc == null),
            await db.Cases.Where(c => c.Id == caseId).Select(c => c.Title).SingleAsync());
        return string.Join("|", counts, string.Join(";", members), string.Join(";", incidents), string.Join(";", files), string.Join(";", letters));
    }

    private async Task<long> AuditCountAsync(Guid caseId)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEvents.LongCountAsync(e => e.CaseId == caseId);
    }

    /// <summary>The route with the case's real ids for every parameter named in <paramref name="ids"/>.</summary>
    private static string UrlFor(string route, Guid caseId, IReadOnlyDictionary<string, Guid> ids)
    {
        foreach (var (name, id) in ids)
        {
            route = route.Replace("{" + name + ":guid}", id.ToString(), StringComparison.Ordinal);
        }

        return UrlFor(route, caseId);
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
            var posts = compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)).ToList();
            pages.Add(new CaseScopedPage(
                endpoint.RoutePattern.RawText!.TrimStart('/'),
                compiled.ModelTypeInfo!.AsType(),
                posts.Select(h => h.Name ?? "").DefaultIfEmpty("").Distinct().ToList(),
                posts.Count > 0,
                compiled.HandlerMethods.FirstOrDefault(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase))?.MethodInfo,
                posts.GroupBy(h => h.Name ?? "").ToDictionary(g => g.Key, g => g.First().MethodInfo, StringComparer.Ordinal)));
        }

        return pages.GroupBy(p => p.Route).Select(g => g.First()).ToList();
    }

    private sealed record CaseScopedPage(
        string Route,
        Type ModelType,
        IReadOnlyList<string> PostHandlers,
        bool HasPostHandler,
        System.Reflection.MethodInfo? GetHandler,
        IReadOnlyDictionary<string, System.Reflection.MethodInfo> PostMethods)
    {
        /// <summary>The operation a GET needs, as the page declares it (null: undeclared, refused).</summary>
        public CaseOperation? GetOperation => CaseOperationRequiredAttribute.For(ModelType, GetHandler, "GET");

        public CaseOperation? PostOperation(string handler) => CaseOperationRequiredAttribute.For(ModelType, PostMethods[handler], "POST");

        /// <summary>True when the step-up (passphrase again) guards this handler, so an allowed request goes to confirm first.</summary>
        public bool StepUp(System.Reflection.MethodInfo? handler) =>
            (handler?.GetCustomAttributes(typeof(RequiresRecentPassphraseAttribute), true).Length ?? 0) > 0
            || ModelType.GetCustomAttributes(typeof(RequiresRecentPassphraseAttribute), true).Length > 0;
    }
}

/// <summary>A page model that declares nothing: refused to everyone.</summary>
public sealed class Undeclared : CasePageModel
{
    public Microsoft.AspNetCore.Mvc.IActionResult OnGet() => Page();
}

/// <summary>Declares View for the page: that covers reads only, never a write without its own declaration.</summary>
[CaseOperationRequired(CaseOperation.View)]
public sealed class ReadOnlyDeclared : CasePageModel
{
    public Microsoft.AspNetCore.Mvc.IActionResult OnPost() => Page();

    [CaseOperationRequired(CaseOperation.AddEntry)]
    public Microsoft.AspNetCore.Mvc.IActionResult OnPostNamed() => Page();
}

/// <summary>The full matrix on SQLite: every role and grant against every page and handler.</summary>
public sealed class AuthorizationTestsOnSqlite(SqliteApp app) : AuthorizationTests<SqliteApp>(app)
{
    [Theory]
    [InlineData("owner")]
    [InlineData("advocate")]
    [InlineData("helper")]
    [InlineData("helper with export")]
    [InlineData("viewer")]
    [InlineData("viewer with images")]
    [InlineData("removed")]
    [InlineData("stranger")]
    [InlineData("anonymous")]
    public Task Every_page_and_handler_answers_each_person_as_the_permissions_say(string who) => EveryPageAnswersAsThePermissionsSayAsync(who);
}

/// <summary>A representative slice on PostgreSQL (the whole matrix there would double the run for the same code).</summary>
public sealed class AuthorizationTestsOnPostgres(PostgresApp app) : AuthorizationTests<PostgresApp>(app)
{
    [Theory]
    [InlineData("owner")]
    [InlineData("viewer")]
    [InlineData("removed")]
    public Task Every_page_and_handler_answers_each_person_as_the_permissions_say(string who) => EveryPageAnswersAsThePermissionsSayAsync(who);
}
