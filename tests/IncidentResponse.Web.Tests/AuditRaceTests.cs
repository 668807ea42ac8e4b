using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// Two saves appending to one case's history at once (a request beside a background binder job's "binder made", say):
/// both read the same head, so both chain their event onto it. The second to save collides on the event's key; it is
/// chained again after the first and saved, so neither change is lost and the history stays intact.
/// </summary>
public abstract class AuditRaceTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    /// <param name="inTransaction">The losing save inside a transaction of its own, as a binder job's is.</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_save_that_loses_the_race_for_the_next_history_entry_is_chained_after_the_winner_and_kept(bool inTransaction)
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        long before;
        await using (var db = app.CreateDbContext())
        {
            before = await db.AuditHeads.Where(h => h.CaseId == caseId).Select(h => h.Sequence).SingleAsync();
        }

        using var first = app.Services.CreateScope();
        using var second = app.Services.CreateScope();
        var firstDb = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<AppDbContext>();

        // Both read the head before either saves.
        await first.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(caseId, null, AuditActions.BinderMade, "Case", caseId.ToString(), "first");
        await second.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(caseId, null, AuditActions.IncidentEdited, "Incident", Guid.NewGuid().ToString(), "second");
        await second.ServiceProvider.GetRequiredService<AuditTrail>().RecordAsync(caseId, null, AuditActions.IncidentEdited, "Incident", Guid.NewGuid().ToString(), "third");
        await firstDb.SaveChangesAsync();
        if (inTransaction)
        {
            await secondDb.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await secondDb.Database.BeginTransactionAsync();
                await secondDb.SaveChangesAsync();
                await transaction.CommitAsync();
            });
        }
        else
        {
            await secondDb.SaveChangesAsync();
        }

        await using var check = app.CreateDbContext();
        var added = await check.AuditEvents.Where(e => e.CaseId == caseId && e.Sequence > before).OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Details }).ToListAsync();
        Assert.Equal(
            [(before + 1, "first"), (before + 2, "second"), (before + 3, "third")],
            added.Select(e => (e.Sequence, e.Details)));
        using var scope = app.Services.CreateScope();
        var verification = await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync(caseId);
        Assert.True(verification.IsIntact, verification.ToString());
        Assert.Equal(before + 3, (await check.AuditHeads.SingleAsync(h => h.CaseId == caseId)).Sequence);
    }
}

public sealed class AuditRaceTestsOnSqlite(SqliteApp app) : AuditRaceTests<SqliteApp>(app);

public sealed class AuditRaceTestsOnPostgres(PostgresApp app) : AuditRaceTests<PostgresApp>(app);
