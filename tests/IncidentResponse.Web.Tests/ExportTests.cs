using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Pages.Cases.Export;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>"Download everything": one ZIP with case.json, every exhibit bit-exact and a manifest sha256sum accepts.</summary>
[RunsLong(38)]
public abstract class ExportTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string Title = "Blue folder notes";

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task The_zip_holds_every_exhibit_bit_exact_and_sha256sum_verifies_its_manifest()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync(Title);
        using var _ = client;
        var png = TestImages.Png(24, 16);
        var pdf = TestFiles.Pdf(RandomNumberGenerator.GetBytes(5000));
        await client.AddEvidenceAsync(caseId, png, "holiday-with-my-name.png");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await client.AddEvidenceAsync(caseId, pdf, "screenshot.jpeg");

        var folder = await client.DownloadEverythingAsync(caseId);
        try
        {
            Assert.Equal(png, await File.ReadAllBytesAsync(Path.Combine(folder, "exhibit-001.png")));
            // The extension comes from the bytes (a PDF), not from the name it was uploaded with.
            Assert.Equal(pdf, await File.ReadAllBytesAsync(Path.Combine(folder, "exhibit-002.pdf")));
            Assert.False(File.Exists(Path.Combine(folder, CaseExporter.ProblemsName)));
            var manifest = await File.ReadAllTextAsync(Path.Combine(folder, CaseExporter.ManifestName));
            Assert.Contains($"{Convert.ToHexStringLower(SHA256.HashData(png))}  exhibit-001.png\n", manifest, StringComparison.Ordinal);
            Assert.Contains($"{Convert.ToHexStringLower(SHA256.HashData(pdf))}  exhibit-002.pdf\n", manifest, StringComparison.Ordinal);
            Assert.Contains("  case.json\n", manifest, StringComparison.Ordinal);
            Assert.Contains("  binder.pdf\n", manifest, StringComparison.Ordinal);

            var check = await ExportJourneys.Sha256SumCheckAsync(folder);
            Assert.True(check.ExitCode == 0, check.Output);
            Assert.Contains("exhibit-001.png: OK", check.Output, StringComparison.Ordinal);
            Assert.Contains("binder.pdf: OK", check.Output, StringComparison.Ordinal);

            // The binder in the ZIP is the whole binder of the same case: every exhibit's fingerprint is in it.
            var binderText = PdfTools.Text(await File.ReadAllBytesAsync(Path.Combine(folder, "binder.pdf")));
            Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(png)), binderText, StringComparison.Ordinal);
            Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(pdf)), binderText, StringComparison.Ordinal);

            var exhibit = Path.Combine(folder, "exhibit-002.pdf");
            var bytes = await File.ReadAllBytesAsync(exhibit);
            bytes[bytes.Length / 2] ^= 0x01;
            await File.WriteAllBytesAsync(exhibit, bytes);
            var flipped = await ExportJourneys.Sha256SumCheckAsync(folder);
            Assert.NotEqual(0, flipped.ExitCode);
            Assert.Contains("exhibit-002.pdf: FAILED", flipped.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_download_has_a_neutral_name_is_not_stored_and_is_recorded_without_content()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync(Title);
        using var _ = client;
        await client.ConfirmPassphraseAsync($"/cases/{caseId}/export");

        using var response = await client.PressDownloadEverythingAsync(caseId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Matches(@"^records-\d{4}-\d{2}-\d{2}\.zip$", disposition.FileName?.Trim('"') ?? "");
        Assert.DoesNotContain("Blue", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var exported = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.CaseId == caseId && e.Action == "case.exported");
        Assert.Equal("", exported.Details);
        Assert.Contains("Downloaded everything", (await client.GetAsync($"/cases/{caseId}/history")).MainText, StringComparison.Ordinal);
        Assert.False(app.Logs.Contains(Title));
    }

    [Fact]
    public async Task Case_json_round_trips_the_cases_records_and_counts()
    {
        var (client, username, caseId) = await app.NewSurvivorWithCaseAsync(Title);
        using var _ = client;
        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm("They posted it on a forum"));
        await client.SubmitAsync($"/cases/{caseId}/log/{incidentId}/edit", app.IncidentForm("They posted it on two forums"));
        await client.AddSightingsAsync(caseId, "https://www.reddit.com/r/a/comments/one\nhttps://example.org/two", incidentId);
        await using var db = app.CreateDbContext();
        var sighting = await db.Sightings.AsNoTracking().FirstAsync(s => s.CaseId == caseId);
        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "PlatformPolicyReport",
            ["Input.SightingIds"] = sighting.Id.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, draft.Status);
        var evidenceId = await client.AddEvidenceAsync(caseId, TestImages.Png(8, 8), "a.png", new Dictionary<string, string> { ["Input.WhatItShows"] = "The first post" });

        var folder = await client.DownloadEverythingAsync(caseId);
        try
        {
            await using var json = File.OpenRead(Path.Combine(folder, CaseExporter.CaseJsonName));
            var document = (await JsonSerializer.DeserializeAsync<CaseExportDocument>(json, CaseJson.SerializerOptions))!;

            Assert.Equal(CaseExportDocument.CurrentSchemaVersion, document.SchemaVersion);
            Assert.Equal(Title, document.Case.Title);
            Assert.Equal(await db.Incidents.CountAsync(i => i.CaseId == caseId), document.Incidents.Count);
            Assert.Equal(await db.IncidentRevisions.CountAsync(i => i.CaseId == caseId), document.Incidents.Sum(i => i.Revisions.Count));
            Assert.Equal(await db.Sightings.CountAsync(s => s.CaseId == caseId), document.Sightings.Count);
            Assert.Equal(await db.SightingStatusChanges.CountAsync(s => s.CaseId == caseId), document.Sightings.Sum(s => s.StatusHistory.Count));
            Assert.Equal(await db.EvidenceItems.CountAsync(e => e.CaseId == caseId), document.Evidence.Count);
            Assert.Equal(await db.TakedownRequests.CountAsync(r => r.CaseId == caseId), document.TakedownRequests.Count);
            Assert.Equal(await db.AuditEvents.CountAsync(e => e.CaseId == caseId), document.AuditEvents.Count);
            Assert.Equal(2, document.Sightings.Count);
            Assert.Single(document.TakedownRequests);
            Assert.Equal([sighting.Id], document.TakedownRequests[0].SightingIds);
            Assert.Equal("They posted it on two forums", document.Incidents.Single().Narrative);
            Assert.Contains("They posted it on a forum", document.Incidents.Single().Revisions.Single().Snapshot.GetRawText(), StringComparison.Ordinal);

            var item = await db.EvidenceItems.AsNoTracking().SingleAsync(e => e.Id == evidenceId);
            var exhibit = document.Evidence.Single();
            Assert.Equal(1, exhibit.ExhibitNumber);
            Assert.Equal("exhibit-001.png", exhibit.FileName);
            Assert.Null(exhibit.Problem);
            Assert.Equal(item.Sha256Hex, exhibit.Sha256);
            Assert.Equal("a.png", exhibit.OriginalFileName);
            Assert.Equal("The first post", exhibit.WhatItShows);

            Assert.Equal("case.exported", document.AuditEvents[^1].Action);
            Assert.True(document.AuditChain.Intact);
            Assert.Equal(document.AuditEvents[^1].Hash, document.AuditChain.HeadHash);
            Assert.Equal(64, document.AuditEvents[0].Hash!.Length);

            var member = Assert.Single(document.Members);
            Assert.Equal(username, member.Username);
            Assert.Equal(CaseRole.Owner, member.Role);

            var raw = await File.ReadAllTextAsync(Path.Combine(folder, CaseExporter.CaseJsonName));
            Assert.Contains("\"schemaVersion\": 1", raw, StringComparison.Ordinal);
            Assert.Contains("\"role\": \"owner\"", raw, StringComparison.Ordinal);
            Assert.Matches("\"exportedUtc\": \"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z\"", raw);
            foreach (var secret in new[] { "passwordHash", "securityStamp", "wrappedFileKey", "blobId", "AQAAAA" })
            {
                Assert.DoesNotContain(secret, raw, StringComparison.OrdinalIgnoreCase);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_corrupt_stored_file_is_left_out_and_named_in_problems_txt_and_case_json()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync(Title);
        using var _ = client;
        var good = TestImages.Png(8, 8);
        await client.AddEvidenceAsync(caseId, good, "good.png");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var damagedId = await client.AddEvidenceAsync(caseId, TestFiles.Pdf(RandomNumberGenerator.GetBytes(3000)), "damaged.pdf");
        await using (var db = app.CreateDbContext())
        {
            var blobId = (await db.EvidenceItems.AsNoTracking().SingleAsync(e => e.Id == damagedId)).BlobId;
            var blob = Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "evidence"), blobId.ToString("N") + "*", SearchOption.AllDirectories).Single();
            var sealedBytes = await File.ReadAllBytesAsync(blob);
            sealedBytes[^40] ^= 0x20;
            await File.WriteAllBytesAsync(blob, sealedBytes);
        }

        var folder = await client.DownloadEverythingAsync(caseId);
        try
        {
            Assert.Equal(good, await File.ReadAllBytesAsync(Path.Combine(folder, "exhibit-001.png")));
            Assert.False(File.Exists(Path.Combine(folder, "exhibit-002.pdf")));
            var problems = await File.ReadAllTextAsync(Path.Combine(folder, CaseExporter.ProblemsName));
            Assert.Contains("Exhibit 2 (exhibit-002.pdf) is not in this ZIP", problems, StringComparison.Ordinal);

            var document = JsonSerializer.Deserialize<CaseExportDocument>(await File.ReadAllTextAsync(Path.Combine(folder, CaseExporter.CaseJsonName)), CaseJson.SerializerOptions)!;
            var damaged = document.Evidence.Single(e => e.Id == damagedId);
            Assert.Null(damaged.FileName);
            Assert.False(string.IsNullOrEmpty(damaged.Problem));
            Assert.Equal(2, damaged.ExhibitNumber);

            var manifest = await File.ReadAllTextAsync(Path.Combine(folder, CaseExporter.ManifestName));
            Assert.DoesNotContain("exhibit-002", manifest, StringComparison.Ordinal);
            var check = await ExportJourneys.Sha256SumCheckAsync(folder);
            Assert.True(check.ExitCode == 0, check.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_member_who_is_not_the_owner_cannot_export_even_after_stepping_up()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync(Title);
        using var _ = owner;
        using var advocate = app.CreateAppClient();
        var advocateName = await advocate.SignUpAsync();
        await using (var db = app.CreateDbContext())
        {
            var advocateId = (await db.Users.AsNoTracking().SingleAsync(u => u.UserName == advocateName)).Id;
            db.CaseMembers.Add(new CaseMember { CaseId = caseId, UserId = advocateId, Role = CaseRole.Advocate, JoinedUtc = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await advocate.GetAsync($"/cases/{caseId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await advocate.GetAsync($"/cases/{caseId}/export")).Status);
        Assert.DoesNotContain($"/cases/{caseId}/export", (await advocate.GetAsync($"/cases/{caseId}")).Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await advocate.ConfirmPassphraseAsync($"/cases/{caseId}")).Status);
        var token = await advocate.AntiforgeryTokenAsync($"/cases/{caseId}");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__rvt"] = token });
        using var post = await advocate.Http.PostAsync($"/cases/{caseId}/export", content);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await using var check = app.CreateDbContext();
        Assert.False(await check.AuditEvents.AnyAsync(e => e.CaseId == caseId && e.Action == "case.exported"));
    }

    [Fact]
    public async Task Each_finalised_letter_is_a_text_file_word_for_word_and_the_readme_says_what_binder_pdf_is()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync(Title);
        using var _ = client;
        var sent = await FairPrintingTests<TApp>.DraftLetterAsync(client, caseId);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(sent, new Dictionary<string, string>(), "handler=Finalise")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(sent, new Dictionary<string, string> { ["Send.Channel"] = "Form" }, "handler=Send")).Status);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await FairPrintingTests<TApp>.DraftLetterAsync(client, caseId);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var finalised = await FairPrintingTests<TApp>.DraftLetterAsync(client, caseId);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(finalised, new Dictionary<string, string>(), "handler=Finalise")).Status);
        string sentText, finalisedText;
        var (sentId, finalisedId) = (Guid.Parse(sent.Split('/')[^1]), Guid.Parse(finalised.Split('/')[^1]));
        await using (var db = app.CreateDbContext())
        {
            sentText = await db.TakedownRequests.Where(r => r.Id == sentId).Select(r => r.FinalText!).SingleAsync();
            finalisedText = await db.TakedownRequests.Where(r => r.Id == finalisedId).Select(r => r.FinalText!).SingleAsync();
        }

        var folder = await client.DownloadEverythingAsync(caseId);
        try
        {
            // Numbered as case.json lists the letters: the draft (second) has no words fixed yet, so no file.
            var letters = Directory.GetFiles(Path.Combine(folder, "letters")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(["001-platform-policy-report-sent.txt", "003-platform-policy-report-final.txt"], letters);
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(sentText), await File.ReadAllBytesAsync(Path.Combine(folder, "letters", letters[0]!)));
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(finalisedText), await File.ReadAllBytesAsync(Path.Combine(folder, "letters", letters[1]!)));
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, CaseExporter.CaseJsonName)));
            var requests = json.RootElement.GetProperty("takedownRequests");
            Assert.Equal(sentText, requests[0].GetProperty("finalText").GetString());
            Assert.Equal(JsonValueKind.Null, requests[1].GetProperty("finalText").ValueKind);
            Assert.Equal(finalisedText, requests[2].GetProperty("finalText").GetString());

            var check = await ExportJourneys.Sha256SumCheckAsync(folder);
            Assert.True(check.ExitCode == 0, check.Output);
            Assert.Contains("letters/001-platform-policy-report-sent.txt: OK", check.Output, StringComparison.Ordinal);
            Assert.Contains("letters/003-platform-policy-report-final.txt: OK", check.Output, StringComparison.Ordinal);

            var readMe = await File.ReadAllTextAsync(Path.Combine(folder, CaseExporter.ReadMeName));
            Assert.Contains("binder.pdf       the evidence binder", readMe, StringComparison.Ordinal);
            Assert.Contains("letters/", readMe, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var page = await client.GetAsync($"/cases/{caseId}/export");
        Assert.Contains("binder.pdf: the evidence binder", page.MainText, StringComparison.Ordinal);
        Assert.Contains("letters/001-dmca-notice-sent.txt", page.MainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_page_says_what_the_zip_holds_and_where_to_keep_it()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync(Title);
        using var _ = client;

        var page = await client.GetAsync($"/cases/{caseId}/export");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("case.json", page.MainText, StringComparison.Ordinal);
        Assert.Contains("manifest.sha256", page.MainText, StringComparison.Ordinal);
        Assert.Contains("shared", page.MainText, StringComparison.Ordinal);
        Assert.Contains("no-store", page.Header("Cache-Control"), StringComparison.Ordinal);
        Assert.DoesNotContain(Title, page.Title, StringComparison.Ordinal);
        Assert.Contains($"/cases/{caseId}/export", (await client.GetAsync($"/cases/{caseId}")).Html, StringComparison.Ordinal);
    }
}

public sealed class ExportTestsOnSqlite(SqliteApp app) : ExportTests<SqliteApp>(app);

public sealed class ExportTestsOnPostgres(PostgresApp app) : ExportTests<PostgresApp>(app);
