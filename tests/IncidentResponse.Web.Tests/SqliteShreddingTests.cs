using System.Net;
using System.Text;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Web.Tests;

/// <summary>On SQLite, a deleted case's words are gone from the files on disk, not only from the tables.</summary>
public sealed class SqliteShreddingTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_connection_the_app_hands_out_has_secure_delete_on_whether_new_or_reused_from_the_pool()
    {
        // Ten contexts one after another reuse the pool's connection; ten at once need new ones. Each must have it on,
        // although the interceptor sets it only once per connection.
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(1L, await SecureDeleteAsync());
        }

        var together = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(SecureDeleteAsync)));
        Assert.All(together, on => Assert.Equal(1L, on));
    }

    private async Task<long> SecureDeleteAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IncidentResponse.Domain.Data.AppDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA secure_delete;";
            await Task.Delay(20);
            return (long)(await command.ExecuteScalarAsync())!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task After_deleting_a_case_its_narrative_is_in_neither_the_database_file_nor_the_write_ahead_log()
    {
        var canary = "shred-canary-" + Guid.NewGuid().ToString("N");
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await owner.AddIncidentAsync(caseId, app.IncidentForm($"They posted it again {canary} and I kept a note"));
        Assert.True(FilesHolding(canary).Count > 0, "The narrative should be on disk before the case is deleted.");

        var deleted = await owner.SubmitAsync($"/cases/{caseId}/delete", new Dictionary<string, string>
        {
            ["Input.Confirmation"] = "delete",
            ["Input.Passphrase"] = Journeys.GoodPassphrase,
        });

        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Empty(FilesHolding(canary));
    }

    /// <summary>Which of the database's files (.db, -wal, -journal) hold <paramref name="text"/> as UTF-8 bytes.</summary>
    private List<string> FilesHolding(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        var database = Path.Combine(app.DataDirectory, "test.db");
        var found = new List<string>();
        foreach (var path in new[] { database, database + "-wal", database + "-journal" })
        {
            if (!File.Exists(path))
            {
                continue;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (copy.GetBuffer().AsSpan(0, (int)copy.Length).IndexOf(needle) >= 0)
            {
                found.Add(Path.GetFileName(path));
            }
        }

        return found;
    }
}
