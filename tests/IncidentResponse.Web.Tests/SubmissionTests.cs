using System.Net;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Security;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// Exactly once: the same post sent twice (a double click, or a retry after an answer that never arrived) creates one
/// thing, and both posts lead to it.
/// </summary>
public abstract class SubmissionTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private static readonly byte[] Statement = TestFiles.Pdf("My statement"u8.ToArray());

    [Fact]
    public async Task An_incident_posted_twice_at_once_is_added_once_and_both_posts_lead_to_it()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var (action, values) = await client.FormAsync($"/cases/{caseId}/log/new", app.IncidentForm());

        var results = await client.PostTwiceAtOnceAsync(action, values);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.Status));
        Assert.Equal(results[0].Location, results[1].Location);
        Assert.Equal(1, await app.CountAsync(db => db.Incidents.Where(i => i.CaseId == caseId)));
        Assert.Equal(1, await app.CountAsync(db => db.AuditEvents.Where(e => e.CaseId == caseId && e.Action == "incident.added")));

        // Sent again later (the first answer was lost): still one, and it leads to the same entry.
        var later = await client.PostAsync(action, values);
        Assert.Equal(results[0].Location, later.Location);
        Assert.Equal(1, await app.CountAsync(db => db.Incidents.Where(i => i.CaseId == caseId)));
    }

    [Fact]
    public async Task A_new_form_is_a_new_incident()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.AddIncidentAsync(caseId, app.IncidentForm("first"));
        await client.AddIncidentAsync(caseId, app.IncidentForm("second"));
        Assert.Equal(2, await app.CountAsync(db => db.Incidents.Where(i => i.CaseId == caseId)));
    }

    [Fact]
    public async Task A_key_used_by_someone_else_does_not_stop_your_post()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        var (other, _, otherCaseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        using var __ = other;
        var (action, values) = await owner.FormAsync($"/cases/{caseId}/log/new", app.IncidentForm());
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostAsync(action, values)).Status);

        var (otherAction, otherValues) = await other.FormAsync($"/cases/{otherCaseId}/log/new", app.IncidentForm());
        otherValues[SubmissionGuard.FieldName] = values[SubmissionGuard.FieldName];
        var posted = await other.PostAsync(otherAction, otherValues);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Contains(otherCaseId.ToString(), posted.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, await app.CountAsync(db => db.Incidents.Where(i => i.CaseId == otherCaseId)));
    }

    [Fact]
    public async Task An_upload_sent_twice_at_once_keeps_one_file()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var form = await client.GetAsync($"/cases/{caseId}/evidence/add");
        var token = form.FieldValue("__rvt")!;
        var fields = new Dictionary<string, string> { [SubmissionGuard.FieldName] = form.FieldValue(SubmissionGuard.FieldName)! };
        var evidence = Path.Combine(app.DataDirectory, "evidence");
        int Blobs() => Directory.Exists(evidence) ? Directory.GetFiles(evidence, "*.blob", SearchOption.AllDirectories).Length : 0;
        var before = Blobs();

        var results = await Task.WhenAll(
            Task.Run(() => client.UploadEvidenceAsync(caseId, new ByteArrayContent(Statement), "statement.pdf", fields, token)),
            Task.Run(() => client.UploadEvidenceAsync(caseId, new ByteArrayContent(Statement), "statement.pdf", fields, token)));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.Status));
        Assert.Equal(results[0].Location, results[1].Location);
        Assert.Equal(1, await app.CountAsync(db => db.EvidenceItems.IgnoreQueryFilters().Where(e => e.CaseId == caseId)));
        Assert.Equal(before + 1, Blobs());
    }

    [Fact]
    public async Task A_letter_written_twice_at_once_is_one_draft_and_finalising_twice_at_once_finalises_once()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.AddSightingsAsync(caseId, "https://www.reddit.com/r/a/comments/twice");
        var newUrl = $"/cases/{caseId}/takedowns/new?platform=reddit";
        var sightingId = await client.FirstPlaceOfferedAsync(newUrl);
        var (action, values) = await client.FormAsync(newUrl, new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SightingIds"] = sightingId,
            ["Input.SenderName"] = "Sam Example",
            ["Input.SenderEmail"] = "sam@example.org",
            ["Input.GoodFaithConfirmed"] = "true",
        });

        var drafted = await client.PostTwiceAtOnceAsync(action, values);
        Assert.All(drafted, r => Assert.Equal(HttpStatusCode.Redirect, r.Status));
        Assert.Equal(drafted[0].Location, drafted[1].Location);
        Assert.Equal(1, await app.CountAsync(db => db.TakedownRequests.Where(r => r.CaseId == caseId)));

        var letterUrl = drafted[0].Location!.OriginalString;
        var (finaliseAction, finaliseValues) = await client.FormAsync(letterUrl, new Dictionary<string, string>(), "handler=Finalise");
        var finalised = await client.PostTwiceAtOnceAsync(finaliseAction, finaliseValues);

        Assert.True(
            finalised.All(r => r.Status == HttpStatusCode.Redirect),
            string.Join('/', finalised.Select(r => (int)r.Status)) + "\n" + string.Join('\n', app.Logs.Entries.Where(e => e.Contains("Exception", StringComparison.Ordinal)).TakeLast(3)));
        await using var db = app.CreateDbContext();
        Assert.Equal(TakedownStatus.Final, (await db.TakedownRequests.SingleAsync(r => r.CaseId == caseId)).Status);
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.CaseId == caseId && e.Action == "takedown.finalised"));
    }

    [Fact]
    public async Task An_answer_logged_twice_is_one_answer()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var letterUrl = await SubmissionJourneys.ReadyLetterAsync(client, caseId);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=Finalise")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(letterUrl, new Dictionary<string, string> { ["Send.Channel"] = "Form" }, "handler=Send")).Status);
        var (action, values) = await client.FormAsync(letterUrl, new Dictionary<string, string> { ["Answer.Outcome"] = "Removed" }, "handler=Answer");

        var results = await client.PostTwiceAtOnceAsync(action, values);
        var later = await client.PostAsync(action, values);

        Assert.All(results.Append(later), r => Assert.Equal(HttpStatusCode.Redirect, r.Status));
        Assert.Equal(1, await app.CountAsync(db => db.TakedownResponses.Where(r => r.CaseId == caseId)));
    }

    [Fact]
    public async Task A_case_opened_twice_is_one_case()
    {
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var (action, values) = await client.FormAsync("/cases/new", new Dictionary<string, string> { ["Input.Title"] = "Spring notes" });

        var results = await client.PostTwiceAtOnceAsync(action, values);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.Status));
        Assert.Equal(results[0].Location, results[1].Location);
        var caseId = Guid.Parse(results[0].Location!.OriginalString.Split('/')[2]);
        await using var db = app.CreateDbContext();
        var owner = await db.CaseMembers.Where(m => m.CaseId == caseId).Select(m => m.UserId).SingleAsync();
        Assert.Equal(1, await db.CaseMembers.CountAsync(m => m.UserId == owner));
    }
}

public sealed class SubmissionTestsOnSqlite(SqliteApp app) : SubmissionTests<SqliteApp>(app);

public sealed class SubmissionTestsOnPostgres(PostgresApp app) : SubmissionTests<PostgresApp>(app);
