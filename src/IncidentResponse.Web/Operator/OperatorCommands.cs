using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Operator.Demo;
using IncidentResponse.Web.Pages.Cases.Evidence;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Operator;

/// <summary>
/// Commands an operator runs with the web executable instead of serving:
/// <c>migrate</c>, <c>seed-demo --username U --password P [--incidents N] [--images M]</c>, <c>verify-audit</c> and
/// <c>rotate-master-key --new-key-file PATH</c> and <c>list-stale-facts [--older-than DAYS] [--content-dir PATH]</c>.
/// </summary>
public static class OperatorCommands
{
    public static Func<WebApplication, Task<int>>? Find(string[] args) => args.FirstOrDefault() switch
    {
        "migrate" => MigrateAsync,
        "seed-demo" => app => SeedDemoAsync(app, args[1..]),
        "verify-audit" => VerifyAuditAsync,
        "rotate-master-key" => app => RotateMasterKeyCommand.RunAsync(app, ParseOptions(args[1..])),
        "list-stale-facts" => app => StaleFacts.RunAsync(app, args[1..]),
        _ => null,
    };

    private static async Task<int> MigrateAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("IncidentResponse.Migrate");
        await DatabaseMigrator.MigrateAsync(
            app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<AppOptions>(), logger, CancellationToken.None);
        return 0;
    }

    private static async Task<int> SeedDemoAsync(WebApplication app, string[] args)
    {
        var options = ParseOptions(args);
        if (!options.TryGetValue("username", out var username) || !options.TryGetValue("password", out var password))
        {
            await Console.Error.WriteLineAsync("usage: seed-demo --username U --password P [--incidents N] [--images M]");
            return 2;
        }

        var incidents = options.TryGetValue("incidents", out var n) ? int.Parse(n, CultureInfo.InvariantCulture) : 0;
        var images = options.TryGetValue("images", out var m) ? int.Parse(m, CultureInfo.InvariantCulture) : 0;
        await MigrateAsync(app);

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var user = new AppUser { UserName = username, CreatedUtc = now };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                await Console.Error.WriteLineAsync(error.Description);
            }

            return 1;
        }

        var demo = Case.Open("Spring notes", user.Id, now);
        db.Cases.Add(demo);
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(demo.Id, user.Id, AuditActions.CaseOpened, "Case", demo.Id.ToString());
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<DemoCase>().FillAsync(demo.Id, user.Id, incidents, images, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<DemoTakedowns>().FillAsync(demo.Id, user.Id, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Seeded a demo case for '{username}' with {incidents} incidents and {images} evidence images."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Added {DemoTakedowns.RequestCount} takedown requests: a draft, one ready to send, sent, overdue, removed, refused and followed up."));

        return 0;
    }

    /// <summary>Checks every case's audit chain; exits 1 and names the first broken event of each broken case.</summary>
    private static async Task<int> VerifyAuditAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // The operator checks every file, private ones included.
        db.ShowPrivateItems = true;
        var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var caseIds = await db.Cases.AsNoTracking().OrderBy(c => c.CreatedUtc).Select(c => c.Id).ToListAsync();
        var broken = 0;
        long events = 0;
        var evidence = scope.ServiceProvider.GetRequiredService<EvidenceService>();
        var trustedRoots = scope.ServiceProvider.GetRequiredService<TimestampAuthorityOptions>().TrustedRoots();
        long files = 0;
        long timestamps = 0;
        foreach (var caseId in caseIds)
        {
            var result = await trail.VerifyAsync(caseId);
            events += result.EventsChecked;
            if (!result.IsIntact)
            {
                broken++;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"BROKEN case {caseId}: first broken event is #{result.BrokenAtSequence} ({result.Fault}): {result.Explanation}"));
                continue;
            }

            // Each trusted timestamp must still sign the history as it is up to its event (ADR 0033).
            var stamps = await TimestampProblemsAsync(db, caseId, trustedRoots);
            timestamps += stamps.Checked;
            if (stamps.Message is not null)
            {
                broken++;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"BROKEN case {caseId}: {stamps.Message}"));
                continue;
            }

            // Each evidence file must still be what its evidence.added event recorded, byte for byte.
            var problem = await FirstEvidenceProblemAsync(db, evidence, caseId);
            files += problem.Checked;
            if (problem.Message is not null)
            {
                broken++;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"BROKEN case {caseId}: {problem.Message}"));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Checked {caseIds.Count} cases, {events} audit events, {timestamps} trusted timestamps, {files} evidence files: {(broken == 0 ? "every chain is intact" : $"{broken} broken")}."));
        return broken == 0 ? 0 : 1;
    }

    /// <summary>The case's trusted timestamps checked against its history's content digests: the first that fails, by event.</summary>
    private static async Task<(long Checked, string? Message)> TimestampProblemsAsync(AppDbContext db, Guid caseId, X509Certificate2Collection? trustedRoots)
    {
        var stamps = await db.AuditTimestamps.AsNoTracking().Where(t => t.CaseId == caseId).OrderBy(t => t.Sequence).ToListAsync();
        if (stamps.Count == 0)
        {
            return (0, null);
        }

        var events = await db.AuditEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence).ToListAsync();
        var digests = AuditTimestamps.ContentDigests(events.Select(e => e.ToEvent()));
        foreach (var stamp in stamps)
        {
            if (AuditTimestamps.Problem(stamp, digests, trustedRoots) is { } problem)
            {
                return (stamps.Count, string.Create(CultureInfo.InvariantCulture, $"the trusted timestamp of {stamp.StampedUtc:yyyy-MM-dd HH:mm:ss} UTC fails: {problem}"));
            }
        }

        return (stamps.Count, null);
    }

    private static async Task<(long Checked, string? Message)> FirstEvidenceProblemAsync(AppDbContext db, EvidenceService evidence, Guid caseId)
    {
        var added = await db.AuditEvents.AsNoTracking()
            .Where(e => e.CaseId == caseId && e.Action == AuditActions.EvidenceAdded)
            .OrderBy(e => e.Sequence)
            .ToListAsync();
        var items = await db.EvidenceItems.AsNoTracking().Where(e => e.CaseId == caseId).ToDictionaryAsync(e => e.Id.ToString());
        long count = 0;
        foreach (var record in added)
        {
            count++;
            if (!items.TryGetValue(record.EntityId, out var item))
            {
                return (count, $"first broken event is #{record.Sequence}: its evidence item is gone");
            }

            if (!item.MatchesAddedEvent(record))
            {
                return (count, $"first broken event is #{record.Sequence}: the evidence item's recorded SHA-256 was changed");
            }

            if (await evidence.CheckAsync(item, CancellationToken.None) is { } problem)
            {
                return (count, $"first broken event is #{record.Sequence}: {problem}");
            }
        }

        return (count, null);
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                result[args[i][2..]] = args[i + 1];
            }
        }

        return result;
    }
}
