using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IncidentResponse.Domain.Data;

/// <summary>
/// On SQLite, deleted rows are overwritten rather than left in free space: every connection the app opens has
/// <c>secure_delete</c> on (set once per pooled connection), and after a case is deleted <see cref="CheckpointAsync"/>
/// copies the write-ahead log into the database and empties it, so neither the .db nor the -wal file still holds the
/// deleted case's words.
/// </summary>
public sealed class SqliteSecureDeleteInterceptor : DbConnectionInterceptor
{
    public const string Pragma = "PRAGMA secure_delete=ON;";

    /// <summary>
    /// The SQLite connections (native handles) already set: Microsoft.Data.Sqlite pools them, and the setting lasts as
    /// long as the handle, so a request's queries do not each pay one more command for it. Weak: a handle the pool
    /// closes is forgotten with it.
    /// </summary>
    private readonly ConditionalWeakTable<object, object> _set = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsSet(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsSet(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    private bool IsSet(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _set.TryGetValue(handle, out _);

    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _set.AddOrUpdate(handle, handle);
        }
    }
}

public static class SqliteShredding
{
    /// <summary>
    /// SQLite only (nothing to do elsewhere): moves every committed change into the database file and truncates the
    /// write-ahead log to nothing. False when a reader kept part of the log from being copied (it is copied at the
    /// next checkpoint; the deleted rows are already zeroed in the database by secure_delete).
    /// </summary>
    public static async Task<bool> CheckpointAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            return true;
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) && reader.GetInt64(0) == 0;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
