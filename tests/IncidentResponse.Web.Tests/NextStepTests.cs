using System.Net;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Web.Tests.Infrastructure;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The dashboard's one next step follows what the person has done and what their latest assessment says comes first,
/// and an ally is only ever shown links their role can open.
/// </summary>
public abstract class NextStepTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private static (string Text, string Href) NextOn(AppClient.PageResult dashboard)
    {
        var buttons = dashboard.Document.QuerySelectorAll("main p.actions a.button").ToList();
        var next = Assert.Single(buttons);
        return (next.TextContent.Trim(), next.GetAttribute("href")!);
    }

    [Fact]
    public async Task The_next_step_moves_on_after_the_assessment_and_after_an_entry_and_the_plan_marks_the_questions_answered()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        Assert.Equal(("Next: Safety first", $"/cases/{caseId}/safety"), NextOn(await client.GetAsync($"/cases/{caseId}")));
        var before = (await client.GetAsync($"/cases/{caseId}/plan")).Document.QuerySelectorAll("li.step")
            .Single(li => li.QuerySelector("h3")!.TextContent.Trim() == "Answer the safety questions");
        Assert.Equal("To do", before.QuerySelector("p.meta:last-child")!.TextContent.Trim());

        await client.CompleteAssessmentAsync(caseId, AssessmentJourneys.AllAnswered(ThreatAnswer.No));

        Assert.Equal(("Next: Write down what happened", $"/cases/{caseId}/log/new"), NextOn(await client.GetAsync($"/cases/{caseId}")));
        var plan = await client.GetAsync($"/cases/{caseId}/plan");
        var step = plan.Document.QuerySelectorAll("li.step").Single(li => li.QuerySelector("h3")!.TextContent.Trim() == "Answer the safety questions");
        Assert.Equal("Done", step.QuerySelector("p.meta:last-child")!.TextContent.Trim());
        Assert.Contains("step-done", step.ClassName, StringComparison.Ordinal);

        await client.AddIncidentAsync(caseId, app.IncidentForm());

        var dashboard = await client.GetAsync($"/cases/{caseId}");
        Assert.Equal(("Next: Keep a screenshot or file as evidence", $"/cases/{caseId}/evidence/add"), NextOn(dashboard));
        Assert.Contains("No one invited yet", dashboard.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Not available yet", dashboard.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_immediate_danger_the_urgent_safety_step_comes_first()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.AddIncidentAsync(caseId, app.IncidentForm());

        await client.CompleteAssessmentAsync(caseId, AssessmentJourneys.AllAnswered(ThreatAnswer.Yes));

        var (text, href) = NextOn(await client.GetAsync($"/cases/{caseId}"));
        Assert.Equal($"/cases/{caseId}/plan/{CasePlanNumber(SafetyStepCatalog.PhysicalSafety)}", href);
        Assert.Equal("Next: Make sure you are physically safe", text);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(href)).Status);
    }

    [Theory]
    [InlineData(CaseRole.Advocate)]
    [InlineData(CaseRole.Helper)]
    [InlineData(CaseRole.Viewer)]
    public async Task An_allys_dashboard_has_no_link_that_answers_404_for_them(CaseRole role)
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await owner.AddIncidentAsync(caseId, app.IncidentForm());
        var (ally, _) = await app.NewAllyAsync(owner, caseId, role);
        using var __ = ally;

        await EveryLinkOpensAsync(ally, caseId, role, quickExitToo: false);
        await owner.CompleteAssessmentAsync(caseId, AssessmentJourneys.AllAnswered(ThreatAnswer.No));
        await EveryLinkOpensAsync(ally, caseId, role, quickExitToo: true);
    }

    /// <summary>The footer's language links change the language the next pages speak (and answer with a redirect).</summary>
    private static bool IsLanguageLink(string href) => href.StartsWith("/language/", StringComparison.Ordinal);

    private static async Task EveryLinkOpensAsync(AppClient ally, Guid caseId, CaseRole role, bool quickExitToo)
    {
        var dashboard = await ally.GetAsync($"/cases/{caseId}");
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Contains("1 person helping", dashboard.MainText, StringComparison.Ordinal);
        NextOn(dashboard);
        var links = dashboard.Document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
            .Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal) && !IsLanguageLink(h)).Distinct(StringComparer.Ordinal).ToList();
        Assert.Contains(links, l => l.StartsWith($"/cases/{caseId}/", StringComparison.Ordinal));

        // Quick exit ends the session, so it is fetched last, and only on the final pass.
        foreach (var link in links.Where(l => quickExitToo || l != "/exit").OrderBy(l => l == "/exit"))
        {
            var page = await ally.GetAsync(link);
            Assert.True(page.Status is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{link} answered {(int)page.Status} for a {role}.");
        }
    }

    [Fact]
    public async Task The_owners_allies_card_counts_the_people_helping()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var (ally, _) = await app.NewAllyAsync(owner, caseId, CaseRole.Helper);
        using var __ = ally;

        var card = (await owner.GetAsync($"/cases/{caseId}")).Document.QuerySelectorAll("ol.steps > li")
            .Single(li => li.QuerySelector("h2")!.TextContent.Trim() == "Trusted allies");

        Assert.Equal($"/cases/{caseId}/people", card.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("1 person helping", card.QuerySelector("p.meta")!.TextContent.Trim());
    }

    private static int CasePlanNumber(string key) => Web.Pages.Cases.Safety.CasePlan.NumberOf(key);
}

public sealed class NextStepTestsOnSqlite(SqliteApp app) : NextStepTests<SqliteApp>(app);

public sealed class NextStepTestsOnPostgres(PostgresApp app) : NextStepTests<PostgresApp>(app);
