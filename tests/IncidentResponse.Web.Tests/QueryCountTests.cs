using System.Net;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The main case pages take the same number of SQL commands for a case ten times bigger: no page runs a query per
/// entry, file, place found or letter; and each page's number is pinned (<see cref="Pinned"/>), so a page that starts
/// costing one more command fails here (issue 20). Commands are counted from EF Core's own "Executed DbCommand" log.
/// </summary>
public abstract class QueryCountTests<TApp>(TApp app, ITestOutputHelper output) : IClassFixture<TApp>
    where TApp : AppFixture
{
    /// <summary>How many of each thing the small case has; the big case has ten times as many.</summary>
    private const int SmallCount = 1;

    /// <summary>
    /// Each page's SQL commands, on both databases: one for the session (with its person's security stamp, time zone
    /// and membership of the case), then the page's own. Lower it when a page gets cheaper; never raise it without
    /// saying why in docs/performance.md. The binder view saves a history entry and moves the chain's head: one batched
    /// command on PostgreSQL, two on SQLite (EF Core's SQLite provider sends each change on its own).
    /// </summary>
    private Dictionary<string, int> Pinned => new(StringComparer.Ordinal)
    {
        ["dashboard"] = 5,
        // The case has letters sent but no answers, so the record's answers query is not run (nine with answers).
        ["log list"] = 8,
        ["log, files only"] = 4,
        ["incident details"] = 6,
        ["evidence list"] = 3,
        ["evidence details"] = 3,
        ["evidence preview"] = 3,
        ["sightings"] = 3,
        ["takedowns list"] = 2,
        ["history"] = 5,
        ["activity"] = 3,
        ["binder HTML view"] = app.Provider == DatabaseProvider.Sqlite ? 18 : 17,
    };

    [Fact]
    public async Task The_main_case_pages_take_the_same_number_of_queries_for_a_case_ten_times_bigger()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/account/confirm", new Dictionary<string, string> { ["Input.Passphrase"] = Journeys.GoodPassphrase })).Status);
        var (incidentId, evidenceId) = await GrowAsync(client, caseId, SmallCount);
        var small = await CountAllAsync(client, caseId, incidentId, evidenceId);

        await GrowAsync(client, caseId, (SmallCount * 10) - SmallCount);
        var big = await CountAllAsync(client, caseId, incidentId, evidenceId);

        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(SmallCount * 10, await db.Incidents.CountAsync(i => i.CaseId == caseId));
            Assert.Equal(SmallCount * 10, await db.EvidenceItems.CountAsync(e => e.CaseId == caseId));
            Assert.Equal(SmallCount * 10, await db.Sightings.CountAsync(s => s.CaseId == caseId));
            Assert.Equal(SmallCount * 10, await db.TakedownRequests.CountAsync(t => t.CaseId == caseId));
        }

        foreach (var (page, count) in small)
        {
            output.WriteLine($"{page}: {count} commands for the small case, {big[page]} for the big one");
        }

        Assert.All(small, s => Assert.True(s.Value >= 2, $"Only {s.Value} commands seen for {s.Key}: is EF Core's command log captured?"));
        Assert.Equal(small, big);
        Assert.Equal(Pinned, small);
    }

    /// <summary>Adds <paramref name="count"/> each of entries, places found (one per entry), files and sent letters.</summary>
    [Fact]
    public async Task The_dashboards_count_of_binders_made_is_read_from_an_index_not_the_whole_history()
    {
        // The dashboard counts binder.made events on every view: the database finds them by case and action, without
        // reading the rest of the case's history (on PostgreSQL, with table scans off: the tables here are too small
        // for its planner to prefer an index by itself).
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        client.Dispose();
        await using var db = app.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        var count = "SELECT COUNT(*) FROM \"AuditEvents\" WHERE \"CaseId\" = @case AND \"Action\" = 'binder.made'";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "case";
        parameter.Value = caseId;
        command.Parameters.Add(parameter);
        command.CommandText = app.Provider == DatabaseProvider.Sqlite
            ? "EXPLAIN QUERY PLAN " + count
            : "SET LOCAL enable_seqscan = off; EXPLAIN " + count;
        var plan = new List<string>();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            command.Transaction = transaction;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetValue(reader.FieldCount - 1).ToString() ?? "");
            }
        }

        output.WriteLine(string.Join('\n', plan));
        Assert.Equal("binder.made", IncidentResponse.Domain.Audit.AuditActions.BinderMade);
        Assert.Contains(plan, line => line.Contains("IX_AuditEvents_CaseId_Action", StringComparison.Ordinal));
    }

    private async Task<(Guid IncidentId, Guid EvidenceId)> GrowAsync(AppClient client, Guid caseId, int count)
    {
        var first = (Incident: Guid.Empty, Evidence: Guid.Empty);
        for (var i = 0; i < count; i++)
        {
            var unique = Guid.NewGuid().ToString("N")[..8];
            var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm($"Entry {unique}", ("Url", $"https://www.reddit.com/r/example/comments/{unique}")));
            await client.AddSightingsAsync(caseId, $"https://www.reddit.com/r/example/comments/{unique}", incidentId);
            var evidenceId = await client.AddEvidenceAsync(caseId, TestImages.Png(8, 8, ("tEXt", [.. "Comment\0"u8, .. System.Text.Encoding.ASCII.GetBytes(unique)])), $"shot-{i}.png", new Dictionary<string, string> { ["Input.IncidentId"] = incidentId.ToString() });
            await SendLetterAsync(client, caseId);
            first = first.Incident == Guid.Empty ? (incidentId, evidenceId) : first;
        }

        return first;
    }

    private async Task SendLetterAsync(AppClient client, Guid caseId)
    {
        Guid sightingId;
        await using (var db = app.CreateDbContext())
        {
            sightingId = await db.Sightings.Where(s => s.CaseId == caseId).OrderByDescending(s => s.FirstSeenUtc).Select(s => s.Id).FirstAsync();
        }

        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SightingIds"] = sightingId.ToString(),
            ["Input.SenderEmail"] = "sam@example.org",
            ["Input.GoodFaithConfirmed"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, draft.Status);
        var letterUrl = draft.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=Finalise")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(letterUrl, new Dictionary<string, string>
        {
            ["Send.Channel"] = "Form",
            ["Send.SentOn"] = app.Day(1),
            ["Send.Reference"] = "REF",
        }, "handler=Send")).Status);
    }

    private async Task<Dictionary<string, int>> CountAllAsync(AppClient client, Guid caseId, Guid incidentId, Guid evidenceId)
    {
        var pages = new[]
        {
            ("dashboard", $"/cases/{caseId}"),
            ("log list", $"/cases/{caseId}/log"),
            ("log, files only", $"/cases/{caseId}/log?kind=Evidence"),
            ("incident details", $"/cases/{caseId}/log/{incidentId}"),
            ("evidence list", $"/cases/{caseId}/evidence"),
            ("evidence details", $"/cases/{caseId}/evidence/{evidenceId}?show=true"),
            ("evidence preview", $"/cases/{caseId}/evidence/{evidenceId}/preview"),
            ("sightings", $"/cases/{caseId}/sightings"),
            ("takedowns list", $"/cases/{caseId}/takedowns"),
            ("history", $"/cases/{caseId}/history"),
            ("activity", $"/cases/{caseId}/activity"),
        };
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, url) in pages)
        {
            // Once to warm anything done on a first visit, then the count that is compared.
            await CountAsync(() => client.Http.GetAsync(url), url);
            counts[name] = await CountAsync(() => client.Http.GetAsync(url), url);
        }

        var binder = await client.GetAsync($"/cases/{caseId}/binder");
        var form = FormCatalog.PostFormsOn(binder, $"/cases/{caseId}/binder").Single();
        var view = form.Submitters.Single(s => s.Url.Contains("handler=View", StringComparison.Ordinal));
        var token = binder.Document.QuerySelector("input[name=__rvt]")!.GetAttribute("value")!;
        await CountAsync(async () => (await FormCatalog.PostAsync(client, token, form, view, FormCatalog.Defaults(form).ToList())).Response, "binder view");
        counts["binder HTML view"] = await CountAsync(async () => (await FormCatalog.PostAsync(client, token, form, view, FormCatalog.Defaults(form).ToList())).Response, "binder view");
        return counts;
    }

    private async Task<int> CountAsync(Func<Task<HttpResponseMessage>> request, string what)
    {
        var before = app.Logs.Entries.Count(IsCommand);
        using var response = await request();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what} answered {(int)response.StatusCode}.");
        return app.Logs.Entries.Count(IsCommand) - before;

        // The binder job runner's own polling (tagged) may fall inside the request: it is not the request's.
        static bool IsCommand(string entry) => entry.Contains("Executed DbCommand", StringComparison.Ordinal)
            && !entry.Contains("-- " + IncidentResponse.Web.Pages.Cases.Binder.BinderJobRunner.Background, StringComparison.Ordinal);
    }
}

public sealed class QueryCountTestsOnSqlite(SqliteApp app, ITestOutputHelper output) : QueryCountTests<SqliteApp>(app, output);

public sealed class QueryCountTestsOnPostgres(PostgresApp app, ITestOutputHelper output) : QueryCountTests<PostgresApp>(app, output);
