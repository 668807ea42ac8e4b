using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Operator;

/// <summary>
/// Applies migrations, then the one-time key format upgrade (<see cref="KeyFormatUpgrade"/>), before the app takes
/// requests, where <c>Database:MigrateOnStartup</c> asks for it. A database holding migrations this build does not
/// know (one from before the squash of ADR 0017, or from a newer build) is refused before anything is changed.
/// </summary>
public sealed class DatabaseMigrator(IServiceScopeFactory scopes, AppOptions options, ILogger<DatabaseMigrator> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.MigrateOnStartup)
        {
            await MigrateAsync(scopes, options, logger, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task MigrateAsync(
        IServiceScopeFactory scopes, AppOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(options.DataDirectory);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Except(db.Database.GetMigrations()).ToList();
        if (unknown.Count > 0)
        {
            // Migration ids are not case content; naming the first one tells the operator which build made the database.
            throw new InvalidOperationException(
                $"The database has {unknown.Count} migrations this build does not know (the first is {unknown[0]}), so it was not changed. "
                + "If a development build from before the migrations were squashed into one Initial made it (ADR 0017), delete it "
                + "and run migrate again: nothing released ever wrote one. If a newer build made it, run that build, or restore "
                + "the backup taken before the upgrade.");
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        await db.Database.MigrateAsync(cancellationToken);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets readers and one writer work at once; the setting is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await KeyFormatUpgrade.RunIfNeededAsync(db, scope.ServiceProvider.GetRequiredService<MasterKey>(), logger, cancellationToken);
        logger.LogInformation("Database ready on {Provider}; {Count} migrations applied", options.Provider, pending);
    }
}
