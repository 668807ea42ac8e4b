using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>Case content never reaches a log: not the title, not a form value, not a failed sign-in's name.</summary>
public abstract class LoggingTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task A_marker_typed_into_forms_is_nowhere_in_the_log_output()
    {
        var marker = "MARKER" + Guid.NewGuid().ToString("N")[..12];
        using var client = app.CreateAppClient();
        await client.SignUpAsync();
        var caseId = await client.CreateCaseAsync($"{marker} title");
        await client.GetAsync($"/cases/{caseId}");
        await client.SubmitAsync("/cases/new", new Dictionary<string, string> { ["Input.Title"] = $"{marker}\u0007 bad" });
        await client.SubmitAsync("/cases/new", new Dictionary<string, string> { ["Input.Title"] = new string('m', 81) + marker });
        using var stranger = app.CreateAppClient();
        await stranger.SignInAsync($"{marker}user", $"{marker} passphrase");
        await stranger.SubmitAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.Username"] = $"{marker}x",
            ["Input.Passphrase"] = "short",
            ["Input.Email"] = $"{marker}@example.org",
        });
        await stranger.GetAsync($"/cases/{caseId}?q={marker}");
        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm($"{marker} narrative", ("AccountHandle", $"@{marker}"), ("WhoYouThink", marker)));
        await client.SubmitAsync($"/cases/{caseId}/log/{incidentId}/edit", new Dictionary<string, string> { ["Input.Narrative"] = $"{marker} edited" });
        await client.SubmitAsync($"/cases/{caseId}/log/new", app.IncidentForm($"{marker} refused", ("Url", $"ftp://{marker}.example.org/")));
        await client.AddSightingsAsync(caseId, $"https://{marker}.example.org/post/1\nhttps://example.org/{marker}\nnot-a-url-{marker}");
        await using (var db = app.CreateDbContext())
        {
            var sightingId = await db.Sightings.Where(s => s.CaseId == caseId).Select(s => s.Id).FirstAsync();
            await client.SubmitAsync($"/cases/{caseId}/sightings/{sightingId}", new Dictionary<string, string> { ["Input.Status"] = "Reported", ["Input.Note"] = marker });
        }

        await client.GetAsync($"/cases/{caseId}/log");
        await client.GetAsync($"/cases/{caseId}/sightings");
        await client.GetAsync($"/cases/{caseId}/history");

        Assert.NotEmpty(app.Logs.Entries);
        Assert.Contains(app.Logs.Entries, e => e.Contains("responded", StringComparison.Ordinal));
        Assert.False(app.Logs.Contains(marker), "The marker reached the captured log: " + app.Logs.Entries.FirstOrDefault(e => e.Contains(marker, StringComparison.OrdinalIgnoreCase)));
        var file = await ReadSharedAsync(app.LogFile);
        Assert.Contains("responded", file, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, file, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Request_log_lines_name_the_route_template_not_the_address()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.GetAsync($"/cases/{caseId}");

        Assert.Contains(app.Logs.Entries, e => e.Contains("HTTP GET /cases/{caseId:guid} responded 200 in ", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Entries, e => e.Contains("RequestLogging", StringComparison.Ordinal) && e.Contains(caseId.ToString(), StringComparison.Ordinal));

        // Serilog's request line names no RequestPath of its own, and ASP.NET Core's scope adds none to any event.
        Assert.Contains(app.Logs.Entries, e => e.Contains("Serilog.AspNetCore.RequestLoggingMiddleware", StringComparison.Ordinal) && e.Contains("Route=/cases/{caseId:guid}", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Entries, e => e.Contains("RequestPath", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_log_lines_carry_no_request_address()
    {
        var json = new JsonLoggingApp();
        await json.InitializeAsync();
        try
        {
            var (client, _, caseId) = await json.NewSurvivorWithCaseAsync();
            using (client)
            {
                await client.GetAsync($"/cases/{caseId}");
            }

            await json.DisposeAsync();
            var file = await ReadSharedAsync(json.LogFile);
            Assert.Contains("\"Route\":\"/cases/{caseId:guid}\"", file, StringComparison.Ordinal);
            Assert.DoesNotContain(caseId.ToString(), file, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("RequestPath", file, StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)json).DisposeAsync();
        }
    }

    private sealed class JsonLoggingApp : SqliteApp
    {
        public JsonLoggingApp() => Set("Logging:Format", "json");
    }

    internal static async Task<string> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}

/// <summary>
/// Every level of every source reaches the sinks, so a marker logged anywhere at all is found. (At these levels the
/// framework's own lines name case ids, "redirecting to /cases/…", so only the shipped levels are held to "no ids".)
/// </summary>
internal static class LoggingEverything
{
    public static void Set(Action<string, string?> set)
    {
        set("Serilog:MinimumLevel", "Verbose");
        foreach (var source in new[] { "Microsoft", "Microsoft.EntityFrameworkCore", "Microsoft.Hosting.Lifetime", "System" })
        {
            set($"Serilog:MinimumLevel:Override:{source}", "Verbose");
        }
    }
}

public sealed class LoggingSqliteApp : SqliteApp
{
    public LoggingSqliteApp() => LoggingEverything.Set(Set);
}

public sealed class LoggingPostgresApp : PostgresApp
{
    public LoggingPostgresApp() => LoggingEverything.Set(Set);
}

public sealed class LoggingTestsOnSqlite(LoggingSqliteApp app) : LoggingTests<LoggingSqliteApp>(app);

public sealed class LoggingTestsOnPostgres(LoggingPostgresApp app) : LoggingTests<LoggingPostgresApp>(app);
