using System.Net;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// What the owner marks private exists for the owner only: every ally, whatever their role or grants, gets no list
/// entry, no timeline row, no count, no history line and a 404 for its page, from their very next request.
/// </summary>
public abstract class PrivateItemTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string Secret = "Only-mine narrative";

    [Theory]
    [InlineData(CaseRole.Advocate)]
    [InlineData(CaseRole.Helper)]
    [InlineData(CaseRole.Viewer)]
    public async Task A_private_entry_and_its_files_are_invisible_to_an_ally_everywhere(CaseRole role)
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var shared = await owner.AddIncidentAsync(caseId, app.IncidentForm("Shared narrative"));
        var hidden = await owner.AddIncidentAsync(caseId, app.IncidentForm(Secret));
        var hiddenFile = await owner.AddEvidenceAsync(caseId, TestFiles.Png(8, 8), "own.png");
        var fileOfHiddenEntry = await owner.AddEvidenceAsync(caseId, TestFiles.Png(9, 9), "entry.png", new Dictionary<string, string> { ["Input.IncidentId"] = hidden.ToString() });
        var sharedFile = await owner.AddEvidenceAsync(caseId, TestFiles.Png(10, 10), "shared.png");
        var (ally, _) = await app.NewAllyAsync(owner, caseId, role);
        using var __ = ally;
        await using (var db = app.CreateDbContext())
        {
            // Even with evidence images shared, private files stay hidden.
            await db.CaseMembers.Where(m => m.CaseId == caseId && m.Role == role).ExecuteUpdateAsync(s => s.SetProperty(m => m.EvidenceImagesGranted, true));
        }

        Assert.Contains(Secret, (await ally.GetAsync($"/cases/{caseId}/log")).MainText, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/cases/{caseId}/log/{hidden}", new Dictionary<string, string>(), "handler=Privacy")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/cases/{caseId}/evidence/{hiddenFile}", new Dictionary<string, string>(), "handler=Privacy")).Status);

        var log = await ally.GetAsync($"/cases/{caseId}/log");
        Assert.Contains("Shared narrative", log.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, log.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden.ToString(), log.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(hiddenFile.ToString(), log.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(fileOfHiddenEntry.ToString(), log.Html, StringComparison.Ordinal);
        foreach (var kind in new[] { "Evidence", "Sighting" })
        {
            var filtered = await ally.GetAsync($"/cases/{caseId}/log?kind={kind}");
            Assert.DoesNotContain(hiddenFile.ToString(), filtered.Html, StringComparison.Ordinal);
            Assert.DoesNotContain(fileOfHiddenEntry.ToString(), filtered.Html, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await ally.GetAsync($"/cases/{caseId}/log/{hidden}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await ally.GetAsync($"/cases/{caseId}/log/{shared}")).Status);
        var evidence = await ally.GetAsync($"/cases/{caseId}/evidence");
        Assert.Contains(sharedFile.ToString(), evidence.Html, StringComparison.Ordinal);
        foreach (var file in new[] { hiddenFile, fileOfHiddenEntry })
        {
            Assert.DoesNotContain(file.ToString(), evidence.Html, StringComparison.Ordinal);
            foreach (var suffix in new[] { "", "?show=true", "/preview", "/download" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await ally.GetAsync($"/cases/{caseId}/evidence/{file}{suffix}")).Status);
            }
        }

        var history = await ally.GetAsync($"/cases/{caseId}/history");
        Assert.DoesNotContain(hidden.ToString(), history.Html, StringComparison.Ordinal);
        Assert.Contains(shared.ToString(), history.Html, StringComparison.Ordinal);
        var dashboard = await ally.GetAsync($"/cases/{caseId}");
        Assert.Contains("1 entry", dashboard.MainText, StringComparison.Ordinal);
        if (role != CaseRole.Viewer)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await ally.GetAsync($"/cases/{caseId}/log/{hidden}/edit")).Status);
        }

        // The owner still sees everything, marked as private.
        var ownersEntry = await owner.GetAsync($"/cases/{caseId}/log/{hidden}");
        Assert.Contains(Secret, ownersEntry.MainText, StringComparison.Ordinal);
        Assert.Contains("Private", ownersEntry.Document.QuerySelector("#privacy")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(fileOfHiddenEntry.ToString(), (await owner.GetAsync($"/cases/{caseId}/evidence")).Html, StringComparison.Ordinal);
        Assert.Contains("2 entries", (await owner.GetAsync($"/cases/{caseId}")).MainText, StringComparison.Ordinal);

        // Shared again, it is back for the ally on their next request.
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/cases/{caseId}/log/{hidden}", new Dictionary<string, string>(), "handler=Privacy")).Status);
        Assert.Equal(HttpStatusCode.OK, (await ally.GetAsync($"/cases/{caseId}/log/{hidden}")).Status);
        await using var check = app.CreateDbContext();
        check.ShowPrivateItems = true;
        var actions = await check.AuditEvents.Where(e => e.CaseId == caseId && e.Action.Contains("made-")).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        Assert.Equal(["incident.made-private", "evidence.made-private", "incident.made-shared"], actions);
    }

    [Fact]
    public async Task Only_the_owner_can_mark_an_item_private()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var incident = await owner.AddIncidentAsync(caseId, app.IncidentForm("Advocate sees this"));
        var (advocate, _) = await app.NewAllyAsync(owner, caseId, CaseRole.Advocate);
        using var __ = advocate;
        var page = await advocate.GetAsync($"/cases/{caseId}/log/{incident}");
        Assert.Null(page.Document.QuerySelector("#privacy"));
        var token = await advocate.AntiforgeryTokenAsync($"/cases/{caseId}/log");
        var post = await advocate.PostAsync($"/cases/{caseId}/log/{incident}?handler=Privacy&makePrivate=true", new Dictionary<string, string> { ["__rvt"] = token });
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
        await using var db = app.CreateDbContext();
        Assert.False((await db.Incidents.SingleAsync(i => i.Id == incident)).IsPrivate);
    }

    [Fact]
    public async Task A_context_nobody_configured_hides_private_items()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var incident = await owner.AddIncidentAsync(caseId, app.IncidentForm(Secret));
        await owner.SubmitAsync($"/cases/{caseId}/log/{incident}", new Dictionary<string, string>(), "handler=Privacy");

        await using var db = app.CreateDbContext();
        Assert.False(await db.Incidents.AnyAsync(i => i.Id == incident));
        db.ShowPrivateItems = true;
        Assert.True(await db.Incidents.AnyAsync(i => i.Id == incident));
    }

    [Fact]
    public async Task An_ally_allowed_to_export_gets_a_zip_and_binder_without_the_private_entry_or_file()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await owner.AddIncidentAsync(caseId, app.IncidentForm("Shared narrative"));
        var hidden = await owner.AddIncidentAsync(caseId, app.IncidentForm(Secret));
        var privatePng = TestFiles.Png(11, 11);
        var hiddenFile = await owner.AddEvidenceAsync(caseId, privatePng, "own.png");
        var sharedPng = TestFiles.Png(12, 12);
        await owner.AddEvidenceAsync(caseId, sharedPng, "shared.png");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/cases/{caseId}/log/{hidden}", new Dictionary<string, string>(), "handler=Privacy")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/cases/{caseId}/evidence/{hiddenFile}", new Dictionary<string, string>(), "handler=Privacy")).Status);
        var (ally, _) = await app.NewAllyAsync(owner, caseId, CaseRole.Advocate);
        using var __ = ally;
        await using (var db = app.CreateDbContext())
        {
            await db.CaseMembers.Where(m => m.CaseId == caseId && m.Role == CaseRole.Advocate).ExecuteUpdateAsync(s => s.SetProperty(m => m.ExportAllowed, true));
        }

        var folder = await ally.DownloadEverythingAsync(caseId);
        try
        {
            var caseJson = await File.ReadAllTextAsync(Path.Combine(folder, "case.json"));
            Assert.Contains("Shared narrative", caseJson, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, caseJson, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(privatePng)), caseJson, StringComparison.Ordinal);
            Assert.Equal(sharedPng, await File.ReadAllBytesAsync(Path.Combine(folder, "exhibit-001.png")));
            Assert.False(File.Exists(Path.Combine(folder, "exhibit-002.png")));
            var binder = await PdfTools.TextAsync(await File.ReadAllBytesAsync(Path.Combine(folder, "binder.pdf")));
            Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(sharedPng)), binder, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, binder, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(privatePng)), binder, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class PrivateItemTestsOnSqlite(SqliteApp app) : PrivateItemTests<SqliteApp>(app);

public sealed class PrivateItemTestsOnPostgres(PostgresApp app) : PrivateItemTests<PostgresApp>(app);
