using System.Net;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

public abstract class CaseTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task A_new_case_is_owned_by_its_creator_and_listed_with_its_title()
    {
        var (client, username, caseId) = await app.NewSurvivorWithCaseAsync("Garden plans");
        using var _ = client;

        var list = await client.GetAsync("/cases");
        Assert.Contains("Garden plans", list.MainText, StringComparison.Ordinal);
        Assert.NotNull(list.Document.QuerySelector($"a[href='/cases/{caseId}']"));

        await using var db = app.CreateDbContext();
        var member = await db.CaseMembers.SingleAsync(m => m.CaseId == caseId);
        Assert.Equal(CaseRole.Owner, member.Role);
        Assert.Equal(username, (await db.Users.SingleAsync(u => u.Id == member.UserId)).UserName);
    }

    [Fact]
    public async Task The_dashboard_shows_the_journey_and_keeps_the_case_title_out_of_the_page_title()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync("Garden plans");
        using var _ = client;

        var dashboard = await client.GetAsync($"/cases/{caseId}");

        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Contains("Garden plans", dashboard.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Garden", dashboard.Title, StringComparison.Ordinal);
        var steps = dashboard.Document.QuerySelectorAll("ol.steps > li h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Safety first", "Understand the risk", "Keep a record", "Get it taken down", "Evidence binder", "Trusted allies"], steps);
    }

    [Theory]
    [InlineData("", "Please give your case a name")]
    [InlineData("   ", "Please give your case a name")]
    [InlineData("bell\u0007", "ordinary letters")]
    public async Task A_case_name_that_cannot_be_used_is_explained_and_nothing_is_saved(string title, string expected)
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();

        var result = await client.SubmitAsync("/cases/new", new Dictionary<string, string> { ["Input.Title"] = title });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(expected, result.FieldError("Input.Title"), StringComparison.Ordinal);
        Assert.Contains("You haven't started a case yet", (await client.GetAsync("/cases")).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_case_name_is_refused_and_what_was_typed_is_kept()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var typed = new string('x', Case.TitleMaxLength + 1);

        var result = await client.SubmitAsync("/cases/new", new Dictionary<string, string> { ["Input.Title"] = typed });

        Assert.Contains("80 characters", result.FieldError("Input.Title"), StringComparison.Ordinal);
        Assert.Equal(typed, result.FieldValue("Input.Title"));
    }

    [Fact]
    public async Task Markup_in_a_case_name_is_shown_as_text_never_run()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync("<script>alert(1)</script> & notes");
        using var _ = client;

        var dashboard = await client.GetAsync($"/cases/{caseId}");

        Assert.Equal("<script>alert(1)</script> & notes", dashboard.Document.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("<script>alert(1)</script>", dashboard.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stranger_gets_404_for_another_persons_case_and_an_unknown_id_is_404_too()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync("Private notes");
        using var _ = owner;
        using var stranger = app.CreateAppClient();
        await stranger.SignUpAsync();

        var theirs = await stranger.GetAsync($"/cases/{caseId}");
        var unknown = await stranger.GetAsync($"/cases/{Guid.NewGuid()}");
        var notAnId = await stranger.GetAsync("/cases/not-a-guid");

        Assert.Equal(HttpStatusCode.NotFound, theirs.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(HttpStatusCode.NotFound, notAnId.Status);
        Assert.DoesNotContain("Private notes", theirs.Html, StringComparison.Ordinal);
        Assert.Contains("We can't find that page", theirs.MainText, StringComparison.Ordinal);
        Assert.Equal(theirs.MainText, unknown.MainText);
        Assert.DoesNotContain("Private notes", (await stranger.GetAsync("/cases")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_people_saving_the_same_case_at_once_cannot_overwrite_each_other_silently()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync("Before");
        using var _ = client;
        await using var first = app.CreateDbContext();
        await using var second = app.CreateDbContext();
        var mine = await first.Cases.SingleAsync(c => c.Id == caseId);
        var theirs = await second.Cases.SingleAsync(c => c.Id == caseId);

        mine.Title = "Changed by the first";
        await first.SaveChangesAsync();
        theirs.Title = "Changed by the second";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = app.CreateDbContext();
        Assert.Equal("Changed by the first", (await check.Cases.SingleAsync(c => c.Id == caseId)).Title);
    }
}

public sealed class CaseTestsOnSqlite(SqliteApp app) : CaseTests<SqliteApp>(app);

public sealed class CaseTestsOnPostgres(PostgresApp app) : CaseTests<PostgresApp>(app);
