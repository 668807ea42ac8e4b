using IncidentResponse.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Infrastructure;

/// <summary>
/// Applies migrations, then the one-time key format upgrade (<see cref="KeyFormatUpgrade"/>), before the app takes
/// requests, where <c>Database:MigrateOnStartup</c> asks for it.
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
