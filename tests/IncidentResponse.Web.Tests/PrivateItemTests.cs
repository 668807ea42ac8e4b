using System.Net;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// What the owner marks private exists for the owner only: every ally, whatever their role or grants, gets no list
/// entry, no timeline row, no count, no history line and a 404 for its page, from their very next request.
/// </summary>
[RunsLong(36)]
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
        var hiddenFile = await owner.AddEvidenceAsync(caseId, TestImages.Png(8, 8), "own.png");
        var fileOfHiddenEntry = await owner.AddEvidenceAsync(caseId, TestImages.Png(9, 9), "entry.png", new Dictionary<string, string> { ["Input.IncidentId"] = hidden.ToString() });
        var sharedFile = await owner.AddEvidenceAsync(caseId, TestImages.Png(10, 10), "shared.png");
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
        // Past the passphrase step a download asks for first, a hidden file is still not there.
        await ally.ConfirmPassphraseAsync($"/cases/{caseId}/evidence");
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

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task An_ally_allowed_to_export_gets_a_zip_and_binder_without_the_private_entry_or_file()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await owner.AddIncidentAsync(caseId, app.IncidentForm("Shared narrative"));
        var hidden = await owner.AddIncidentAsync(caseId, app.IncidentForm(Secret));
        var privatePng = TestImages.Png(11, 11);
        var hiddenFile = await owner.AddEvidenceAsync(caseId, privatePng, "own.png");
        var sharedPng = TestImages.Png(12, 12);
        await owner.AddEvidenceAsync(caseId, sharedPng, "shared.png");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/cases/{caseId}/log/{hidden}", new Dictionary<string, string>(), "handler=Privacy")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/cases/{caseId}/evidence/{hiddenFile}", new Dictionary<string, string>(), "handler=Privacy")).Status);
        var (ally, _) = await app.NewAllyAsync(owner, caseId, CaseRole.Advocate);
        using var __ = ally;
        await using (var db = app.CreateDbContext())
        {
            await db.CaseMembers.Where(m => m.CaseId == caseId && m.Role == CaseRole.Advocate)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ExportAllowed, true).SetProperty(m => m.EvidenceImagesGranted, true));
        }

        var folder = await ally.DownloadEverythingAsync(caseId);
        try
        {
            var caseJson = await File.ReadAllTextAsync(Path.Combine(folder, "case.json"));
            Assert.Contains("Shared narrative", caseJson, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, caseJson, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(privatePng)), caseJson, StringComparison.Ordinal);
            // Not given the originals, the ally gets copies without hidden details (this PNG has none, so the same bytes).
            Assert.Equal(sharedPng, await File.ReadAllBytesAsync(Path.Combine(folder, "exhibit-001-copy-without-details.png")));
            Assert.Empty(Directory.GetFiles(folder, "exhibit-002*"));
            var binder = PdfTools.Text(await File.ReadAllBytesAsync(Path.Combine(folder, "binder.pdf")));
            Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(sharedPng)), binder, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, binder, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(privatePng)), binder, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
    [Trait("Category", "Chromium")]
    [Fact]
    public async Task An_ally_allowed_to_export_but_not_shown_evidence_images_gets_no_picture_in_the_zip_binder_or_print_view()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var png = TestImages.Png(320, 240);
        await owner.AddEvidenceAsync(caseId, png, "screenshot.png");
        var (ally, _) = await app.NewAllyAsync(owner, caseId, CaseRole.Advocate);
        using var __ = ally;
        await using (var db = app.CreateDbContext())
        {
            await db.CaseMembers.Where(m => m.CaseId == caseId && m.Role == CaseRole.Advocate).ExecuteUpdateAsync(s => s.SetProperty(m => m.ExportAllowed, true));
        }

        // The download page says the files stay out, before anything is downloaded.
        var exportPage = await ally.GetAsync($"/cases/{caseId}/export");
        Assert.NotNull(exportPage.Document.QuerySelector("#files-not-shared"));

        var folder = await ally.DownloadEverythingAsync(caseId);
        try
        {
            Assert.Empty(Directory.GetFiles(folder, "exhibit-001*"));
            var caseJson = await File.ReadAllTextAsync(Path.Combine(folder, "case.json"));
            Assert.Contains(Hex(png), caseJson, StringComparison.Ordinal);
            Assert.Contains("has not shared evidence images with you", caseJson, StringComparison.Ordinal);
            Assert.Contains("not in this ZIP", await File.ReadAllTextAsync(Path.Combine(folder, "README.txt")), StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "problems.txt")));
            Assert.Equal(0, (await ExportJourneys.Sha256SumCheckAsync(folder)).ExitCode);

            var binder = await File.ReadAllBytesAsync(Path.Combine(folder, "binder.pdf"));
            Assert.Contains("Withheld from this copy", PdfTools.FlatText(binder), StringComparison.Ordinal);
            Assert.DoesNotContain(PdfTools.Read(binder).Images, i => i is { Width: 320, Height: 240 });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // The binder page offers no picture choices, its print view shows none, and the picture addresses are not found.
        await ally.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        var binderPage = await ally.GetAsync($"/cases/{caseId}/binder");
        Assert.NotNull(binderPage.Document.QuerySelector("#pictures-not-shared"));
        Assert.Null(binderPage.Document.QuerySelector("#exhibit-choices"));
        var view = await ally.PostAsync($"/cases/{caseId}/binder?handler=View", new Dictionary<string, string>
        {
            ["__rvt"] = await ally.AntiforgeryTokenAsync($"/cases/{caseId}/binder"),
            ["Input.Preset"] = "MyRecords",
            ["Input.Title"] = "Evidence record",
            ["Input.Sections"] = "Exhibits",
            [$"Input.Redactions[{await OnlyEvidenceAsync(caseId)}]"] = "None",
        });
        Assert.Equal(HttpStatusCode.OK, view.Status);
        Assert.Contains("Withheld from this copy", view.Html, StringComparison.Ordinal);
        Assert.Null(view.Document.QuerySelector("#exhibit-1 img"));
        Assert.Equal(HttpStatusCode.NotFound, (await ally.Http.GetAsync($"/cases/{caseId}/binder/resource/exhibit/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ally.Http.GetAsync($"/cases/{caseId}/binder/resource/obscured/1")).StatusCode);

        // Shared with them now: the same download carries the file, from their very next request.
        await using (var db = app.CreateDbContext())
        {
            await db.CaseMembers.Where(m => m.CaseId == caseId && m.Role == CaseRole.Advocate).ExecuteUpdateAsync(s => s.SetProperty(m => m.EvidenceImagesGranted, true));
        }

        Assert.Equal(HttpStatusCode.OK, (await ally.Http.GetAsync($"/cases/{caseId}/binder/resource/exhibit/1")).StatusCode);
        var shared = await ally.DownloadEverythingAsync(caseId);
        try
        {
            Assert.Equal(png, await File.ReadAllBytesAsync(Path.Combine(shared, "exhibit-001-copy-without-details.png")));
        }
        finally
        {
            Directory.Delete(shared, recursive: true);
        }
    }

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task A_private_entry_its_places_and_files_never_reach_an_ally_on_any_list_letter_binder_or_export()
    {
        const string PrivatePlace = "https://www.reddit.com/r/example/comments/private77/mine";
        const string SharedPlace = "https://www.reddit.com/r/example/comments/shared77/post";
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var shared = await owner.AddIncidentAsync(caseId, app.IncidentForm("Shared narrative"));
        var hidden = await owner.AddIncidentAsync(caseId, app.IncidentForm(Secret));
        await owner.AddSightingsAsync(caseId, SharedPlace, shared);
        await owner.AddSightingsAsync(caseId, PrivatePlace, hidden);
        var privatePng = TestImages.Png(13, 13);
        var entryPng = TestImages.Png(14, 14);
        var sharedPng = TestImages.Png(15, 15);
        var privateFile = await owner.AddEvidenceAsync(caseId, privatePng, "own.png");
        await owner.AddEvidenceAsync(caseId, entryPng, "entry.png", new Dictionary<string, string> { ["Input.IncidentId"] = hidden.ToString() });
        await owner.AddEvidenceAsync(caseId, sharedPng, "shared.png");
        Guid privateSighting, sharedSighting;
        await using (var db = app.CreateDbContext())
        {
            privateSighting = await db.Sightings.Where(s => s.CaseId == caseId && s.IncidentId == hidden).Select(s => s.Id).SingleAsync();
            sharedSighting = await db.Sightings.Where(s => s.CaseId == caseId && s.IncidentId == shared).Select(s => s.Id).SingleAsync();
        }

        // One letter covers both places; then the entry (with its place and file) and one more file are made private.
        var draft = await owner.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SightingIds"] = sharedSighting.ToString(),
            ["Input.SenderEmail"] = "sam@example.org",
            ["Input.GoodFaithConfirmed"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, draft.Status);
        var letter = draft.Location!.OriginalString;
        await using (var db = app.CreateDbContext())
        {
            var requestId = Guid.Parse(letter.Split('/')[^1]);
            db.TakedownRequestSightings.Add(new IncidentResponse.Domain.Takedowns.TakedownRequestSighting { RequestId = requestId, SightingId = privateSighting });
            await db.SaveChangesAsync();
        }

        Assert.Contains(PrivatePlace, (await owner.GetAsync(letter + "/text")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/cases/{caseId}/log/{hidden}", new Dictionary<string, string>(), "handler=Privacy")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/cases/{caseId}/evidence/{privateFile}", new Dictionary<string, string>(), "handler=Privacy")).Status);
        var (ally, _) = await app.NewAllyAsync(owner, caseId, CaseRole.Advocate);
        using var __ = ally;
        await using (var db = app.CreateDbContext())
        {
            await db.CaseMembers.Where(m => m.CaseId == caseId && m.Role == CaseRole.Advocate)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.EvidenceImagesGranted, true).SetProperty(m => m.ExportAllowed, true));
        }

        var forbidden = new[]
        {
            Secret, PrivatePlace, "private77", hidden.ToString(), privateSighting.ToString(), privateFile.ToString(),
            Hex(privatePng), Hex(entryPng),
        };
        void NoTrace(string what, string text)
        {
            foreach (var item in forbidden)
            {
                Assert.False(text.Contains(item, StringComparison.Ordinal), $"{what} holds a trace of a private item ({item}).");
            }
        }

        var pages = new[]
        {
            "", "/log", "/log?kind=Sighting", "/log?kind=Evidence", "/log?kind=Takedown", "/log?platform=reddit", "/sightings", "/evidence",
            "/takedowns", letter[$"/cases/{caseId}".Length..], letter[$"/cases/{caseId}".Length..] + "/text",
            letter[$"/cases/{caseId}".Length..] + "/edit", "/history", "/activity", $"/log/{shared}", $"/sightings/{sharedSighting}",
        };
        foreach (var page in pages)
        {
            var response = await ally.GetAsync($"/cases/{caseId}{page}");
            Assert.Equal(HttpStatusCode.OK, response.Status);
            NoTrace(page, response.Html);
        }

        var sightings = await ally.GetAsync($"/cases/{caseId}/sightings");
        Assert.Contains(SharedPlace, sightings.Html, StringComparison.Ordinal);
        Assert.Contains(Hex(sharedPng), (await ally.GetAsync($"/cases/{caseId}/evidence")).Html + (await ally.GetAsync($"/cases/{caseId}/log?kind=Evidence")).Html + await EvidencePagesAsync(ally, caseId), StringComparison.Ordinal);
        Assert.Contains(SharedPlace, (await ally.GetAsync(letter + "/text")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ally.GetAsync($"/cases/{caseId}/sightings/{privateSighting}")).Status);

        // The binder, as a web page, after the passphrase again.
        Assert.Equal(HttpStatusCode.Redirect, (await ally.ConfirmPassphraseAsync($"/cases/{caseId}/binder")).Status);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__rvt", await ally.AntiforgeryTokenAsync($"/cases/{caseId}/binder")),
            new("Input.Preset", "MyRecords"),
            new("Input.Title", "Evidence record"),
        };
        fields.AddRange(Enum.GetNames<IncidentResponse.Documents.Binder.BinderSection>().Select(s => new KeyValuePair<string, string>("Input.Sections", s)));
        using (var binder = await ally.Http.PostAsync($"/cases/{caseId}/binder?handler=View", new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.OK, binder.StatusCode);
            var html = await binder.Content.ReadAsStringAsync();
            Assert.Contains(SharedPlace, html, StringComparison.Ordinal);
            Assert.Contains(Hex(sharedPng), html, StringComparison.Ordinal);
            NoTrace("the binder", html);
        }

        // Everything, downloaded: every text file in it, and the binder PDF's text.
        var folder = await ally.DownloadEverythingAsync(caseId);
        try
        {
            var caseJson = await File.ReadAllTextAsync(Path.Combine(folder, "case.json"));
            Assert.Contains(SharedPlace, caseJson, StringComparison.Ordinal);
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                var text = file.EndsWith(".pdf", StringComparison.Ordinal)
                    ? PdfTools.Text(await File.ReadAllBytesAsync(file))
                    : System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file));
                NoTrace(Path.GetFileName(file), text);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        // The owner still has all of it.
        var ownersPlaces = await owner.GetAsync($"/cases/{caseId}/sightings");
        Assert.Contains(PrivatePlace, ownersPlaces.Html, StringComparison.Ordinal);
        Assert.Contains(PrivatePlace, (await owner.GetAsync(letter + "/text")).Html, StringComparison.Ordinal);
    }

    private async Task<Guid> OnlyEvidenceAsync(Guid caseId)
    {
        await using var db = app.CreateDbContext();
        return await db.EvidenceItems.Where(e => e.CaseId == caseId).Select(e => e.Id).SingleAsync();
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    /// <summary>The shared files' own pages, where their fingerprints are shown.</summary>
    private async Task<string> EvidencePagesAsync(AppClient client, Guid caseId)
    {
        await using var db = app.CreateDbContext();
        var ids = await db.EvidenceItems.Where(e => e.CaseId == caseId).Select(e => e.Id).ToListAsync();
        var all = new System.Text.StringBuilder();
        foreach (var id in ids)
        {
            all.Append((await client.GetAsync($"/cases/{caseId}/evidence/{id}")).Html);
        }

        return all.ToString();
    }
}

public sealed class PrivateItemTestsOnSqlite(SqliteApp app) : PrivateItemTests<SqliteApp>(app);

public sealed class PrivateItemTestsOnPostgres(PostgresApp app) : PrivateItemTests<PostgresApp>(app);
