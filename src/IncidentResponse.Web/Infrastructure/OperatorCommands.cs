using System.Globalization;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using Microsoft.AspNetCore.Identity;

namespace IncidentResponse.Web.Infrastructure;

/// <summary>
/// Commands an operator runs with the web executable instead of serving:
/// <c>migrate</c> and <c>seed-demo --username U --password P [--incidents N] [--images M]</c>.
/// </summary>
public static class OperatorCommands
{
    public static Func<WebApplication, Task<int>>? Find(string[] args) => args.FirstOrDefault() switch
    {
        "migrate" => MigrateAsync,
        "seed-demo" => app => SeedDemoAsync(app, args[1..]),
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
        await db.SaveChangesAsync();
        Console.WriteLine($"Seeded a demo case for '{username}'.");
        if (incidents > 0 || images > 0)
        {
            Console.WriteLine("Incidents and evidence are not part of the case model yet; --incidents and --images were not used.");
        }

        return 0;
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
