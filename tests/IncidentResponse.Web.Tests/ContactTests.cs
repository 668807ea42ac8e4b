using System.Net;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// Contacts and demands (issue 22): a contact from the person responsible logged with what they demanded, the deadline
/// they set and what they threatened; the assessment kept up with it; the deadline on the dashboard; private entries and
/// allies' roles honoured as for every entry.
/// </summary>
public abstract class ContactTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private Dictionary<string, string> Demand(string narrative = "Pay or I send them to your family", int deadlineInDays = 2) =>
        app.IncidentForm(
            narrative,
            ("Kind", "DemandOrExtortion"),
            ("OccurredOn", app.Day(1)),
            ("FoundOn", app.Day(1)),
            ("Platform", "instagram"),
            ("Url", ""),
            ("AccountHandle", "@collector"),
            ("ContactPhone", "+44 7700 900123"),
            ("Demands[0]", "Money"),
            ("Demands[1]", "MoreImages"),
            ("AmountAsked", "500 pounds"),
            ("PaymentMethodAsked", "gift cards"),
            ("DeadlineOn", app.Day(-deadlineInDays)),
            ("DeadlineAt", "18:00"),
            ("Threats[0]", "SendToFamilyOrEmployer"),
            ("Threats[1]", "Violence"),
            ("PaidAmount", "100 pounds"),
            ("PaidReference", "TX-42"));

    [Fact]
    public async Task A_contact_is_kept_with_its_demands_deadline_threats_and_payment_and_shown_on_the_record_and_dashboard()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;

        var incidentId = await client.AddIncidentAsync(caseId, Demand());

        var page = await client.GetAsync($"/cases/{caseId}/log/{incidentId}");
        var record = page.Document.QuerySelector("main > dl.record")!.TextContent;
        Assert.Contains("Money: 500 pounds, by gift cards; More images", record, StringComparison.Ordinal);
        Assert.Contains($"{Date(-2)}, 18:00 London time", page.Document.QuerySelector("dd.contact-deadline")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("To send them to family, friends or an employer; Violence", record, StringComparison.Ordinal);
        Assert.Contains("100 pounds; reference TX-42", record, StringComparison.Ordinal);
        Assert.Contains("+44 7700 900123", record, StringComparison.Ordinal);

        var contacts = await client.GetAsync($"/cases/{caseId}/log?kind=Contact");
        var card = Assert.Single(contacts.Document.QuerySelectorAll("ol.timeline > li"));
        Assert.Contains($"deadline they gave: {Date(-2)}, 18:00 London time", card.TextContent, StringComparison.Ordinal);

        var dashboard = await client.GetAsync($"/cases/{caseId}");
        var date = dashboard.Document.QuerySelector("#date-to-plan-for")!;
        Assert.Contains($"{Date(-2)}, 18:00 London time", date.TextContent, StringComparison.Ordinal);
        Assert.Contains("Save the conversation and their profile link", date.TextContent, StringComparison.Ordinal);
        Assert.NotNull(date.QuerySelector($"a[href='/cases/{caseId}/log/{incidentId}']"));
        Assert.DoesNotContain("pounds", dashboard.Title, StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        var saved = await db.Incidents.SingleAsync(i => i.Id == incidentId);
        Assert.NotNull(saved.DeadlineUtc);
    }

    [Fact]
    public async Task A_post_without_contact_details_keeps_none_and_a_passed_deadline_leaves_the_dashboard()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var post = await client.AddIncidentAsync(caseId, app.IncidentForm("They posted it"));
        await client.AddIncidentAsync(caseId, Demand(deadlineInDays: -1));

        var dashboard = await client.GetAsync($"/cases/{caseId}");

        Assert.Null(dashboard.Document.QuerySelector("#date-to-plan-for"));
        await using var db = app.CreateDbContext();
        Assert.Null((await db.Incidents.SingleAsync(i => i.Id == post)).ContactJson);
        var contacts = await client.GetAsync($"/cases/{caseId}/log?kind=Contact");
        Assert.Single(contacts.Document.QuerySelectorAll("ol.timeline > li"));
    }

    [Theory]
    [InlineData("DeadlineOn", "next friday", "Input.DeadlineOn", "year-month-day")]
    [InlineData("DeadlineAt", "6pm", "Input.DeadlineAt", "hours and minutes")]
    [InlineData("AmountAsked", "long", "Input.AmountAsked", "200 characters or fewer")]
    public async Task A_contact_detail_that_cannot_be_used_is_explained_and_everything_typed_is_kept(string field, string value, string errorField, string expected)
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var form = Demand();
        form["Input." + field] = value == "long" ? new string('9', 201) : value;

        var result = await client.SubmitAsync($"/cases/{caseId}/log/new", form);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(expected, result.FieldError(errorField), StringComparison.Ordinal);
        Assert.Equal(form["Input." + field], result.FieldValue("Input." + field));
        Assert.Equal("gift cards", result.FieldValue("Input.PaymentMethodAsked"));
        Assert.NotNull(result.Document.QuerySelector("main input[name='Input.Demands'][value='MoreImages'][checked]"));
        Assert.NotNull(result.Document.QuerySelector("main input[name='Input.Threats'][value='Violence'][checked]"));
        Assert.NotNull(result.Document.QuerySelector("main details#contact-details[open]"));
        await using var db = app.CreateDbContext();
        Assert.False(await db.Incidents.AnyAsync(i => i.CaseId == caseId));
    }

    [Fact]
    public async Task Logging_a_contact_re_assesses_keeps_the_history_and_says_what_changed_and_why()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var first = await client.CompleteAssessmentAsync(caseId, AssessmentJourneys.AllAnswered(ThreatAnswer.No));
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        var added = await client.SubmitAsync($"/cases/{caseId}/log/new", Demand());

        Assert.EndsWith("?added=true&reassessed=true", added.Location!.OriginalString, StringComparison.Ordinal);
        var entry = await client.GetAsync(added.Location.OriginalString);
        var link = entry.Document.QuerySelector("#reassessed a")!.GetAttribute("href")!;
        var result = await client.GetAsync(link);
        var changed = result.Document.QuerySelector("#what-changed")!.TextContent;
        Assert.Contains("The level went from Standard to High", changed, StringComparison.Ordinal);
        Assert.Contains("Because you said the person has given you a deadline.", changed, StringComparison.Ordinal);
        Assert.Contains("Because you said the person has threatened to hurt you or someone close to you.", changed, StringComparison.Ordinal);
        Assert.DoesNotContain("Because you said you are afraid", changed, StringComparison.Ordinal);
        var history = await client.GetAsync($"/cases/{caseId}/assessment");
        Assert.Contains("updated from a logged contact", history.MainText, StringComparison.Ordinal);
        Assert.Contains(history.Document.QuerySelectorAll("ul.card-list a"), a => a.GetAttribute("href") == first);

        await using var db = app.CreateDbContext();
        var assessments = await db.ThreatAssessments.Where(a => a.CaseId == caseId).OrderBy(a => a.CompletedUtc).ToListAsync();
        Assert.Equal(2, assessments.Count);
        Assert.Null(assessments[0].FromIncidentId);
        Assert.NotNull(assessments[1].FromIncidentId);
        Assert.Equal(ThreatLevel.High, assessments[1].Level);

        // The same contact saved again adds nothing: no third assessment.
        var incidentId = assessments[1].FromIncidentId!.Value;
        // The test client's form keeps one value per name, so the checked choices are sent as a browser sends them, every one.
        var (action, values) = await client.FormAsync($"/cases/{caseId}/log/{incidentId}/edit", new Dictionary<string, string> { ["Input.Concern"] = "2" });
        values.Remove("Input.Demands");
        values.Remove("Input.Threats");
        foreach (var (name, value) in Demand().Where(f => f.Key.Contains('[', StringComparison.Ordinal)))
        {
            values[name] = value;
        }

        var again = await client.PostAsync(action, values);
        Assert.DoesNotContain("reassessed", again.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(2, await db.ThreatAssessments.CountAsync(a => a.CaseId == caseId));
    }

    [Fact]
    public async Task A_helper_logging_a_contact_re_assesses_on_the_survivors_behalf_and_sees_no_result_unless_shared()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await owner.CompleteAssessmentAsync(caseId, AssessmentJourneys.AllAnswered(ThreatAnswer.No, (ThreatQuestionnaire.SelfHarm, ThreatAnswer.Yes)));
        var (helper, _) = await app.NewAllyAsync(owner, caseId, CaseRole.Helper);
        using var __ = helper;

        var added = await helper.SubmitAsync($"/cases/{caseId}/log/new", Demand());
        var entry = await helper.GetAsync(added.Location!.OriginalString);

        Assert.Null(entry.Document.QuerySelector("#reassessed"));
        await using var db = app.CreateDbContext();
        var latest = await db.ThreatAssessments.Where(a => a.CaseId == caseId).OrderByDescending(a => a.CompletedUtc).FirstAsync();
        var ownerId = await db.CaseMembers.Where(m => m.CaseId == caseId && m.Role == CaseRole.Owner).Select(m => m.UserId).SingleAsync();
        Assert.NotNull(latest.FromIncidentId);
        Assert.Equal(ownerId, latest.TakenByUserId);
        Assert.Equal(HttpStatusCode.NotFound, (await helper.GetAsync($"/cases/{caseId}/assessment/{latest.Id}")).Status);
    }

    [Theory]
    [InlineData(CaseRole.Advocate)]
    [InlineData(CaseRole.Viewer)]
    public async Task A_private_contact_and_its_deadline_reach_no_ally(CaseRole role)
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var hidden = await owner.AddIncidentAsync(caseId, Demand("CANARY-CONTACT words"));
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/cases/{caseId}/log/{hidden}", new Dictionary<string, string>(), "handler=Privacy")).Status);
        var (ally, _) = await app.NewAllyAsync(owner, caseId, role);
        using var __ = ally;

        var dashboard = await ally.GetAsync($"/cases/{caseId}");
        var contacts = await ally.GetAsync($"/cases/{caseId}/log?kind=Contact");

        Assert.Null(dashboard.Document.QuerySelector("#date-to-plan-for"));
        Assert.Empty(contacts.Document.QuerySelectorAll("ol.timeline > li"));
        Assert.DoesNotContain("CANARY-CONTACT", contacts.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("gift cards", contacts.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ally.GetAsync($"/cases/{caseId}/log/{hidden}")).Status);
        Assert.NotNull((await owner.GetAsync($"/cases/{caseId}")).Document.QuerySelector("#date-to-plan-for"));
    }

    [Fact]
    public async Task A_viewer_cannot_log_a_contact_and_a_stranger_finds_nothing()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var incidentId = await owner.AddIncidentAsync(caseId, Demand());
        var (viewer, _) = await app.NewAllyAsync(owner, caseId, CaseRole.Viewer);
        using var __ = viewer;
        var (stranger, _, _) = await app.NewSurvivorWithCaseAsync();
        using var ___ = stranger;

        Assert.NotEqual(HttpStatusCode.OK, (await viewer.GetAsync($"/cases/{caseId}/log/new?kind=DemandOrExtortion")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/cases/{caseId}/log/{incidentId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/cases/{caseId}/log?kind=Contact")).Status);
        Assert.Contains("gift cards", (await viewer.GetAsync($"/cases/{caseId}/log/{incidentId}")).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_18_the_dashboards_date_says_to_write_things_down_never_to_save_the_conversation()
    {
        var client = app.CreateAppClient();
        using var _ = client;
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync(underEighteenNow: "Yes");

        await client.AddIncidentAsync(caseId, Demand());

        var date = (await client.GetAsync($"/cases/{caseId}")).Document.QuerySelector("#date-to-plan-for")!.TextContent;
        Assert.Contains("Write down their username, profile link and what they said", date, StringComparison.Ordinal);
        Assert.Contains("You have done nothing wrong", date, StringComparison.Ordinal);
        Assert.DoesNotContain("Save the conversation", date, StringComparison.Ordinal);
        Assert.DoesNotContain("screenshot", date, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_log_offers_a_contact_form_that_starts_as_a_demand_with_its_part_open()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;

        var log = await client.GetAsync($"/cases/{caseId}/log");
        var form = await client.GetAsync(log.Document.QuerySelector("#log-contact")!.GetAttribute("href")!);

        Assert.NotNull(form.Document.QuerySelector("main input[name='Input.Kind'][value='DemandOrExtortion'][checked]"));
        Assert.NotNull(form.Document.QuerySelector("main details#contact-details[open]"));
        var plain = await client.GetAsync($"/cases/{caseId}/log/new");
        Assert.Null(plain.Document.QuerySelector("main details#contact-details[open]"));
    }

    private string Date(int daysAgo) =>
        Domain.Incidents.IncidentWording.Date(DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(-daysAgo));
}

public sealed class ContactTestsOnSqlite(SqliteApp app) : ContactTests<SqliteApp>(app);

public sealed class ContactTestsOnPostgres(PostgresApp app) : ContactTests<PostgresApp>(app);
