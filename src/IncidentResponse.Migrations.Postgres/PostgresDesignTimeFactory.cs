using IncidentResponse.Domain.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace IncidentResponse.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without starting the web app or reaching a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(DatabaseProviders.CreateOptions(DatabaseProvider.Postgres, "Host=localhost;Database=design_time"));
}
