using System.Net;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// Two app processes against one PostgreSQL, behind nginx with deploy/nginx.conf: whatever instance answers, a
/// person's session, forms, edits and access are the same, because everything that decides them is in the database.
/// </summary>
[Trait("Category", "System")]
public sealed class TwoInstanceTests(TwoInstances site) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task Signed_in_on_one_instance_you_carry_on_on_the_other_and_through_the_proxy()
    {
        var browser = site.NewBrowser();
        using var onA = site.Direct(site.A, browser);
        using var onB = site.Direct(site.B, browser);
        using var proxied = site.ThroughProxy(browser);
        var username = await onA.SignUpAsync();
        await onA.SubmitAsync("/cases", new Dictionary<string, string>(), "/account/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, (await onB.GetAsync("/cases")).Status);

        // Signed in on A: B reads the same session cookie (the key ring is shared, in the database).
        var signedIn = await onA.SignInAsync(username);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Contains("__Host-ir-session", browser.GetCookieHeader(site.Proxy.Address), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/cases")).Status);

        // A form served by A, posted to B: B accepts A's antiforgery token.
        var form = await onA.GetAsync("/cases/new");
        var token = form.Document.QuerySelector("main input[name=__rvt]")!.GetAttribute("value")!;
        var created = await onB.PostAsync("/cases/new", new Dictionary<string, string> { ["__rvt"] = token, ["Input.Title"] = "Spring notes" });
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var caseId = Guid.Parse(created.Location!.OriginalString.Split('/')[2]);

        // Through nginx, requests go round the two instances; every one of them is served and signed in.
        for (var i = 0; i < 6; i++)
        {
            var page = await proxied.GetAsync($"/cases/{caseId}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("Spring notes", page.Html, StringComparison.Ordinal);
        }

        var incidentId = await proxied.AddIncidentAsync(caseId, TwoInstances.IncidentForm("Written through the proxy"));
        Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync($"/cases/{caseId}/log/{incidentId}")).Status);
        var log = site.Proxy.AccessLog;
        Assert.Contains($"127.0.0.1:{site.A.Port}", log, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{site.B.Port}", log, StringComparison.Ordinal);
        // The proxy's log holds no address path: no case id, no invitation secret.
        Assert.DoesNotContain(caseId.ToString(), log, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Signing_in_through_the_proxy_works_whichever_instance_serves_the_form_and_the_post()
    {
        var browser = site.NewBrowser();
        using var proxied = site.ThroughProxy(browser);
        var username = await proxied.SignUpAsync();
        await proxied.SubmitAsync("/cases", new Dictionary<string, string>(), "/account/sign-out");
        for (var attempt = 0; attempt < 2; attempt++)
        {
            // Two rounds: with two instances in turn, the form and its post come from different ones at least once.
            var signedIn = await proxied.SignInAsync(username);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
            Assert.Equal(HttpStatusCode.OK, (await proxied.GetAsync("/cases")).Status);
            Assert.Equal(HttpStatusCode.OK, (await proxied.GetAsync("/cases")).Status);
            await proxied.SubmitAsync("/cases", new Dictionary<string, string>(), "/account/sign-out");
            Assert.Equal(HttpStatusCode.Redirect, (await proxied.GetAsync("/cases")).Status);
        }
    }

    [Fact]
    public async Task Editing_one_entry_on_both_instances_at_once_gives_the_second_save_the_concurrency_page()
    {
        var browser = site.NewBrowser();
        using var onA = site.Direct(site.A, browser);
        using var onB = site.Direct(site.B, browser);
        await onA.SignUpAsync();
        var caseId = await onA.CreateCaseAsync();
        var incidentId = await onA.AddIncidentAsync(caseId, TwoInstances.IncidentForm("Original words"));
        var url = $"/cases/{caseId}/log/{incidentId}/edit";

        // Two tabs: the form opened on each instance before either is saved.
        var formOnA = await onA.GetAsync(url);
        var formOnB = await onB.GetAsync(url);
        Assert.Equal(formOnA.FieldValue("Input.Version"), formOnB.FieldValue("Input.Version"));
        var first = TwoInstances.IncidentForm("Saved on A");
        first["__rvt"] = formOnA.Document.QuerySelector("main input[name=__rvt]")!.GetAttribute("value")!;
        first["Input.Version"] = formOnA.FieldValue("Input.Version")!;
        Assert.Equal(HttpStatusCode.Redirect, (await onA.PostAsync(url, first)).Status);

        var second = TwoInstances.IncidentForm("Saved on B");
        second["__rvt"] = formOnB.Document.QuerySelector("main input[name=__rvt]")!.GetAttribute("value")!;
        second["Input.Version"] = formOnB.FieldValue("Input.Version")!;
        var refused = await onB.PostAsync(url, second);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Saved on A", refused.Document.QuerySelector("#conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Saved on B", refused.Document.QuerySelector("textarea[name='Input.Narrative']")!.TextContent.Trim());
        await using var db = site.CreateDbContext();
        Assert.Equal("Saved on A", (await db.Incidents.SingleAsync(i => i.Id == incidentId)).Narrative);
    }

    [Fact]
    public async Task An_ally_removed_on_one_instance_is_refused_on_the_other_at_their_very_next_request()
    {
        var ownersBrowser = site.NewBrowser();
        using var ownerOnA = site.Direct(site.A, ownersBrowser);
        await ownerOnA.SignUpAsync();
        var caseId = await ownerOnA.CreateCaseAsync();
        var link = await ownerOnA.InviteAsync(caseId, CaseRole.Helper);

        var allysBrowser = site.NewBrowser();
        using var allyOnB = site.Direct(site.B, allysBrowser);
        var allyName = await allyOnB.SignUpAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await allyOnB.AcceptAsync(link)).Status);
        Assert.Equal(HttpStatusCode.OK, (await allyOnB.GetAsync($"/cases/{caseId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await allyOnB.GetAsync($"/cases/{caseId}/log")).Status);

        Guid allyId;
        await using (var db = site.CreateDbContext())
        {
            allyId = await db.Users.Where(u => u.UserName == allyName).Select(u => u.Id).SingleAsync();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await ownerOnA.ManageAllyAsync(caseId, "Remove", allyId)).Status);

        Assert.Equal(HttpStatusCode.NotFound, (await allyOnB.GetAsync($"/cases/{caseId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await allyOnB.GetAsync($"/cases/{caseId}/log")).Status);
    }
}
