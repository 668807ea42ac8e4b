using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Domain.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Points an <see cref="AppDbContext"/> at a provider, with that provider's own migrations assembly.</summary>
public static class DatabaseProviders
{
    public const string NpgsqlProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";
    public const string SqliteMigrationsAssembly = "IncidentResponse.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "IncidentResponse.Migrations.Postgres";

    /// <summary>Deleted rows are overwritten on SQLite (see <see cref="SqliteShredding"/>).</summary>
    private static readonly SqliteSecureDeleteInterceptor SecureDelete = new();

    public static DbContextOptionsBuilder UseAppDatabase(
        this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        return provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsAssembly(PostgresMigrationsAssembly)
                .EnableRetryOnFailure(maxRetryCount: 4, maxRetryDelay: TimeSpan.FromSeconds(2), errorCodesToAdd: null)),
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, sqlite => sqlite
                .MigrationsAssembly(SqliteMigrationsAssembly))
                .AddInterceptors(SecureDelete),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
    }

    public static DbContextOptions<AppDbContext> CreateOptions(DatabaseProvider provider, string connectionString) =>
        ((DbContextOptionsBuilder<AppDbContext>)new DbContextOptionsBuilder<AppDbContext>()
            .UseAppDatabase(provider, connectionString)).Options;
}
