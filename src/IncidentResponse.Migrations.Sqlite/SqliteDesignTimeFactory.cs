using IncidentResponse.Domain.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace IncidentResponse.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the web app. The file is never opened.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(DatabaseProviders.CreateOptions(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}
