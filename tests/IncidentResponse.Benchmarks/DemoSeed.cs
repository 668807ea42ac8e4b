using System.Globalization;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Benchmarks;

/// <summary>The benchmarks' one demo case: <c>seed-demo</c> run by the built app against their PostgreSQL database.</summary>
internal static class DemoSeed
{
    /// <summary>Runs <c>seed-demo</c> for one account; throws with the app's output when it fails.</summary>
    public static async Task RunAsync(AppProcessSettings settings, string username, string passphrase, int incidents, int images)
    {
        var (exit, output) = await AppProcess.RunCommandAsync(
            settings, "seed-demo", "--username", username, "--password", passphrase,
            "--incidents", incidents.ToString(CultureInfo.InvariantCulture), "--images", images.ToString(CultureInfo.InvariantCulture));
        if (exit != 0)
        {
            throw new InvalidOperationException("seed-demo failed:\n" + output);
        }
    }

    /// <summary>The seeded case's id (the database holds that one case).</summary>
    public static async Task<Guid> CaseIdAsync(string database)
    {
        await using var db = new AppDbContext(DatabaseProviders.CreateOptions(DatabaseProvider.Postgres, database));
        return await db.Cases.Select(c => c.Id).SingleAsync();
    }

    /// <summary>The demo case's evidence, by id.</summary>
    public static async Task<IReadOnlyList<Guid>> EvidenceIdsAsync(string database)
    {
        await using var db = new AppDbContext(DatabaseProviders.CreateOptions(DatabaseProvider.Postgres, database));
        return await db.EvidenceItems.Select(e => e.Id).ToListAsync();
    }
}
