using System.Net;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Web.Tests.Infrastructure;
using static IncidentResponse.Domain.Safety.ThreatQuestionnaire;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// An ally's view of a case (ADR 0014): the dashboard in a helper's words with only links their role opens and a next
/// step of their own, the safety questions never answered by an ally, and the owner's risk level and answers reaching an
/// ally (dashboard, plan, result, binder, export) only once the owner shares them.
/// </summary>
public abstract class WhatAnAllySeesTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    /// <summary>The weapons answer: "Yes" puts the level at Immediate danger, and its words are unique to the result.</summary>
    private static readonly Dictionary<string, ThreatAnswer> WeaponYes = AssessmentJourneys.AllAnswered(ThreatAnswer.No, (Weapons, ThreatAnswer.Yes));

    private const string WeaponWords = "could easily get a weapon";

    [Theory]
    [InlineData(CaseRole.Advocate, "/log/new", "As their advocate you can")]
    [InlineData(CaseRole.Helper, "/log/new", "As a helper you can")]
    [InlineData(CaseRole.Viewer, "/takedowns", "As a viewer you can")]
    public async Task An_allys_dashboard_speaks_to_a_helper_offers_their_own_next_step_and_every_link_on_it_answers_200(CaseRole role, string next, string roleLine)
    {
        var (owner, ownerName, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await owner.AddIncidentAsync(caseId, app.IncidentForm());
        await owner.CompleteAssessmentAsync(caseId, WeaponYes);
        var (ally, _) = await app.NewAllyAsync(owner, caseId, role);
        using var __ = ally;

        var dashboard = await ally.GetAsync($"/cases/{caseId}");

        Assert.Equal($"You are helping {ownerName} with their case.", dashboard.Document.QuerySelector("#helping")!.TextContent.Trim());
        var part = dashboard.Document.QuerySelector("#your-role")!.TextContent;
        Assert.StartsWith(roleLine, part, StringComparison.Ordinal);
        Assert.Contains("Their risk level and their answers to the safety questions stay private to them.", part, StringComparison.Ordinal);
        var button = Assert.Single(dashboard.Document.QuerySelectorAll("main p.actions a.button"));
        Assert.Equal($"/cases/{caseId}{next}", button.GetAttribute("href"));
        Assert.DoesNotContain("Safety first", button.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Immediate danger", dashboard.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain($"/cases/{caseId}/assessment", dashboard.Html, StringComparison.Ordinal);

        var links = dashboard.Document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
            .Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal) && h != "/exit" && !h.StartsWith("/language/", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).ToList();
        Assert.Contains(links, l => l.StartsWith($"/cases/{caseId}/", StringComparison.Ordinal));
        foreach (var link in links)
        {
            var page = await ally.GetAsync(link);
            Assert.True(page.Status == HttpStatusCode.OK, $"{link} answered {(int)page.Status} for a {role}.");
        }
    }

    [Theory]
    [InlineData(CaseRole.Advocate)]
    [InlineData(CaseRole.Helper)]
    public async Task An_ally_never_answers_the_owners_safety_questions(CaseRole role)
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var (ally, allyName) = await app.NewAllyAsync(owner, caseId, role);
        using var __ = ally;
        await app.ShareRiskAssessmentAsync(owner, caseId, allyName);

        Assert.Equal(HttpStatusCode.NotFound, (await ally.GetAsync($"/cases/{caseId}/assessment")).Status);
        var allyToken = await ally.AntiforgeryTokenAsync($"/cases/{caseId}/plan");
        var fields = AssessmentJourneys.AllAnswered(ThreatAnswer.Yes).ToDictionary(a => $"Input.Answers[{a.Key}]", a => a.Value.ToString());
        fields["Input.Step"] = Steps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["Input.Intent"] = "finish";
        fields["__rvt"] = allyToken;
        var posted = await ally.PostAsync($"/cases/{caseId}/assessment", fields);

        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        await using var db = app.CreateDbContext();
        Assert.False(db.ThreatAssessments.Any(a => a.CaseId == caseId));
    }

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task Until_the_owner_shares_it_an_ally_gets_no_risk_level_or_answers_on_any_page_binder_or_export_and_then_does()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await owner.AddIncidentAsync(caseId, app.IncidentForm());
        var resultUrl = await owner.CompleteAssessmentAsync(caseId, WeaponYes);
        var (ally, allyName) = await app.NewAllyAsync(owner, caseId, CaseRole.Helper);
        using var __ = ally;
        Guid allyId;
        await using (var db = app.CreateDbContext())
        {
            allyId = db.Users.Where(u => u.UserName == allyName).Select(u => u.Id).Single();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await owner.ManageAllyAsync(caseId, "Export", allyId, ("allow", "true"))).Status);

        var withheld = await EverythingTheAllyGetsAsync(ally, caseId, resultUrl);
        Assert.Equal(HttpStatusCode.NotFound, withheld.Result);
        Assert.DoesNotContain("Immediate danger", withheld.Dashboard, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Answered", withheld.Dashboard, StringComparison.Ordinal);
        Assert.NotNull(withheld.Plan.Document.QuerySelector("#assessment-withheld"));
        Assert.Null(withheld.Plan.Document.QuerySelector("main .emergency"));
        Assert.DoesNotContain(WeaponWords, withheld.Plan.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Threat assessment summary", withheld.Binder, StringComparison.Ordinal);
        Assert.DoesNotContain(WeaponWords, withheld.Binder, StringComparison.Ordinal);
        Assert.DoesNotContain("Immediate danger", withheld.Binder, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"assessments\": []", withheld.CaseJson, StringComparison.Ordinal);
        Assert.DoesNotContain("immediatedanger", withheld.CaseJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Threat assessment summary", withheld.BinderPdfText, StringComparison.Ordinal);

        await app.ShareRiskAssessmentAsync(owner, caseId, allyName);
        var shared = await EverythingTheAllyGetsAsync(ally, caseId, resultUrl);

        Assert.Equal(HttpStatusCode.OK, shared.Result);
        Assert.Contains("Answered: Immediate danger", shared.Dashboard, StringComparison.Ordinal);
        Assert.Contains($"href=\"{resultUrl}\"", shared.Dashboard, StringComparison.Ordinal);
        Assert.Contains("The survivor said the other person has or could easily get a weapon.", shared.ResultText, StringComparison.Ordinal);
        Assert.Contains("Threat assessment summary", shared.Binder, StringComparison.Ordinal);
        Assert.Contains(WeaponWords, shared.Binder, StringComparison.Ordinal);
        Assert.Contains("immediateDanger", shared.CaseJson, StringComparison.Ordinal);
        Assert.Null(shared.Plan.Document.QuerySelector("#assessment-withheld"));

        await app.ShareRiskAssessmentAsync(owner, caseId, allyName, share: false);
        Assert.Equal(HttpStatusCode.NotFound, (await ally.GetAsync(resultUrl)).Status);
    }

    private sealed record AllyView(string Dashboard, AppClient.PageResult Plan, HttpStatusCode Result, string ResultText, string Binder, string CaseJson, string BinderPdfText);

    /// <summary>The dashboard, the plan, the result, the binder's print view (every part ticked) and the ZIP, as the ally.</summary>
    private static async Task<AllyView> EverythingTheAllyGetsAsync(AppClient ally, Guid caseId, string resultUrl)
    {
        var dashboard = await ally.GetAsync($"/cases/{caseId}");
        var plan = await ally.GetAsync($"/cases/{caseId}/plan");
        var result = await ally.GetAsync(resultUrl);
        await ally.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        var token = await ally.AntiforgeryTokenAsync($"/cases/{caseId}/binder");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__rvt", token), new("Input.Preset", "MyRecords"), new("Input.Title", "Evidence record"), new("Input.IncludeRiskLevel", "true"),
        };
        fields.AddRange(Enum.GetNames<Documents.Binder.BinderSection>().Select(s => new KeyValuePair<string, string>("Input.Sections", s)));
        using var binder = await ally.Http.PostAsync($"/cases/{caseId}/binder?handler=View", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, binder.StatusCode);
        var folder = await ally.DownloadEverythingAsync(caseId);
        try
        {
            var pdf = Path.Combine(folder, "binder.pdf");
            return new AllyView(
                dashboard.Html,
                plan,
                result.Status,
                result.MainText,
                await binder.Content.ReadAsStringAsync(),
                await File.ReadAllTextAsync(Path.Combine(folder, "case.json")),
                File.Exists(pdf) ? PdfTools.FlatText(await File.ReadAllBytesAsync(pdf)) : "");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class WhatAnAllySeesTestsOnSqlite(SqliteApp app) : WhatAnAllySeesTests<SqliteApp>(app);

public sealed class WhatAnAllySeesTestsOnPostgres(PostgresApp app) : WhatAnAllySeesTests<PostgresApp>(app);
