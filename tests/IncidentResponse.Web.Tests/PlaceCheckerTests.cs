using System.Collections.Concurrent;
using System.Net;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Web.Pages.Cases.Takedowns.Sightings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The re-check of a reported place (issue 24) against a site on loopback, reached only through the test-only
/// allow-list: status and final address after redirects, HEAD then GET, at most three redirects, no cookies and a
/// neutral user agent; and every address it may not visit refused before any connection, typed or reached by a
/// redirect or a name (localhost), IPv4 and IPv6.
/// </summary>
public sealed class PlaceCheckerTests : IAsyncLifetime, IDisposable
{
    private readonly ConcurrentQueue<(string Method, string Path, string Cookie, string Agent)> _seen = new();
    private WebApplication _site = null!;
    private PlaceChecker _checker = null!;
    private string _base = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _site = builder.Build();
        _site.Use(async (context, next) =>
        {
            _seen.Enqueue((context.Request.Method, context.Request.Path, context.Request.Headers.Cookie.ToString(), context.Request.Headers.UserAgent.ToString()));
            context.Response.Headers.SetCookie = "tracking=1; Path=/";
            await next(context);
        });
        _site.MapMethods("/page", ["GET", "HEAD"], () => Results.Text("the post"));
        _site.MapMethods("/missing", ["GET", "HEAD"], () => Results.NotFound());
        _site.MapMethods("/gone", ["GET", "HEAD"], () => Results.StatusCode(410));
        _site.MapMethods("/no-head", ["HEAD"], () => Results.StatusCode(405));
        _site.MapGet("/no-head", () => Results.Text("the post"));
        _site.MapMethods("/hop/{n:int}", ["GET", "HEAD"], (int n) => Results.Redirect(n == 0 ? "/page" : $"/hop/{n - 1}"));
        _site.MapMethods("/to-metadata", ["GET", "HEAD"], () => Results.Redirect("http://169.254.169.254/latest/meta-data/"));
        _site.MapMethods("/to-localhost", ["GET", "HEAD"], () => Results.Redirect("http://localhost/page"));
        _site.MapMethods("/slow", ["GET", "HEAD"], async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            return Results.Text("late");
        });
        await _site.StartAsync();
        var address = new Uri(_site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _base = $"http://127.0.0.1:{address.Port}";
        _checker = new PlaceChecker(new PlaceCheckerOptions
        {
            Timeout = TimeSpan.FromSeconds(2),
            TestEndpoints = new HashSet<IPEndPoint> { new(IPAddress.Loopback, address.Port) },
        });
    }

    [Theory]
    [InlineData("/page", 200)]
    [InlineData("/missing", 404)]
    [InlineData("/gone", 410)]
    public async Task A_place_answers_with_its_status_code_and_only_a_head_request_is_made(string path, int status)
    {
        var check = await _checker.CheckAsync(_base + path, CancellationToken.None);

        Assert.Equal((PlaceCheckOutcome.Answered, status, _base + path), (check.Outcome, check.StatusCode, check.FinalUrl));
        Assert.Equal(status != 200, check.LooksGone);
        Assert.Equal([("HEAD", path)], _seen.Select(s => (s.Method, s.Path)));
    }

    [Fact]
    public async Task A_site_that_refuses_head_is_asked_with_get()
    {
        var check = await _checker.CheckAsync(_base + "/no-head", CancellationToken.None);

        Assert.Equal(200, check.StatusCode);
        Assert.Equal(["HEAD", "GET"], _seen.Select(s => s.Method));
    }

    [Fact]
    public async Task Redirects_are_followed_three_times_at_most_without_cookies_and_with_a_neutral_user_agent()
    {
        var followed = await _checker.CheckAsync(_base + "/hop/2", CancellationToken.None);
        Assert.Equal((PlaceCheckOutcome.Answered, 200, _base + "/page"), (followed.Outcome, followed.StatusCode, followed.FinalUrl));
        Assert.All(_seen, s => Assert.Equal("", s.Cookie));
        Assert.All(_seen, s => Assert.Equal("Mozilla/5.0 (compatible; link-check)", s.Agent));

        var tooMany = await _checker.CheckAsync(_base + "/hop/3", CancellationToken.None);
        Assert.Equal((PlaceCheckOutcome.Failed, "it redirected more than three times"), (tooMany.Outcome, tooMany.Reason));
    }

    [Theory]
    [InlineData("/to-metadata")]
    [InlineData("/to-localhost")]
    public async Task A_redirect_to_an_address_that_is_not_public_is_refused_without_visiting_it(string path)
    {
        var check = await _checker.CheckAsync(_base + path, CancellationToken.None);

        Assert.Equal(PlaceCheckOutcome.Refused, check.Outcome);
        Assert.Equal("it leads to an address that is not on the public internet", check.Reason);
        Assert.Single(_seen);
    }

    [Theory]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://localhost/")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://172.16.5.4/")]
    [InlineData("http://192.168.1.1/")]
    [InlineData("http://100.64.0.1/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://[fd00::1]/")]
    [InlineData("http://[fe80::1]/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    [InlineData("https://[::ffff:10.0.0.1]/")]
    [InlineData("http://2130706433/")]
    [InlineData("http://0x7f.0.0.1/")]
    public async Task An_address_that_is_not_public_is_refused_however_it_is_written(string url)
    {
        var check = await _checker.CheckAsync(url, CancellationToken.None);

        Assert.Equal(PlaceCheckOutcome.Refused, check.Outcome);
        Assert.Equal("it leads to an address that is not on the public internet", check.Reason);
    }

    [Theory]
    [InlineData("ftp://example.org/file", "only http and https addresses are checked")]
    [InlineData("file:///etc/passwd", "only http and https addresses are checked")]
    [InlineData("http://user:secret@example.org/", "addresses with a user name or password are not checked")]
    [InlineData("http://example.org:8080/", "only the standard web ports (80 and 443) are checked")]
    [InlineData("https://example.org:22/", "only the standard web ports (80 and 443) are checked")]
    [InlineData("not an address", "it is not a web address")]
    public async Task Other_schemes_credentials_and_ports_are_refused(string url, string reason)
    {
        var check = await _checker.CheckAsync(url, CancellationToken.None);

        Assert.Equal((PlaceCheckOutcome.Refused, reason), (check.Outcome, check.Reason));
    }

    [Fact]
    public async Task A_place_that_does_not_answer_in_time_is_a_failure_not_an_answer()
    {
        var check = await _checker.CheckAsync(_base + "/slow", CancellationToken.None);

        Assert.Equal((PlaceCheckOutcome.Failed, null, "it did not answer in time"), (check.Outcome, check.StatusCode, check.Reason));
    }

    public void Dispose() => _checker.Dispose();

    public async Task DisposeAsync()
    {
        await _site.StopAsync();
        await _site.DisposeAsync();
    }
}
