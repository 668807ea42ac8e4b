using System.Net;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Web.Pages.Cases.Takedowns.Sightings;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// Re-checks of reported places (issue 24), on each database, against a site on loopback (the test-only allow-list):
/// off until the owner turns them on; then each pending place is checked once a day, never by two rounds at once,
/// and one that answers "not found" is only suggested gone: the person confirms, and the place's history shows both.
/// </summary>
public abstract class PlaceCheckRoundTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture, IPlaceCheckSite
{
    [Fact]
    public async Task Off_until_the_owner_turns_it_on_then_a_gone_place_is_suggested_and_only_the_person_marks_it_removed()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var gone = await PendingPlaceAsync(owner, caseId, "/missing");
        var round = app.Services.GetRequiredService<PlaceCheckRound>();

        await round.CheckDueAsync(CancellationToken.None);
        Assert.Equal(0, await ChecksAsync(gone));

        var places = await owner.GetAsync($"/cases/{caseId}/sightings");
        Assert.Contains("The sites see this service visiting, never you", places.MainText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/cases/{caseId}/sightings", new Dictionary<string, string>(), "handler=PlaceChecks")).Status);
        Assert.Contains("Stop checking the places", (await owner.GetAsync($"/cases/{caseId}/sightings")).MainText, StringComparison.Ordinal);

        await round.CheckDueAsync(CancellationToken.None);
        Assert.Equal(1, await ChecksAsync(gone));
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(SightingStatus.Reported, (await db.Sightings.SingleAsync(s => s.Id == gone)).Status);
        }

        var page = await owner.GetAsync($"/cases/{caseId}/sightings/{gone}");
        Assert.Contains("this address answered \"not found\" (404)", page.Document.QuerySelector("#gone-question")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/cases/{caseId}/sightings/{gone}", new Dictionary<string, string> { ["Input.Status"] = "Removed" })).Status);

        var after = await owner.GetAsync($"/cases/{caseId}/sightings/{gone}");
        Assert.Null(after.Document.QuerySelector("#gone-question"));
        var history = after.Document.QuerySelectorAll(".status-history li").Select(li => li.TextContent).ToList();
        Assert.Contains("Removed", history[0], StringComparison.Ordinal);
        Assert.Contains("Checked by this service: it answered \"not found\" (404)", history[1], StringComparison.Ordinal);

        // Removed: not pending, so never checked again.
        app.Clock.Advance(PlaceCheckRound.Every * 2);
        await round.CheckDueAsync(CancellationToken.None);
        Assert.Equal(1, await ChecksAsync(gone));
    }

    [Fact]
    public async Task A_place_is_checked_once_a_day_and_two_rounds_at_once_check_it_once()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var there = await PendingPlaceAsync(owner, caseId, "/there");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/cases/{caseId}/sightings", new Dictionary<string, string>(), "handler=PlaceChecks")).Status);
        var round = app.Services.GetRequiredService<PlaceCheckRound>();

        await Task.WhenAll(round.CheckDueAsync(CancellationToken.None), round.CheckDueAsync(CancellationToken.None));
        Assert.Equal(1, await ChecksAsync(there));
        await round.CheckDueAsync(CancellationToken.None);
        Assert.Equal(1, await ChecksAsync(there));
        var page = await owner.GetAsync($"/cases/{caseId}/sightings/{there}");
        Assert.Null(page.Document.QuerySelector("#gone-question"));
        Assert.Contains("Checked by this service: it answered (200)", page.MainText, StringComparison.Ordinal);

