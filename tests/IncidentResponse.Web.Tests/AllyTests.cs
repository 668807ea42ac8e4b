using System.Net;
using System.Security.Cryptography;
using System.Text;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>Inviting trusted allies with a single-use link, and the owner changing or ending their access at once.</summary>
public abstract class AllyTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    [Fact]
    public async Task An_invited_person_signs_up_from_the_link_accepts_and_the_owner_sees_who_joined()
    {
        var (owner, ownerName, caseId) = await app.NewSurvivorWithCaseAsync("Shared notes");
        using var _ = owner;
        var link = await owner.InviteAsync(caseId, CaseRole.Helper, "my friend");
        var token = link.Split('/')[^1];
        Assert.True(Encoding.ASCII.GetByteCount(token) >= 22, "The token must carry at least 128 bits.");

        // The link is shown once: the people page never shows it again, and only its hash is stored.
        var people = await owner.GetAsync($"/cases/{caseId}/people");
        Assert.DoesNotContain(token, people.Html, StringComparison.Ordinal);
        Assert.Contains("my friend", people.MainText, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            var stored = await db.AllyInvitations.SingleAsync(i => i.CaseId == caseId);
            Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(token)), stored.TokenHash);
            Assert.Equal(CaseRole.Helper, stored.Role);
            Assert.Equal(TimeSpan.FromHours(72), stored.ExpiresUtc - stored.CreatedUtc);
        }

        using var friend = app.CreateAppClient();
        var landing = await friend.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, landing.Status);
        Assert.DoesNotContain("Shared notes", landing.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(ownerName, landing.Html, StringComparison.Ordinal);
        Assert.Contains("No email", landing.MainText, StringComparison.Ordinal);
        var signUpHref = landing.Document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")!).Single(h => h.StartsWith("/account/sign-up", StringComparison.Ordinal));

        var friendName = Journeys.NewUsername();
        var signedUp = await friend.SubmitAsync(signUpHref, new Dictionary<string, string>
        {
            ["Input.Username"] = friendName,
            ["Input.Passphrase"] = Journeys.GoodPassphrase,
            ["Input.ConfirmPassphrase"] = Journeys.GoodPassphrase,
        });
        // Recovery codes come next, and the way on from them is still the invitation.
        Assert.Equal("/account/recovery-codes?returnUrl=" + Uri.EscapeDataString(link), signedUp.Location?.OriginalString);
        var codes = await friend.SubmitAsync(signedUp.Location!.OriginalString, new Dictionary<string, string>());
        Assert.Equal(link, codes.Document.QuerySelector("main a.button:not([download])")?.GetAttribute("href"));
        var accepted = await friend.AcceptAsync(link);
        Assert.Equal($"/cases/{caseId}", accepted.Location?.OriginalString);
        Assert.Contains("Shared notes", (await friend.GetAsync($"/cases/{caseId}")).MainText, StringComparison.Ordinal);

        people = await owner.GetAsync($"/cases/{caseId}/people");
        Assert.Contains(friendName, people.Document.QuerySelector("#members")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Accepted by {friendName}", people.Document.QuerySelector("#invitations")!.TextContent, StringComparison.Ordinal);
        await using var check = app.CreateDbContext();
        var member = await check.CaseMembers.SingleAsync(m => m.CaseId == caseId && m.Role != CaseRole.Owner);
        Assert.Equal(CaseRole.Helper, member.Role);
        Assert.False(member.EvidenceImagesGranted);
        var joined = await check.AuditEvents.SingleAsync(e => e.CaseId == caseId && e.Action == "ally.joined");
        Assert.Equal(member.UserId, joined.ActorId);
        Assert.DoesNotContain("friend", joined.Details, StringComparison.OrdinalIgnoreCase);
        Assert.Single(await check.AuditEvents.Where(e => e.CaseId == caseId && e.Action == "invitation.created").ToListAsync());
    }

    [Fact]
    public async Task The_token_never_reaches_the_logs()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var link = await owner.InviteAsync(caseId, CaseRole.Viewer);
        var token = link.Split('/')[^1];
        using var friend = app.CreateAppClient();
        await friend.GetAsync(link);
        await friend.GetAsync($"/account/sign-in?returnUrl={Uri.EscapeDataString(link)}");
        await friend.SignUpAsync();
        await friend.AcceptAsync(link);

        Assert.Contains(app.Logs.Entries, e => e.Contains("/invitations/{token}", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Entries, e => e.Contains("RequestLogging", StringComparison.Ordinal) && e.Contains(token, StringComparison.Ordinal));
        await using var stream = new FileStream(app.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var file = await new StreamReader(stream).ReadToEndAsync();
        Assert.Contains("/invitations/{token}", file, StringComparison.Ordinal);
        Assert.DoesNotContain(token, file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_expires_after_72_hours()
    {
        var (owner, ownerName, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var early = await owner.InviteAsync(caseId, CaseRole.Viewer);
        var late = await owner.InviteAsync(caseId, CaseRole.Viewer);

        // (Signed up only now: a session left idle for days would have ended.)
        app.Clock.Advance(TimeSpan.FromHours(71));
        using var friend = app.CreateAppClient();
        await friend.SignUpAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await friend.AcceptAsync(early)).Status);

        app.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        using var another = app.CreateAppClient();
        await another.SignUpAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await another.GetAsync(late)).Status);
        var token = await another.AntiforgeryTokenAsync("/cases/new");
        Assert.Equal(HttpStatusCode.NotFound, (await another.PostAsync(late, new Dictionary<string, string> { ["__rvt"] = token })).Status);
        await owner.SignInAsync(ownerName);
        Assert.Contains("Expired unused", (await owner.GetAsync($"/cases/{caseId}/people")).MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_works_once()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var link = await owner.InviteAsync(caseId, CaseRole.Viewer);
        using var first = app.CreateAppClient();
        await first.SignUpAsync();
        using var second = app.CreateAppClient();
        await second.SignUpAsync();
        var secondToken = await second.AntiforgeryTokenAsync("/cases/new");
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(link)).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await first.AcceptAsync(link)).Status);

        Assert.Equal(HttpStatusCode.NotFound, (await second.PostAsync(link, new Dictionary<string, string> { ["__rvt"] = secondToken })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync($"/cases/{caseId}")).Status);
        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.CaseMembers.CountAsync(m => m.CaseId == caseId));
    }

    [Fact]
    public async Task A_cancelled_invitation_and_a_wrong_token_get_the_same_404()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var link = await owner.InviteAsync(caseId, CaseRole.Advocate);
        await using (var db = app.CreateDbContext())
        {
            var id = await db.AllyInvitations.Where(i => i.CaseId == caseId).Select(i => i.Id).SingleAsync();
            var revoked = await owner.SubmitAsync($"/cases/{caseId}/people", new Dictionary<string, string>(), $"invitationId={id}");
            Assert.Equal(HttpStatusCode.Redirect, revoked.Status);
        }

        using var friend = app.CreateAppClient();
        await friend.SignUpAsync();
        var token = await friend.AntiforgeryTokenAsync("/cases/new");
        var cancelled = await friend.GetAsync(link);
        var wrongLink = "/invitations/" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var wrong = await friend.GetAsync(wrongLink);
        Assert.Equal(HttpStatusCode.NotFound, cancelled.Status);
        Assert.Equal(HttpStatusCode.NotFound, wrong.Status);
        Assert.Equal(wrong.MainText, cancelled.MainText);
        Assert.Equal(HttpStatusCode.NotFound, (await friend.GetAsync("/invitations/short")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await friend.PostAsync(link, new Dictionary<string, string> { ["__rvt"] = token })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await friend.GetAsync($"/cases/{caseId}")).Status);
        Assert.Contains("Cancelled before it was used", (await owner.GetAsync($"/cases/{caseId}/people")).MainText, StringComparison.Ordinal);
        await using var check = app.CreateDbContext();
        Assert.Single(await check.AuditEvents.Where(e => e.CaseId == caseId && e.Action == "invitation.revoked").ToListAsync());
    }

    [Theory]
    [InlineData(CaseRole.Advocate)]
    [InlineData(CaseRole.Helper)]
    [InlineData(CaseRole.Viewer)]
    public async Task Only_the_owner_invites_or_manages_people(CaseRole role)
    {
        var (owner, ownerName, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var (ally, _) = await app.NewAllyAsync(owner, caseId, role);
        using var __ = ally;
        var (other, otherName) = await app.NewAllyAsync(owner, caseId, CaseRole.Viewer);
        using var ___ = other;
        Guid otherId;
        await using (var db = app.CreateDbContext())
        {
            otherId = await db.CaseMembers.Where(m => m.CaseId == caseId && m.Role == CaseRole.Viewer).OrderByDescending(m => m.JoinedUtc).Select(m => m.UserId).FirstAsync();
        }

        var page = await ally.GetAsync($"/cases/{caseId}/people");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        // They see whose case it is and their own place, never who else helps (see AllyViewTests).
        Assert.Contains(ownerName, page.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(otherName, page.Html, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("#invitations"));
        var token = await ally.AntiforgeryTokenAsync($"/cases/{caseId}/people");
        Assert.Equal(HttpStatusCode.NotFound, (await ally.PostAsync($"/cases/{caseId}/people?handler=Invite", new Dictionary<string, string> { ["__rvt"] = token, ["Invite.Role"] = "Viewer" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ally.ManageAllyAsync(caseId, "Remove", otherId)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ally.ManageAllyAsync(caseId, "Role", otherId, ("role", "Advocate"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ally.ManageAllyAsync(caseId, "EvidenceImages", otherId, ("grant", "true"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ally.ManageAllyAsync(caseId, "Export", otherId, ("allow", "true"))).Status);

        await using var check = app.CreateDbContext();
        Assert.Equal(2, await check.AllyInvitations.CountAsync(i => i.CaseId == caseId));
        var untouched = await check.CaseMembers.SingleAsync(m => m.CaseId == caseId && m.UserId == otherId);
        Assert.Equal(CaseRole.Viewer, untouched.Role);
        Assert.False(untouched.EvidenceImagesGranted);
        Assert.False(untouched.ExportAllowed);
    }

    [Fact]
    public async Task A_role_change_and_a_removal_count_from_the_allys_very_next_request()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var (ally, _) = await app.NewAllyAsync(owner, caseId, CaseRole.Helper);
        using var __ = ally;
        var allyId = await MemberIdAsync(caseId, CaseRole.Helper);
        Assert.Equal(HttpStatusCode.OK, (await ally.GetAsync($"/cases/{caseId}/log/new")).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await owner.ManageAllyAsync(caseId, "Role", allyId, ("role", "Viewer"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ally.GetAsync($"/cases/{caseId}/log/new")).Status);
        Assert.Equal(HttpStatusCode.OK, (await ally.GetAsync($"/cases/{caseId}/log")).Status);

        Assert.Equal(HttpStatusCode.BadRequest, (await owner.ManageAllyAsync(caseId, "Role", allyId, ("role", "Owner"))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.ManageAllyAsync(caseId, "Remove", allyId)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ally.GetAsync($"/cases/{caseId}/log")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ally.GetAsync($"/cases/{caseId}")).Status);

        await using var db = app.CreateDbContext();
        Assert.False(await db.CaseMembers.AnyAsync(m => m.CaseId == caseId && m.UserId == allyId));
        var actions = await db.AuditEvents.Where(e => e.CaseId == caseId && e.EntityId == allyId.ToString()).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        Assert.Equal(["ally.joined", "ally.role-changed", "ally.removed"], actions);
    }

    [Fact]
    public async Task A_viewer_sees_evidence_images_only_while_the_owner_grants_it()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var evidenceId = await owner.AddEvidenceAsync(caseId, TestImages.Png(8, 8), "a.png");
        var (viewer, _) = await app.NewAllyAsync(owner, caseId, CaseRole.Viewer);
        using var __ = viewer;
        var viewerId = await MemberIdAsync(caseId, CaseRole.Viewer);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/cases/{caseId}/evidence/{evidenceId}/preview")).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await owner.ManageAllyAsync(caseId, "EvidenceImages", viewerId, ("grant", "true"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/cases/{caseId}/evidence")).Status);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/cases/{caseId}/evidence/{evidenceId}/preview")).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await owner.ManageAllyAsync(caseId, "EvidenceImages", viewerId, ("grant", "false"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/cases/{caseId}/evidence/{evidenceId}/preview")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/cases/{caseId}/evidence")).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await owner.ManageAllyAsync(caseId, "Export", viewerId, ("allow", "true"))).Status);
        await using var db = app.CreateDbContext();
        Assert.True((await db.CaseMembers.SingleAsync(m => m.UserId == viewerId && m.CaseId == caseId)).ExportAllowed);
        var actions = await db.AuditEvents.Where(e => e.CaseId == caseId && e.EntityId == viewerId.ToString()).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        Assert.Equal(["ally.joined", "ally.evidence-images-granted", "ally.evidence-images-withdrawn", "ally.export-allowed"], actions);
    }

    [Fact]
    public async Task An_ally_can_leave_and_the_owner_cannot()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var (ally, _) = await app.NewAllyAsync(owner, caseId, CaseRole.Advocate);
        using var __ = ally;
        var allyId = await MemberIdAsync(caseId, CaseRole.Advocate);

        var left = await ally.SubmitAsync($"/cases/{caseId}/people", new Dictionary<string, string>(), "handler=Leave");
        Assert.Equal("/cases", left.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await ally.GetAsync($"/cases/{caseId}")).Status);

        var token = await owner.AntiforgeryTokenAsync($"/cases/{caseId}/people");
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsync($"/cases/{caseId}/people?handler=Leave", new Dictionary<string, string> { ["__rvt"] = token })).Status);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/cases/{caseId}")).Status);
        await using var db = app.CreateDbContext();
        Assert.Equal("ally.left", await db.AuditEvents.Where(e => e.CaseId == caseId).OrderByDescending(e => e.Sequence).Select(e => e.Action).FirstAsync());
        Assert.Equal(allyId, await db.AuditEvents.Where(e => e.CaseId == caseId && e.Action == "ally.left").Select(e => e.ActorId).SingleAsync());
    }

    [Fact]
    public async Task The_owner_sees_every_action_by_name_and_an_ally_sees_only_their_own()
    {
        var (owner, ownerName, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var (helper, helperName) = await app.NewAllyAsync(owner, caseId, CaseRole.Helper);
        using var __ = helper;
        await helper.AddIncidentAsync(caseId, app.IncidentForm("Added by the helper"));
        await owner.AddIncidentAsync(caseId, app.IncidentForm("Added by the owner"));

        var owners = (await owner.GetAsync($"/cases/{caseId}/activity")).Document.QuerySelectorAll("#activity > li").Select(li => li.TextContent.Trim()).ToList();
        Assert.StartsWith($"{ownerName}: Added an entry to the record", owners[0], StringComparison.Ordinal);
        Assert.StartsWith($"{helperName}: Added an entry to the record", owners[1], StringComparison.Ordinal);
        Assert.StartsWith($"{helperName}: Joined the case", owners[2], StringComparison.Ordinal);
        Assert.StartsWith($"{ownerName}: Made an invitation link", owners[3], StringComparison.Ordinal);

        var helpers = (await helper.GetAsync($"/cases/{caseId}/activity")).Document.QuerySelectorAll("#activity > li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(2, helpers.Count);
        Assert.All(helpers, h => Assert.StartsWith($"{helperName}:", h, StringComparison.Ordinal));
    }

    private async Task<Guid> MemberIdAsync(Guid caseId, CaseRole role)
    {
        await using var db = app.CreateDbContext();
        return await db.CaseMembers.Where(m => m.CaseId == caseId && m.Role == role).Select(m => m.UserId).SingleAsync();
    }
}

public sealed class AllyTestsOnSqlite(SqliteApp app) : AllyTests<SqliteApp>(app);

public sealed class AllyTestsOnPostgres(PostgresApp app) : AllyTests<PostgresApp>(app);
