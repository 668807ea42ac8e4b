namespace IncidentResponse.Domain.Data;

/// <summary>
/// A row more than one person may edit. <see cref="Version"/> is the optimistic-concurrency token: PostgreSQL's
/// system column <c>xmin</c> on Npgsql, a counter the context increments on every save on SQLite.
/// </summary>
public interface IVersioned
{
    uint Version { get; set; }
}
