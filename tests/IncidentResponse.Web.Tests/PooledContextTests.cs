using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// Requests share pooled database contexts (issue 20): one request's context, returned to the pool, must reach the next
/// as a new one would, whoever used it before. A context left showing an owner's private items would show them to an ally.
/// </summary>
public sealed class PooledContextTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_context_returned_by_the_owner_request_hides_private_items_again_for_the_next_request()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm("Kept private " + Guid.NewGuid().ToString("N")[..6]));
        await using (var db = app.CreateDbContext())
        {
            await db.Incidents.Where(i => i.Id == incidentId).ExecuteUpdateAsync(i => i.SetProperty(x => x.IsPrivate, true));
        }

        AppDbContext first;
        using (var owner = app.Services.CreateScope())
        {
            first = owner.ServiceProvider.GetRequiredService<AppDbContext>();
            first.ShowPrivateItems = true;
            Assert.Equal(1, await first.Set<Incident>().CountAsync(i => i.CaseId == caseId));
        }

        // The app's background work leases from the same pool, so the owner's context may reach it first: the next
        // few leases are looked at until it comes back (the pool hands contexts out in the order they were returned).
        for (var tries = 0; tries < 100; tries++)
        {
            using var next = app.Services.CreateScope();
            var leased = next.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(leased.ShowPrivateItems);
            if (ReferenceEquals(first, leased))
            {
                Assert.Equal(0, await leased.Set<Incident>().CountAsync(i => i.CaseId == caseId));
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail("The owner's context never came back from the pool: are contexts pooled?");
    }
}