        app.Clock.Advance(PlaceCheckRound.Every + TimeSpan.FromMinutes(1));
        await round.CheckDueAsync(CancellationToken.None);
        Assert.Equal(2, await ChecksAsync(there));
    }

    [Theory]
    [InlineData(CaseRole.Advocate)]
    [InlineData(CaseRole.Helper)]
    [InlineData(CaseRole.Viewer)]
    public async Task Only_the_owner_may_turn_checks_on(CaseRole role)
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await PendingPlaceAsync(owner, caseId, "/there");
        var (ally, _) = await app.NewAllyAsync(owner, caseId, role);
        using var __ = ally;

        var page = await ally.GetAsync($"/cases/{caseId}/sightings");
        Assert.Null(page.Document.QuerySelector("#place-checks"));
        var token = await ally.AntiforgeryTokenAsync($"/cases/{caseId}/sightings");
        var post = await ally.PostAsync($"/cases/{caseId}/sightings?handler=PlaceChecks", new Dictionary<string, string> { ["__rvt"] = token, ["on"] = "true" });

        Assert.NotEqual(HttpStatusCode.Redirect, post.Status);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Cases.Where(c => c.Id == caseId).Select(c => c.PlaceChecksOn).SingleAsync());
    }

    /// <summary>A place at the loopback site, reported (its takedown pending).</summary>
    private async Task<Guid> PendingPlaceAsync(AppClient owner, Guid caseId, string path)
    {
        var url = app.SiteUrl + path;
        Assert.Equal(HttpStatusCode.Redirect, (await owner.AddSightingsAsync(caseId, url)).Status);
        await using var db = app.CreateDbContext();
        var place = await db.Sightings.SingleAsync(s => s.CaseId == caseId && s.Url == url);
        await db.Sightings.Where(s => s.Id == place.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SightingStatus.Reported));
        return place.Id;
    }

    private async Task<int> ChecksAsync(Guid sightingId)
    {
        await using var db = app.CreateDbContext();
        return await db.PlaceChecks.CountAsync(c => c.SightingId == sightingId);
    }
}

/// <summary>A fixture with a site on loopback the place checker may reach (and nothing else private).</summary>
public interface IPlaceCheckSite
{
    string SiteUrl { get; }
}

/// <summary>The loopback site: <c>/there</c> answers 200, <c>/missing</c> 404.</summary>
public sealed class PlaceCheckSite : IAsyncDisposable
{
    private readonly WebApplication _site;

    public PlaceCheckSite()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _site = builder.Build();
        _site.MapMethods("/there", ["GET", "HEAD"], () => Results.Text("the post"));
        _site.MapMethods("/missing", ["GET", "HEAD"], () => Results.NotFound());
        _site.StartAsync().GetAwaiter().GetResult();
        Port = new Uri(_site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>The checker as the app has it, allowed to reach this site alone.</summary>
    public void AllowIn(IServiceCollection services)
    {
        services.RemoveAll<PlaceCheckerOptions>();
        services.AddSingleton(new PlaceCheckerOptions { TestEndpoints = new HashSet<IPEndPoint> { new(IPAddress.Loopback, Port) } });
    }

    public async ValueTask DisposeAsync()
    {
        await _site.StopAsync();
        await _site.DisposeAsync();
    }
}

public sealed class PlaceCheckSqliteApp : SqliteApp, IPlaceCheckSite
{
    private readonly PlaceCheckSite _site = new();

    public PlaceCheckSqliteApp() => Set("PlaceChecks:Run", "false");

    public string SiteUrl => _site.Url;

    protected override void ConfigureTestServices(IServiceCollection services) => _site.AllowIn(services);

    protected override async Task AfterDisposeAsync() => await _site.DisposeAsync();
}

public sealed class PlaceCheckPostgresApp : PostgresApp, IPlaceCheckSite
{
    private readonly PlaceCheckSite _site = new();

    public PlaceCheckPostgresApp() => Set("PlaceChecks:Run", "false");

    public string SiteUrl => _site.Url;

    protected override void ConfigureTestServices(IServiceCollection services) => _site.AllowIn(services);

    protected override async Task AfterDisposeAsync() => await _site.DisposeAsync();
}

public sealed class PlaceCheckRoundTestsOnSqlite(PlaceCheckSqliteApp app) : PlaceCheckRoundTests<PlaceCheckSqliteApp>(app);

public sealed class PlaceCheckRoundTestsOnPostgres(PlaceCheckPostgresApp app) : PlaceCheckRoundTests<PlaceCheckPostgresApp>(app);
