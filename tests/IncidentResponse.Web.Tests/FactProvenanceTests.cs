using System.Net;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Pages.Cases.Safety;
using IncidentResponse.Web.Tests.Infrastructure;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// Beside every route and helpline a person reads when it was checked (or that it is not yet checked) and its source:
/// a platform's takedown routes, the US TAKE IT DOWN Act in the takedown step, and the sexual assault services.
/// </summary>
public abstract class FactProvenanceTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task Each_way_to_ask_a_platform_shows_when_it_was_checked_beside_its_source()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Notes", underEighteenNow: null, madeUnderEighteen: null, country: "US");
        var x = PlatformDirectory.LoadEmbedded(DateOnly.FromDateTime(DateTime.UtcNow)).Get("x");

        var page = await client.GetAsync($"/cases/{caseId}/takedowns/new?platform=x");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var routes = page.Document.QuerySelectorAll("#routes li").ToList();
        ISourcedFact[] facts = [x.NciiRoute!, x.ExtortionRoute!, x.TakeItDown!.Process!, x.Dmca!, x.ResponseTime!];
        Assert.Equal(facts.Length, routes.Count);
        foreach (var (item, fact) in routes.Zip(facts))
        {
            var checkedLine = item.QuerySelector(".fact-checked")!;
            Assert.StartsWith(SourcedFacts.CheckedLabel(fact), checkedLine.TextContent, StringComparison.Ordinal);
            Assert.Equal(fact.SourceUrl, checkedLine.QuerySelector("a")!.GetAttribute("href"));
        }

        Assert.True(x.NeedsReview, "X's entry is shipped as needing review; this test relies on it.");
        Assert.NotNull(page.Document.QuerySelector("#entry-needs-review"));
    }

    [Fact]
    public async Task A_US_case_s_takedown_step_names_the_TAKE_IT_DOWN_Act_with_its_check_date_and_source()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Notes", underEighteenNow: null, madeUnderEighteen: null, country: "US");
        var law = JurisdictionCatalog.LoadEmbedded(DateOnly.FromDateTime(DateTime.UtcNow)).Get("US").LegalRemedies!.TakedownLaw!;

        var step = await client.GetAsync($"/cases/{caseId}/plan/{CasePlan.NumberOf(SafetyStepCatalog.TakedownRoute)}");

        Assert.Contains("TAKE IT DOWN Act", step.Document.QuerySelector(".step-body")!.TextContent, StringComparison.Ordinal);
        var fact = step.Document.QuerySelectorAll(".step-facts li").Single(li => li.TextContent.Contains(law.Name, StringComparison.Ordinal));
        Assert.StartsWith(SourcedFacts.CheckedLabel(law), fact.QuerySelector(".fact-checked")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(law.SourceUrl, fact.QuerySelector(".fact-checked a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Saying_images_were_made_without_consent_adds_the_packs_sexual_assault_services_with_their_sources()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync("Notes", underEighteenNow: null, madeUnderEighteen: null, country: "IE");
        var before = await client.GetAsync($"/cases/{caseId}/plan");
        Assert.DoesNotContain("Support after sexual assault", before.MainText, StringComparison.Ordinal);
        var answers = AssessmentJourneys.AllAnswered(ThreatAnswer.No, (ThreatQuestionnaire.MadeWithoutConsent, ThreatAnswer.Yes));
        Assert.Equal(HttpStatusCode.Redirect, (await client.TakeAssessmentAsync(caseId, answers)).Status);
        var service = JurisdictionCatalog.LoadEmbedded(DateOnly.FromDateTime(DateTime.UtcNow)).Get("IE").SexualAssaultSupport![0];

        var plan = await client.GetAsync($"/cases/{caseId}/plan");
        var step = await client.GetAsync($"/cases/{caseId}/plan/{CasePlan.NumberOf(SafetyStepCatalog.SexualAssaultSupport)}");

        Assert.Contains("Support after sexual assault", plan.MainText, StringComparison.Ordinal);
        Assert.Contains(service.Phone!, step.Document.QuerySelector(".step-body")!.TextContent, StringComparison.Ordinal);
        var fact = step.Document.QuerySelectorAll(".step-facts li").Single(li => li.TextContent.Contains(service.Name, StringComparison.Ordinal));
        Assert.StartsWith(SourcedFacts.CheckedLabel(service), fact.QuerySelector(".fact-checked")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(service.SourceUrl, fact.QuerySelector(".fact-checked a")!.GetAttribute("href"));
    }
}

public sealed class FactProvenanceTestsOnSqlite(SqliteApp app) : FactProvenanceTests<SqliteApp>(app);

public sealed class FactProvenanceTestsOnPostgres(PostgresApp app) : FactProvenanceTests<PostgresApp>(app);
