using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Operator.Demo;
using IncidentResponse.Web.Security;
using IncidentResponse.Web.Tests.Infrastructure;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Jpeg;
using Microsoft.EntityFrameworkCore;
using Directory = System.IO.Directory;

namespace IncidentResponse.Web.Tests;

/// <summary>The operator commands, run as an operator would: the real executable, in its own process.</summary>
[Trait("Category", "System")]
[RunsLong(80)]
public sealed class OperatorCommandTests
{
    [Fact]
    public async Task Migrate_creates_the_SQLite_database_and_exits()
    {
        var directory = NewDirectory();
        var (exitCode, output) = await RunAsync(directory, "migrate");

        Assert.True(exitCode == 0, output);
        await using var db = new AppDbContext(DatabaseProviders.CreateOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "incidentresponse.db")}"));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Migrate_refuses_a_database_from_before_the_squash_and_leaves_it_as_it_was()
    {
        var directory = NewDirectory();
        Assert.Equal(0, (await RunAsync(directory, "migrate")).ExitCode);
        var options = DatabaseProviders.CreateOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "incidentresponse.db")}");
        await using (var db = new AppDbContext(options))
        {
            // What a development database made by the old chain records: migrations this build no longer has.
            await db.Database.ExecuteSqlRawAsync(
                "DELETE FROM \"__EFMigrationsHistory\"; INSERT INTO \"__EFMigrationsHistory\" VALUES ('20261122051937_SubmissionKeys', '10.0.0');");
        }

        var (exitCode, output) = await RunAsync(directory, "migrate");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("this build does not know (the first is 20261122051937_SubmissionKeys)", output, StringComparison.Ordinal);
        Assert.Contains("(ADR 0017), delete it", output, StringComparison.Ordinal);
        await using (var db = new AppDbContext(options))
        {
            Assert.Equal(["20261122051937_SubmissionKeys"], await db.Database.GetAppliedMigrationsAsync());
        }
    }

    [Fact]
    public async Task Seed_demo_creates_an_account_that_can_sign_in_and_see_its_case()
    {
        var directory = NewDirectory();
        var (exitCode, output) = await RunAsync(directory, "seed-demo", "--username", "demo_person", "--password", "marble orchard violet tide", "--incidents", "21", "--images", "2");
        Assert.True(exitCode == 0, output);
        Assert.Contains("with 21 incidents and 2 evidence images", output, StringComparison.Ordinal);

        await using var app = new SeededApp(directory);
        await app.InitializeAsync();
        using var client = app.CreateAppClient();
        var signIn = await client.SignInAsync("demo_person", "marble orchard violet tide");
        Assert.Equal(HttpStatusCode.Redirect, signIn.Status);
        var cases = await client.GetAsync("/cases");
        Assert.Contains("Spring notes", cases.MainText, StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        var caseId = await db.Cases.Select(c => c.Id).SingleAsync();
        Assert.Equal(21, await db.Incidents.CountAsync(i => i.CaseId == caseId));
        var statuses = await db.Sightings.Where(s => s.CaseId == caseId).Select(s => s.Status).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<IncidentResponse.Domain.Incidents.SightingStatus>().Order(), statuses.Order());
        Assert.Equal(2, await db.EvidenceItems.CountAsync(e => e.CaseId == caseId));
        var evidenceId = await db.EvidenceItems.Where(e => e.CaseId == caseId && e.Kind == EvidenceKind.Png).Select(e => e.Id).SingleAsync();
        using var download = await client.DownloadEvidenceAsync(caseId, evidenceId, "marble orchard violet tide");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.True((await download.Content.ReadAsByteArrayAsync()).Length > 100_000, "Demo screenshots should be of realistic size.");
        Assert.Contains("Spring notes", (await client.GetAsync($"/cases/{caseId}")).MainText, StringComparison.Ordinal);
        Assert.True((await RunAsync(directory, "verify-audit")).ExitCode == 0);
    }

    [Fact]
    public async Task Seed_demo_adds_takedown_requests_in_every_state_with_their_places_moved_and_audited()
    {
        var directory = NewDirectory();
        var (exitCode, output) = await RunAsync(directory, "seed-demo", "--username", "demo_person", "--password", "marble orchard violet tide");
        Assert.True(exitCode == 0, output);
        Assert.Contains("Added 8 takedown requests", output, StringComparison.Ordinal);

        await using var app = new SeededApp(directory);
        await app.InitializeAsync();
        await using var db = app.CreateDbContext();
        var caseId = await db.Cases.Select(c => c.Id).SingleAsync();
        var now = DateTime.UtcNow;
        var requests = await db.TakedownRequests.AsNoTracking().Include(r => r.Sightings).Where(r => r.CaseId == caseId).ToListAsync();
        var responses = await db.TakedownResponses.AsNoTracking().Where(r => r.CaseId == caseId).ToListAsync();
        var places = await db.Sightings.AsNoTracking().Where(s => s.CaseId == caseId).ToDictionaryAsync(s => s.Id);
        var sightings = places.ToDictionary(p => p.Key, p => p.Value.Status);
        SightingStatus[] StatusesOf(TakedownRequest request) => request.Sightings.Select(s => sightings[s.SightingId]).Distinct().ToArray();
        TakedownOutcome? OutcomeOf(TakedownRequest request) => responses.Where(a => a.RequestId == request.Id).Select(a => (TakedownOutcome?)a.Outcome).SingleOrDefault();

        Assert.Equal(8, requests.Count);
        Assert.True(requests.Select(r => r.Kind).Distinct().Count() >= 6, "Several kinds of letter.");
        var draft = Assert.Single(requests, r => r.Status == TakedownStatus.Draft);
        Assert.Null(draft.FinalText);
        Assert.Equal([SightingStatus.Found], StatusesOf(draft));
        var ready = Assert.Single(requests, r => r.Status == TakedownStatus.Final);
        Assert.Equal([SightingStatus.Found], StatusesOf(ready));

        var waiting = requests.Where(r => r.Status == TakedownStatus.Sent && r.FollowsUpId is null && !r.IsOverdue(now)).ToList();
        Assert.NotEmpty(waiting);
        Assert.All(waiting, r => Assert.Equal([SightingStatus.RemovalRequested], StatusesOf(r)));
        var overdue = Assert.Single(requests, r => r.IsOverdue(now));
        Assert.Equal(LetterKind.TakeItDownRequest, overdue.Kind);
        Assert.Null(OutcomeOf(overdue));
        Assert.Equal([SightingStatus.RemovalRequested], StatusesOf(overdue));

        var removed = requests.Where(r => OutcomeOf(r) == TakedownOutcome.Removed).ToList();
        Assert.Equal(2, removed.Count);
        Assert.All(removed, r =>
        {
            Assert.Equal(TakedownStatus.Answered, r.Status);
            Assert.Equal([SightingStatus.Removed], StatusesOf(r));
        });
        var refused = Assert.Single(requests, r => OutcomeOf(r) == TakedownOutcome.Refused);
        Assert.False(string.IsNullOrWhiteSpace(responses.Single(a => a.RequestId == refused.Id).Reason));
        var followUp = Assert.Single(requests, r => r.FollowsUpId == refused.Id);
        Assert.Equal((LetterKind.FollowUp, TakedownStatus.Sent), (followUp.Kind, followUp.Status));
        // The refused place was asked for again by the follow-up: found, removal requested, refused, requested again.
        var refusedPlace = refused.Sightings.Single().SightingId;
        Assert.Equal(refusedPlace, followUp.Sightings.Single().SightingId);
        var moves = await db.SightingStatusChanges.AsNoTracking().Where(c => c.SightingId == refusedPlace).OrderBy(c => c.ChangedUtc).ThenBy(c => c.Id).ToListAsync();
        Assert.Equal([SightingStatus.RemovalRequested, SightingStatus.Refused, SightingStatus.RemovalRequested], moves.Select(c => c.To));
        Assert.Contains(refused.SentOn!.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), followUp.FinalText, StringComparison.Ordinal);

        // Written and moved by the pages' own code: the letters' text is composed, private details stay out, all audited.
        Assert.All(requests.Where(r => r.Status != TakedownStatus.Draft), r =>
        {
            Assert.Contains("Alex Rivera", r.FinalText, StringComparison.Ordinal);
            Assert.DoesNotContain("10 Example Street", r.FinalText, StringComparison.Ordinal);
            Assert.All(r.Sightings, s => Assert.Contains(places[s.SightingId].Url, r.FinalText, StringComparison.Ordinal));
        });
        var actions = await db.AuditEvents.Where(e => e.CaseId == caseId).Select(e => e.Action).ToListAsync();
        Assert.Equal(8, actions.Count(a => a == "takedown.drafted") + actions.Count(a => a == "takedown.follow-up-drafted"));
        Assert.Equal(7, actions.Count(a => a == "takedown.finalised"));
        Assert.Equal(6, actions.Count(a => a == "takedown.sent"));
        Assert.Equal(3, actions.Count(a => a == "takedown.answer-logged"));
        Assert.Equal(await db.SightingStatusChanges.CountAsync(c => c.CaseId == caseId), actions.Count(a => a == "sighting.status-changed"));
        Assert.True((await RunAsync(directory, "verify-audit")).ExitCode == 0);

        using var client = app.CreateAppClient();
        await client.SignInAsync("demo_person", "marble orchard violet tide");
        var list = await client.GetAsync($"/cases/{caseId}/takedowns");
        Assert.Equal(8, list.Document.QuerySelectorAll("ul.takedowns > li").Length);
        Assert.Single(list.Document.QuerySelectorAll("ul.takedowns > li.overdue"));
    }

    [Fact]
    public async Task Seed_demo_keeps_jpegs_with_exif_whose_preview_has_none_and_whose_download_is_bit_exact()
    {
        var directory = NewDirectory();
        var (exitCode, output) = await RunAsync(directory, "seed-demo", "--username", "demo_person", "--password", "marble orchard violet tide", "--incidents", "2", "--images", "2");
        Assert.True(exitCode == 0, output);
        await using var app = new SeededApp(directory);
        await app.InitializeAsync();
        using var client = app.CreateAppClient();
        await client.SignInAsync("demo_person", "marble orchard violet tide");
        await using var db = app.CreateDbContext();
        var jpeg = await db.EvidenceItems.SingleAsync(e => e.Kind == EvidenceKind.Jpeg);
        var url = $"/cases/{jpeg.CaseId}/evidence/{jpeg.Id}";

        using var download = await client.DownloadEvidenceAsync(jpeg.CaseId, jpeg.Id, "marble orchard violet tide");
        var original = await download.Content.ReadAsByteArrayAsync();

        // The second demo image (seed 1) is the JPEG: what comes back is exactly what the demo made and the vault hashed.
        Assert.Equal(DemoImages.ScreenshotJpeg(1080, 1920, 1), original);
        Assert.Equal(jpeg.Sha256, SHA256.HashData(original));
        Assert.True(original.Length > 100_000, "Demo images should be of realistic size.");
        var metadata = ImageMetadataReader.ReadMetadata(new MemoryStream(original));
        var frame = metadata.OfType<JpegDirectory>().Single();
        Assert.Equal((1080, 1920), (frame.GetImageWidth(), frame.GetImageHeight()));
        var expected = DemoImages.ExifFor(1);
        var device = metadata.OfType<ExifIfd0Directory>().Single();
        Assert.Equal((expected.Make, expected.Model), (device.GetString(ExifDirectoryBase.TagMake), device.GetString(ExifDirectoryBase.TagModel)));
        var place = metadata.OfType<GpsDirectory>().Single().GetGeoLocation();
        Assert.NotNull(place);
        Assert.Equal(expected.Latitude, place.Latitude, 3);

        using var preview = await client.Http.GetAsync($"{url}/preview");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var shown = ImageMetadataReader.ReadMetadata(new MemoryStream(await preview.Content.ReadAsByteArrayAsync()));
        Assert.Empty(shown.OfType<GpsDirectory>());
        Assert.Empty(shown.OfType<ExifIfd0Directory>());
        Assert.Equal(1920, shown.OfType<JpegDirectory>().Single().GetImageHeight());
    }

    [Fact]
    public async Task Verify_audit_passes_an_intact_history_and_names_the_first_altered_event()
    {
        var directory = NewDirectory();
        Assert.Equal(0, (await RunAsync(directory, "seed-demo", "--username", "demo_person", "--password", "marble orchard violet tide")).ExitCode);
        await using (var app = new SeededApp(directory))
        {
            await app.InitializeAsync();
            using var client = app.CreateAppClient();
            await client.SignInAsync("demo_person", "marble orchard violet tide");
            await using var read = app.CreateDbContext();
            var caseId = await read.Cases.Select(c => c.Id).SingleAsync();
            await client.SubmitAsync($"/cases/{caseId}/plan/1", new Dictionary<string, string> { ["Input.Status"] = "Done" });
            await client.SubmitAsync($"/cases/{caseId}/plan/2", new Dictionary<string, string> { ["Input.Status"] = "Doing" });
        }

        var intact = await RunAsync(directory, "verify-audit");
        Assert.True(intact.ExitCode == 0, intact.Output);
        int events;
        await using (var count = new AppDbContext(DatabaseProviders.CreateOptions(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(directory, "incidentresponse.db")};Pooling=false")))
        {
            events = await count.AuditEvents.CountAsync();
        }

        Assert.Contains($"{events} audit events, 0 trusted timestamps, 0 evidence files: every chain is intact", intact.Output, StringComparison.Ordinal);

        var connection = $"Data Source={Path.Combine(directory, "incidentresponse.db")};Pooling=false";
        await using (var db = new AppDbContext(DatabaseProviders.CreateOptions(DatabaseProvider.Sqlite, connection)))
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE AuditEvents SET Details = 'NotForMe' WHERE Sequence = 2");
        }

        var broken = await RunAsync(directory, "verify-audit");
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("first broken event is #2", broken.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_audit_catches_one_changed_byte_in_an_evidence_file_and_a_changed_fingerprint_in_its_row()
    {
        var directory = NewDirectory();
        Assert.Equal(0, (await RunAsync(directory, "seed-demo", "--username", "demo_person", "--password", "marble orchard violet tide", "--incidents", "3", "--images", "2")).ExitCode);
        var intact = await RunAsync(directory, "verify-audit");
        Assert.True(intact.ExitCode == 0, intact.Output);
        Assert.Contains("2 evidence files: every chain is intact", intact.Output, StringComparison.Ordinal);

        var blob = Directory.GetFiles(Path.Combine(directory, "evidence"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var bytes = await File.ReadAllBytesAsync(blob);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(blob, bytes);

        var flipped = await RunAsync(directory, "verify-audit");
        Assert.Equal(1, flipped.ExitCode);
        Assert.Contains("first broken event is #", flipped.Output, StringComparison.Ordinal);
        Assert.Contains("altered or damaged", flipped.Output, StringComparison.Ordinal);

        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(blob, bytes);
        Assert.Equal(0, (await RunAsync(directory, "verify-audit")).ExitCode);
        var connection = $"Data Source={Path.Combine(directory, "incidentresponse.db")};Pooling=false";
        await using (var db = new AppDbContext(DatabaseProviders.CreateOptions(DatabaseProvider.Sqlite, connection)))
        {
            var item = await db.EvidenceItems.OrderBy(e => e.ReceivedUtc).FirstAsync();
            item.Sha256 = new byte[32];
            await db.SaveChangesAsync();
        }

        var rewritten = await RunAsync(directory, "verify-audit");
        Assert.Equal(1, rewritten.ExitCode);
        Assert.Contains("recorded SHA-256 was changed", rewritten.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_demo_refuses_a_weak_passphrase()
    {
        var directory = NewDirectory();
        var (exitCode, output) = await RunAsync(directory, "seed-demo", "--username", "demo_person", "--password", "password1234");
        Assert.NotEqual(0, exitCode);
        Assert.Contains("many people use", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_stale_facts_prints_each_fact_not_yet_checked_or_older_than_the_limit_from_a_content_folder()
    {
        var directory = NewDirectory();
        var content = Path.Combine(directory, "content");
        Directory.CreateDirectory(Path.Combine(content, "jurisdictions"));
        Directory.CreateDirectory(Path.Combine(content, "platforms"));
        string DaysAgo(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(content, "jurisdictions", "zz.json"), $$"""
            {
              "code": "ZZ",
              "emergencyNumber": { "number": "123", "sourceUrl": "https://fresh.example/emergency", "lastVerified": "{{DaysAgo(10)}}" },
              "helplines": [
                { "name": "Old Line", "sourceUrl": "https://old.example/line", "lastVerified": "{{DaysAgo(200)}}" },
                { "name": "Unread Line", "sourceUrl": "https://unread.example/line", "needsReview": true }
              ]
            }
            """);
        await File.WriteAllTextAsync(Path.Combine(content, "platforms", "p.json"), $$"""
            { "id": "p", "policy": { "name": "Rule", "sourceUrl": "https://p.example/rule", "lastVerified": "{{DaysAgo(100)}}" } }
            """);

        var (exitCode, output) = await RunAsync(directory, "list-stale-facts", "--content-dir", content);

        Assert.True(exitCode == 0, output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.Contains('\t', StringComparison.Ordinal)).ToList();
        Assert.Contains($"jurisdictions/zz.json\thelplines[0] (Old Line)\t{DaysAgo(200)}\thttps://old.example/line", lines);
        Assert.Contains("jurisdictions/zz.json\thelplines[1] (Unread Line)\tnot yet checked\thttps://unread.example/line", lines);
        Assert.DoesNotContain(lines, l => l.Contains("fresh.example", StringComparison.Ordinal) || l.Contains("p.example", StringComparison.Ordinal));
        Assert.Contains("2 of 4 facts", output, StringComparison.Ordinal);

        var (_, within90) = await RunAsync(directory, "list-stale-facts", "--older-than", "90", "--content-dir", content);
        Assert.Contains($"platforms/p.json\tpolicy (Rule)\t{DaysAgo(100)}\thttps://p.example/rule", within90, StringComparison.Ordinal);
        Assert.Contains("3 of 4 facts", within90, StringComparison.Ordinal);

        var (shipped, shippedOutput) = await RunAsync(directory, "list-stale-facts", "--older-than", "0");
        Assert.True(shipped == 0, shippedOutput);
        Assert.Contains("jurisdictions/gb.json\t", shippedOutput, StringComparison.Ordinal);
        // Beside the facts, the translations no fluent reader has checked yet (none has, so far).
        Assert.Contains("es\tIncidentResponse.Web.Pages.Shared.SharedText\tLayout.QuickExit\tnot yet reviewed", shippedOutput, StringComparison.Ordinal);
        Assert.Contains("fr\tjurisdictions/gb.json\tname\tnot yet reviewed", shippedOutput, StringComparison.Ordinal);
        Assert.Matches(@"es: \d+ translated texts not yet reviewed, 0 made from an older English text, 0 missing\.", shippedOutput);
        Assert.Equal(2, (await RunAsync(directory, "list-stale-facts", "--older-than", "soon")).ExitCode);
    }

    private static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ir-cmd-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string dataDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IncidentResponse.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The app over what the commands made: their database, their evidence folder and their development key.</summary>
    private sealed class SeededApp : SqliteApp
    {
        private readonly string _directory;

        public SeededApp(string directory)
        {
            _directory = directory;
            Set("Storage:DataDirectory", directory);
            var key = Path.Combine(directory, "keys", "development-master.key");
            if (File.Exists(key))
            {
                Set("Security:MasterKey", File.ReadAllText(key));
            }
        }

        protected override Task<string> CreateDatabaseAsync() =>
            Task.FromResult($"Data Source={Path.Combine(_directory, "incidentresponse.db")}");
    }
}
