using System.Net;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>"Delete my account" (issue 21): owned cases shredded, places on others' cases ended, nothing of the person left.</summary>
public abstract class AccountDeletionTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task Deleting_shreds_every_owned_case_ends_help_elsewhere_and_leaves_the_owners_case_whole()
    {
        var (survivor, username, ownCase) = await app.NewSurvivorWithCaseAsync("Mine to delete");
        using var _ = survivor;
        await survivor.AddEvidenceAsync(ownCase, TestImages.Png(8, 8), "a.png");
        var (helper, _) = await app.NewAllyAsync(survivor, ownCase, CaseRole.Helper);
        using var __ = helper;

        // The survivor also helps someone else, whose case must survive the survivor leaving.
        var (friend, _, friendsCase) = await app.NewSurvivorWithCaseAsync("Friend's case");
        using var ___ = friend;
        var friendsFile = await friend.AddEvidenceAsync(friendsCase, TestImages.Png(9, 9), "b.png");
        await survivor.AcceptAsync(await friend.InviteAsync(friendsCase, CaseRole.Helper));
        using var laptop = app.CreateAppClient();
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.SignInAsync(username)).Status);

        Guid userId;
        List<Guid> blobIds;
        await using (var db = app.CreateDbContext())
        {
            db.ShowPrivateItems = true;
            userId = await db.Users.Where(u => u.UserName == username).Select(u => u.Id).SingleAsync();
            blobIds = await db.EvidenceItems.Where(e => e.CaseId == ownCase).Select(e => e.BlobId).ToListAsync();
            Assert.Equal(10, await db.RecoveryCodes.CountAsync(c => c.UserId == userId));
            db.Passkeys.Add(new Passkey { Id = Guid.NewGuid(), UserId = userId, CredentialId = userId.ToByteArray(), PublicKey = [1], Name = "Phone", CreatedUtc = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        var page = await survivor.GetAsync("/account/delete");
        Assert.Contains("Mine to delete", page.Document.QuerySelector("#owned-cases")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/cases/{ownCase}/export", page.Document.QuerySelector("#owned-cases a")!.GetAttribute("href"));
        Assert.DoesNotContain("Friend's case", page.MainText, StringComparison.Ordinal);

        var deleted = await DeleteAsync(survivor);

        Assert.Equal("/account/signed-out?deleted=true", deleted.Location?.OriginalString);
        Assert.Contains("Your account is deleted", (await survivor.GetAsync(deleted.Location!.OriginalString)).MainText, StringComparison.Ordinal);
        Assert.All(blobIds, id => Assert.False(File.Exists(Path.Combine(app.DataDirectory, "evidence", id.ToString("N") + ".blob"))));
        foreach (var device in new[] { survivor, laptop })
        {
            Assert.StartsWith("https://app.test/account/sign-in", (await device.GetAsync("/cases")).Location?.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await helper.GetAsync($"/cases/{ownCase}")).Status);
        await using var check = app.CreateDbContext();
        check.ShowPrivateItems = true;
        Assert.False(await check.Users.AnyAsync(u => u.Id == userId));
        Assert.False(await check.Cases.AnyAsync(c => c.Id == ownCase));
        Assert.False(await check.CaseEvidenceKeys.AnyAsync(k => k.CaseId == ownCase));
        Assert.False(await check.AuditEvents.AnyAsync(e => e.CaseId == ownCase));
        Assert.False(await check.CaseMembers.AnyAsync(m => m.UserId == userId));
        Assert.False(await check.UserSessions.AnyAsync(s => s.UserId == userId));
        Assert.False(await check.RecoveryCodes.AnyAsync(c => c.UserId == userId));
        Assert.False(await check.Passkeys.AnyAsync(p => p.UserId == userId));

        // The friend keeps their case and its file, and its history says a helper left.
        using var kept = await friend.DownloadEvidenceAsync(friendsCase, friendsFile);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        var left = await check.AuditEvents.Where(e => e.CaseId == friendsCase).OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal("ally.left", left.Action);
        Assert.Equal(userId, left.ActorId);
        Assert.Contains("Left the case", (await friend.GetAsync($"/cases/{friendsCase}/history")).MainText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await friend.GetAsync($"/cases/{friendsCase}")).Status);
    }

    [Fact]
    public async Task A_wrong_passphrase_or_missing_words_delete_nothing_and_a_wrong_passphrase_counts_towards_the_lockout()
    {
        var (survivor, username, caseId) = await app.NewSurvivorWithCaseAsync("Still here");
        using var _ = survivor;

        var noWords = await survivor.SubmitAsync("/account/delete", new Dictionary<string, string> { ["Input.Confirmation"] = "delete", ["Input.Passphrase"] = Journeys.GoodPassphrase });
        var wrong = await DeleteAsync(survivor, "not my passphrase at all");

        Assert.Contains("delete my account", noWords.FieldError("Input.Confirmation"), StringComparison.Ordinal);
        Assert.Equal("delete", noWords.FieldValue("Input.Confirmation"));
        Assert.Equal(Pages.Account.DeleteModel.WrongPassphraseMessage, wrong.FieldError("Input.Passphrase"));
        Assert.Equal(HttpStatusCode.OK, (await survivor.GetAsync($"/cases/{caseId}")).Status);
        await using var db = app.CreateDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == username);
        Assert.Equal(1, user.AccessFailedCount);
        Assert.True(await db.Cases.AnyAsync(c => c.Id == caseId));
    }

    [Fact]
    public async Task The_username_is_held_back_from_new_accounts_for_ninety_days_then_free()
    {
        using var survivor = app.CreateAppClient();
        var username = await survivor.SignUpAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await DeleteAsync(survivor)).Status);

        using var impersonator = app.CreateAppClient();
        var taken = await impersonator.SubmitAsync("/account/sign-up", new Dictionary<string, string>
        {
            ["Input.Username"] = username.ToUpperInvariant(),
            ["Input.Passphrase"] = Journeys.GoodPassphrase,
            ["Input.ConfirmPassphrase"] = Journeys.GoodPassphrase,
        });
        Assert.Equal("That username can't be used. Please choose a different one.", taken.FieldError("Input.Username"));
        await using (var db = app.CreateDbContext())
        {
            // Only a hash of the name is kept.
            Assert.Equal(RetiredUsername.HashOf(username.ToUpperInvariant()), (await db.RetiredUsernames.SingleAsync(r => r.NameHash == RetiredUsername.HashOf(username.ToUpperInvariant()))).NameHash);
        }

        app.Clock.Advance(AccountDeletion.UsernameHeldFor + TimeSpan.FromMinutes(1));
        using var later = app.CreateAppClient();
        Assert.Equal(username, await later.SignUpAsync(username));
    }

    private static Task<AppClient.PageResult> DeleteAsync(AppClient client, string passphrase = Journeys.GoodPassphrase) =>
        client.SubmitAsync("/account/delete", new Dictionary<string, string>
        {
            ["Input.Confirmation"] = "Delete my account",
            ["Input.Passphrase"] = passphrase,
        });
}

public sealed class AccountDeletionTestsOnSqlite(SqliteApp app) : AccountDeletionTests<SqliteApp>(app);

public sealed class AccountDeletionTestsOnPostgres(PostgresApp app) : AccountDeletionTests<PostgresApp>(app);
