using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>The model and the migrations agree, for each provider: a change without a migration fails here.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_SQLite_migrations_cover_every_model_change()
    {
        using var db = new AppDbContext(DatabaseProviders.CreateOptions(DatabaseProvider.Sqlite, "Data Source=:memory:"));
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no SQLite migration covers: run dotnet ef migrations add.");
    }

    [Fact]
    public void The_PostgreSQL_migrations_cover_every_model_change()
    {
        using var db = new AppDbContext(DatabaseProviders.CreateOptions(DatabaseProvider.Postgres, "Host=localhost;Database=unused"));
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no PostgreSQL migration covers: run dotnet ef migrations add.");
    }

    [Fact]
    public async Task Every_migration_applies_to_a_real_PostgreSQL_and_leaves_nothing_pending()
    {
        var server = await PostgresServer.SharedAsync();
        await using var db = new AppDbContext(DatabaseProviders.CreateOptions(DatabaseProvider.Postgres, await server.CreateDatabaseAsync()));
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }
}
