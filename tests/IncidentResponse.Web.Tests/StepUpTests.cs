using System.Net;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Pages.Account;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// "Enter your passphrase again" before a sensitive action, shown on "Download everything" (the first page that
/// asks for it) and on the filter itself for a GET.
/// </summary>
public abstract class StepUpTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task Without_step_up_the_download_is_sent_to_the_confirm_page_and_back_to_the_export_page()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;

        using var response = await client.PressDownloadEverythingAsync(caseId);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/confirm?returnUrl=" + Uri.EscapeDataString($"/cases/{caseId}/export"), response.Headers.Location?.OriginalString);
        Assert.NotEqual("application/zip", response.Content.Headers.ContentType?.MediaType);
        var confirm = await client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, confirm.Status);
        Assert.Contains("check it is really you", confirm.MainText, StringComparison.Ordinal);
        Assert.Equal($"/cases/{caseId}/export", confirm.FieldValue("ReturnUrl"));
        Assert.Null((await client.GetAsync($"/cases/{caseId}/export")).Document.QuerySelector("#confirmed"));
        await using var db = app.CreateDbContext();
        Assert.DoesNotContain(await db.AuditEvents.Where(e => e.CaseId == caseId).Select(e => e.Action).ToListAsync(), a => a == "case.exported");
    }

    [Fact]
    public async Task A_wrong_passphrase_gets_a_kind_error_counts_towards_the_lockout_and_allows_nothing()
    {
        var (client, username, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var hashesBefore = app.Hasher.Verifications;

        var wrong = await client.ConfirmPassphraseAsync($"/cases/{caseId}/export", "not my passphrase at all");

        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Equal(ConfirmModel.FailureMessage, wrong.FieldError("Input.Passphrase"));
        Assert.True(app.Hasher.Verifications > hashesBefore, "The passphrase was not checked with the app's hasher.");
        await using var db = app.CreateDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == username);
        Assert.Equal(1, user.AccessFailedCount);
        Assert.Null((await db.UserSessions.AsNoTracking().SingleAsync(s => s.UserId == user.Id)).StepUpUtc);
        using var download = await client.PressDownloadEverythingAsync(caseId);
        Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passphrases_pause_it_so_even_the_right_one_is_refused()
    {
        var (client, username, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        for (var i = 0; i < 5; i++)
        {
            await client.ConfirmPassphraseAsync($"/cases/{caseId}/export", "not my passphrase at all");
        }

        var right = await client.ConfirmPassphraseAsync($"/cases/{caseId}/export");

        Assert.Equal(HttpStatusCode.OK, right.Status);
        Assert.Equal(ConfirmModel.FailureMessage, right.FieldError("Input.Passphrase"));
        await using var db = app.CreateDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == username);
        Assert.NotNull(user.LockoutEnd);
    }

    [Fact]
    public async Task The_right_passphrase_allows_the_action_for_five_minutes_then_asks_again()
    {
        var (client, username, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;

        var confirmed = await client.ConfirmPassphraseAsync($"/cases/{caseId}/export");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.Equal($"/cases/{caseId}/export", confirmed.Location?.OriginalString);
        await using var db = app.CreateDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == username);
        Assert.Equal(0, user.AccessFailedCount);
        Assert.NotNull((await client.GetAsync($"/cases/{caseId}/export")).Document.QuerySelector("#confirmed"));

        using (var first = await client.PressDownloadEverythingAsync(caseId))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal("application/zip", first.Content.Headers.ContentType?.MediaType);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(4));
        using (var later = await client.PressDownloadEverythingAsync(caseId))
        {
            Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        }

        app.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        using var expired = await client.PressDownloadEverythingAsync(caseId);
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/account/confirm?", expired.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public void The_confirm_page_shares_the_sign_in_pages_per_address_rate_limit()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        string? PolicyOf(string route) => endpoints.Single(e => e.RoutePattern.RawText == route)
            .Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName;

        Assert.Equal(IncidentResponse.Web.Security.RateLimits.Accounts, PolicyOf("account/confirm"));
        Assert.Equal(PolicyOf("account/sign-in"), PolicyOf("account/confirm"));
    }

    [Fact]
    public async Task Stepping_up_on_one_device_does_not_step_up_another_signed_in_device()
    {
        var (phone, username, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = phone;
        using var laptop = app.CreateAppClient();
        await laptop.SignInAsync(username);

        Assert.Equal(HttpStatusCode.Redirect, (await phone.ConfirmPassphraseAsync($"/cases/{caseId}/export")).Status);

        using var fromLaptop = await laptop.PressDownloadEverythingAsync(caseId);
        Assert.Equal(HttpStatusCode.Redirect, fromLaptop.StatusCode);
        using var fromPhone = await phone.PressDownloadEverythingAsync(caseId);
        Assert.Equal(HttpStatusCode.OK, fromPhone.StatusCode);
    }

    [Theory]
    [InlineData("https://elsewhere.example/phish")]
    [InlineData("//elsewhere.example/phish")]
    [InlineData("/\\elsewhere.example/phish")]
    [InlineData("javascript:alert(1)")]
    public async Task The_return_address_cannot_point_off_site(string returnUrl)
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();

        var confirmed = await client.ConfirmPassphraseAsync(returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.Equal("/cases", confirmed.Location?.OriginalString);
    }

    [Fact]
    public async Task A_GET_marked_as_sensitive_is_sent_to_confirm_with_its_query_and_runs_once_confirmed()
    {
        var (client, username, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var path = $"/cases/{caseId}/binder";

        var before = await RunFilterAsync(username, "GET", path, "?preset=police");
        Assert.False(before.Ran);
        var redirect = Assert.IsType<LocalRedirectResult>(before.Result);
        Assert.Equal(StepUp.ConfirmUrl(path + "?preset=police"), redirect.Url);

        await client.ConfirmPassphraseAsync(path + "?preset=police");
        var after = await RunFilterAsync(username, "GET", path, "?preset=police");
        Assert.True(after.Ran);
        Assert.Null(after.Result);

        var unmarked = await RunFilterAsync(username, "GET", path, "", handler: nameof(SensitivePage.OnGetOrdinary));
        Assert.True(unmarked.Ran);
    }

    [Fact]
    public async Task Signing_out_and_in_again_needs_the_passphrase_again()
    {
        var (client, username, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.ConfirmPassphraseAsync($"/cases/{caseId}/export");
        await client.SubmitAsync("/cases", new Dictionary<string, string>(), "/account/sign-out");
        await client.SignInAsync(username);

        using var download = await client.PressDownloadEverythingAsync(caseId);
        Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
    }

    /// <summary>Runs the real filter, as the app registers it, for a request from the person's newest session.</summary>
    private async Task<(bool Ran, IActionResult? Result)> RunFilterAsync(string username, string method, string path, string query, string handler = nameof(SensitivePage.OnGetSensitive))
    {
        Guid userId;
        Guid sessionId;
        await using (var db = app.CreateDbContext())
        {
            userId = (await db.Users.AsNoTracking().SingleAsync(u => u.UserName == username)).Id;
            sessionId = (await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId).OrderByDescending(s => s.CreatedUtc).FirstAsync()).Id;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = method;
        http.Request.Path = path;
        http.Request.QueryString = new QueryString(query);
        http.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [
                new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, userId.ToString()),
                new System.Security.Claims.Claim(SessionStore.SessionClaim, sessionId.ToString()),
            ],
            "test"));
        var pageContext = new PageContext(new ActionContext(http, new RouteData(), new CompiledPageActionDescriptor()));
        var context = new PageHandlerExecutingContext(
            pageContext,
            [],
            new HandlerMethodDescriptor { MethodInfo = typeof(SensitivePage).GetMethod(handler)!, Parameters = [] },
            new Dictionary<string, object?>(),
            new SensitivePage());
        var ran = false;
        await scope.ServiceProvider.GetRequiredService<RecentPassphraseFilter>().OnPageHandlerExecutionAsync(context, () =>
        {
            ran = true;
            return Task.FromResult(new PageHandlerExecutedContext(pageContext, [], context.HandlerMethod, context.HandlerInstance));
        });
        return (ran, context.Result);
    }

    /// <summary>A page with one sensitive GET handler and one ordinary one, as the binder download will have.</summary>
    public sealed class SensitivePage : PageModel
    {
        [RequiresRecentPassphrase]
        public void OnGetSensitive()
        {
        }

        public void OnGetOrdinary()
        {
        }
    }
}

public sealed class StepUpTestsOnSqlite(SqliteApp app) : StepUpTests<SqliteApp>(app);

public sealed class StepUpTestsOnPostgres(PostgresApp app) : StepUpTests<PostgresApp>(app);
