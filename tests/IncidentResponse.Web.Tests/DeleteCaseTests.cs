using System.Net;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>Deleting a case: owner only, the word typed and the passphrase again; the key, the rows and the files go.</summary>
public abstract class DeleteCaseTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task Deleting_destroys_the_key_the_rows_and_the_files_and_every_member_gets_404()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync("To be deleted");
        using var _ = owner;
        var (ally, _) = await app.NewAllyAsync(owner, caseId, CaseRole.Advocate);
        using var __ = ally;
        var incident = await owner.AddIncidentAsync(caseId, app.IncidentForm("Soon gone"));
        await owner.AddEvidenceAsync(caseId, TestImages.Png(8, 8), "a.png");
        var privateFile = await owner.AddEvidenceAsync(caseId, TestImages.Png(9, 9), "b.png");
        await owner.SubmitAsync($"/cases/{caseId}/evidence/{privateFile}", new Dictionary<string, string>(), "handler=Privacy");
        await owner.AddSightingsAsync(caseId, "https://www.reddit.com/r/a/comments/deleted1");
        Guid sightingId;
        await using (var db = app.CreateDbContext())
        {
            sightingId = await db.Sightings.Where(s => s.CaseId == caseId).Select(s => s.Id).SingleAsync();
        }

        // A sent letter with a follow-up: letters point at each other with restricting keys.
        var draft = await owner.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SightingIds"] = sightingId.ToString(),
            ["Input.SenderEmail"] = "sam@example.org",
            ["Input.GoodFaithConfirmed"] = "true",
        });
        var letterUrl = draft.Location!.OriginalString;
        await owner.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=Finalise");
        await owner.SubmitAsync(letterUrl, new Dictionary<string, string> { ["Send.Channel"] = "Email", ["Send.SentOn"] = app.Day(8) }, "handler=Send");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=FollowUp")).Status);
        await using (var db = app.CreateDbContext())
        {
            Assert.True(await db.TakedownRequests.AnyAsync(r => r.CaseId == caseId && r.FollowsUpId != null));
        }

        var (otherOwner, _, otherCase) = await app.NewSurvivorWithCaseAsync("Someone else's");
        using var ___ = otherOwner;
        var otherFile = await otherOwner.AddEvidenceAsync(otherCase, TestImages.Png(10, 10), "c.png");
        List<Guid> blobIds;
        await using (var db = app.CreateDbContext())
        {
            db.ShowPrivateItems = true;
            blobIds = await db.EvidenceItems.Where(e => e.CaseId == caseId).Select(e => e.BlobId).ToListAsync();
            Assert.Equal(2, blobIds.Count);
            Assert.All(blobIds, id => Assert.True(File.Exists(BlobPath(id))));
            Assert.True(await db.CaseEvidenceKeys.AnyAsync(k => k.CaseId == caseId));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await ally.GetAsync($"/cases/{caseId}/delete")).Status);
        var refused = await owner.SubmitAsync($"/cases/{caseId}/delete", new Dictionary<string, string> { ["Input.Confirmation"] = "remove", ["Input.Passphrase"] = Journeys.GoodPassphrase });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("type the word delete", refused.FieldError("Input.Confirmation"), StringComparison.Ordinal);
        var wrongPassphrase = await owner.SubmitAsync($"/cases/{caseId}/delete", new Dictionary<string, string> { ["Input.Confirmation"] = "delete", ["Input.Passphrase"] = "not my passphrase at all" });
        Assert.Contains("didn't work", wrongPassphrase.FieldError("Input.Passphrase"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/cases/{caseId}")).Status);

        var deleted = await owner.SubmitAsync($"/cases/{caseId}/delete", new Dictionary<string, string> { ["Input.Confirmation"] = "Delete", ["Input.Passphrase"] = Journeys.GoodPassphrase });
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);

        Assert.All(blobIds, id => Assert.False(File.Exists(BlobPath(id)), "An evidence file of the deleted case is still on disk."));
        foreach (var member in new[] { owner, ally })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/cases/{caseId}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/cases/{caseId}/log/{incident}")).Status);
            Assert.DoesNotContain("To be deleted", (await member.GetAsync("/cases")).MainText, StringComparison.Ordinal);
        }

        await using var check = app.CreateDbContext();
        check.ShowPrivateItems = true;
        Assert.False(await check.CaseEvidenceKeys.AnyAsync(k => k.CaseId == caseId));
        Assert.False(await check.Cases.AnyAsync(c => c.Id == caseId));
        Assert.False(await check.CaseMembers.AnyAsync(m => m.CaseId == caseId));
        Assert.False(await check.Incidents.AnyAsync(i => i.CaseId == caseId));
        Assert.False(await check.EvidenceItems.AnyAsync(e => e.CaseId == caseId));
        Assert.False(await check.AuditEvents.AnyAsync(e => e.CaseId == caseId));
        Assert.False(await check.AllyInvitations.AnyAsync(i => i.CaseId == caseId));
        Assert.False(await check.TakedownRequests.AnyAsync(r => r.CaseId == caseId));
        Assert.False(await check.Sightings.AnyAsync(r => r.CaseId == caseId));

        // Nobody else's case is touched.
        using var download = await otherOwner.DownloadEvidenceAsync(otherCase, otherFile);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Fact]
    public async Task Deleting_writes_one_operator_record_with_ids_and_counts_and_no_case_content()
    {
        const string Title = "Title-that-must-not-be-logged";
        const string Narrative = "Narrative-that-must-not-be-logged";
        var (owner, ownerName, caseId) = await app.NewSurvivorWithCaseAsync(Title);
        using var _ = owner;
        var (ally, allyName) = await app.NewAllyAsync(owner, caseId, CaseRole.Helper);
        using var __ = ally;
        await owner.AddIncidentAsync(caseId, app.IncidentForm(Narrative));
        await owner.AddEvidenceAsync(caseId, TestImages.Png(8, 8), "photo-name-not-logged.png");
        var logged = app.Logs.Entries.Count;

        var deleted = await owner.SubmitAsync($"/cases/{caseId}/delete", new Dictionary<string, string> { ["Input.Confirmation"] = "delete", ["Input.Passphrase"] = Journeys.GoodPassphrase });
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);

        var entries = app.Logs.Entries.Skip(logged).ToList();
        var record = Assert.Single(entries, e => e.Contains("was deleted by its owner", StringComparison.Ordinal));
        Assert.StartsWith("Information ", record, StringComparison.Ordinal);
        Assert.Contains($"CaseId={caseId}", record, StringComparison.Ordinal);
        Assert.Contains("MemberCount=2", record, StringComparison.Ordinal);
        Assert.Contains("FileCount=1", record, StringComparison.Ordinal);
        foreach (var content in new[] { Title, Narrative, "photo-name-not-logged", ownerName, allyName, Journeys.GoodPassphrase })
        {
            Assert.DoesNotContain(entries, e => e.Contains(content, StringComparison.Ordinal));
        }
    }

    private string BlobPath(Guid blobId) => Path.Combine(app.DataDirectory, "evidence", blobId.ToString("N") + ".blob");
}

public sealed class DeleteCaseTestsOnSqlite(SqliteApp app) : DeleteCaseTests<SqliteApp>(app);

public sealed class DeleteCaseTestsOnPostgres(PostgresApp app) : DeleteCaseTests<PostgresApp>(app);
