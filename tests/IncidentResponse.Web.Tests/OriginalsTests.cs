using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Operator.Demo;
using IncidentResponse.Web.Pages.Cases.Export;
using IncidentResponse.Web.Tests.Infrastructure;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Microsoft.EntityFrameworkCore;
using MetadataDirectory = MetadataExtractor.Directory;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// Originals leave the server only on purpose: a single file's download needs the passphrase re-entered, the owner gets
/// the file bit-exact, an ally gets a copy without hidden details unless the owner gave them the originals, and the
/// person adding a photo is told what it gives away.
/// </summary>
public abstract class OriginalsTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string PhoneMake = "Examplephone";
    private const string PhoneModel = "Model Seven Pro";

    /// <summary>A photo as a phone writes it: EXIF naming the phone, the time and where it was taken.</summary>
    private static readonly byte[] Photo = TestImages.Jpeg(
        16,
        8,
        ExifSegment.App1(new ExifDetails(PhoneMake, PhoneModel, new DateTime(2026, 3, 14, 15, 9, 26), 51.5034, -0.1276)));

    [Fact]
    public async Task A_single_download_needs_the_passphrase_again_then_the_owner_gets_the_original_bit_exact()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var evidenceId = await owner.AddEvidenceAsync(caseId, Photo, "IMG_0001.jpg");
        var url = $"/cases/{caseId}/evidence/{evidenceId}/download";

        using (var asked = await owner.Http.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
            Assert.Equal("/account/confirm?returnUrl=" + Uri.EscapeDataString(url), asked.Headers.Location?.OriginalString);
            Assert.NotEqual("image/jpeg", asked.Content.Headers.ContentType?.MediaType);
        }

        // The page's link asks for the passphrase first and comes back to the page, which then downloads straight away.
        var page = $"/cases/{caseId}/evidence/{evidenceId}";
        var link = (await owner.GetAsync(page)).Document.QuerySelector("p.actions a")?.GetAttribute("href");
        Assert.Equal("/account/confirm?returnUrl=" + Uri.EscapeDataString(page), link);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.ConfirmPassphraseAsync(page)).Status);
        var confirmedPage = await owner.GetAsync(page);
        Assert.NotNull(confirmedPage.Document.QuerySelector("#confirmed"));
        Assert.Equal(url, confirmedPage.Document.QuerySelector("p.actions a")?.GetAttribute("href"));

        // A download asked for straight away comes back to the download once the passphrase is entered.
        var confirmed = await owner.ConfirmPassphraseAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.Equal(url, confirmed.Location?.OriginalString);

        using var download = await owner.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(SHA256.HashData(Photo), SHA256.HashData(bytes));
        Assert.DoesNotContain("copy", download.Content.Headers.ContentDisposition?.FileName ?? "", StringComparison.Ordinal);
        Assert.NotEmpty(Metadata(bytes).OfType<GpsDirectory>());
    }

    [Fact]
    public async Task An_ally_with_image_access_but_not_the_originals_gets_a_copy_without_hidden_details_named_as_a_copy()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var evidenceId = await owner.AddEvidenceAsync(caseId, Photo, "IMG_0002.jpg");
        var (ally, _) = await NewAllyWithImagesAsync(owner, caseId);
        using var __ = ally;
        var url = $"/cases/{caseId}/evidence/{evidenceId}/download";

        using (var asked = await ally.Http.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
            Assert.StartsWith("/account/confirm?", asked.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        var details = await ally.GetAsync($"/cases/{caseId}/evidence/{evidenceId}");
        Assert.Contains("Download a copy without hidden details", details.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("Download the original", details.MainText, StringComparison.Ordinal);
        Assert.Null(details.Document.QuerySelector("#reveals"));

        await ally.ConfirmPassphraseAsync(url);
        using var download = await ally.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var copy = await download.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(SHA256.HashData(Photo), SHA256.HashData(copy));
        Assert.Equal(
            $"exhibit-{evidenceId.ToString("N")[..8]}-copy-without-details.jpg",
            download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);
        var metadata = Metadata(copy);
        Assert.Empty(metadata.OfType<GpsDirectory>());
        Assert.Empty(metadata.OfType<ExifDirectoryBase>());
        Assert.Equal(-1, copy.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(PhoneModel)));
        // The picture itself is untouched: the same scan bytes to the end of the file.
        Assert.Equal(Photo[TestImages.StartOfScan(Photo)..], copy[TestImages.StartOfScan(copy)..]);
    }

    [Fact]
    public async Task An_ally_the_owner_gives_the_originals_gets_the_original_and_loses_it_when_the_owner_takes_it_back()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var evidenceId = await owner.AddEvidenceAsync(caseId, Photo, "IMG_0003.jpg");
        var (ally, allyId) = await NewAllyWithImagesAsync(owner, caseId);
        using var __ = ally;
        var url = $"/cases/{caseId}/evidence/{evidenceId}/download";

        Assert.Equal(HttpStatusCode.Redirect, (await owner.ManageAllyAsync(caseId, "Originals", allyId, ("grant", "true"))).Status);
        var people = await owner.GetAsync($"/cases/{caseId}/people");
        Assert.Contains("the originals, exactly as you added them", people.Document.QuerySelector($"#originals-{allyId}")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Download the original", (await ally.GetAsync($"/cases/{caseId}/evidence/{evidenceId}")).MainText, StringComparison.Ordinal);

        await ally.ConfirmPassphraseAsync(url);
        Assert.Equal(SHA256.HashData(Photo), SHA256.HashData(await ally.Http.GetByteArrayAsync(url)));

        Assert.Equal(HttpStatusCode.Redirect, (await owner.ManageAllyAsync(caseId, "Originals", allyId, ("grant", "false"))).Status);
        Assert.Empty(Metadata(await ally.Http.GetByteArrayAsync(url)).OfType<GpsDirectory>());

        await using var db = app.CreateDbContext();
        var actions = await db.AuditEvents.Where(e => e.CaseId == caseId && e.EntityId == allyId.ToString()).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        Assert.Equal(["ally.joined", "ally.evidence-images-granted", "ally.originals-granted", "ally.originals-withdrawn"], actions);
    }

    [Fact]
    public async Task An_ally_cannot_give_themselves_the_originals()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var (ally, allyId) = await NewAllyWithImagesAsync(owner, caseId, CaseRole.Advocate);
        using var __ = ally;

        Assert.Equal(HttpStatusCode.NotFound, (await ally.ManageAllyAsync(caseId, "Originals", allyId, ("grant", "true"))).Status);

        await using var db = app.CreateDbContext();
        Assert.False((await db.CaseMembers.AsNoTracking().SingleAsync(m => m.CaseId == caseId && m.UserId == allyId)).OriginalsGranted);
    }

    [Fact]
    public async Task A_file_whose_details_cannot_be_taken_out_is_not_downloadable_by_an_ally_without_the_originals()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        var evidenceId = await owner.AddEvidenceAsync(caseId, TestFiles.Pdf(RandomNumberGenerator.GetBytes(2000)), "report.pdf");
        var (ally, _) = await NewAllyWithImagesAsync(owner, caseId);
        using var __ = ally;
        var url = $"/cases/{caseId}/evidence/{evidenceId}/download";

        var details = await ally.GetAsync($"/cases/{caseId}/evidence/{evidenceId}");
        Assert.NotNull(details.Document.QuerySelector("#no-download"));
        Assert.Null(details.Document.QuerySelector($"a[href='{url}']"));
        await ally.ConfirmPassphraseAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, (await ally.GetAsync(url)).Status);
    }

    [Fact]
    public async Task After_adding_a_photo_the_owner_is_told_plainly_what_it_gives_away_and_nothing_of_it_reaches_the_log()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;

        var added = await owner.UploadEvidenceAsync(caseId, Photo, "IMG_0004.jpg");
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        var page = await owner.GetAsync(added.Location!.OriginalString);

        var reveals = page.Document.QuerySelector("#reveals")?.TextContent ?? "";
        Assert.Contains("This photo says where it was taken (GPS), which phone or camera took it and when it was taken.", reveals, StringComparison.Ordinal);
        Assert.Contains("People helping you get a copy without them", reveals, StringComparison.Ordinal);
        Assert.DoesNotContain(PhoneModel, page.Html, StringComparison.Ordinal);
        Assert.False(app.Logs.Contains(PhoneModel), "The phone's model reached the log.");
        Assert.False(app.Logs.Contains(PhoneMake), "The phone's make reached the log.");

        var screenshot = await owner.AddEvidenceAsync(caseId, TestImages.Png(8, 8), "screenshot.png");
        Assert.Null((await owner.GetAsync($"/cases/{caseId}/evidence/{screenshot}")).Document.QuerySelector("#reveals"));
    }

    [Fact]
    public async Task An_allys_zip_carries_copies_without_hidden_details_and_says_so_while_case_json_keeps_the_originals_fingerprint()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await owner.AddEvidenceAsync(caseId, Photo, "IMG_0005.jpg");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var pdf = TestFiles.Pdf(RandomNumberGenerator.GetBytes(2000));
        await owner.AddEvidenceAsync(caseId, pdf, "report.pdf");
        var (ally, allyId) = await NewAllyWithImagesAsync(owner, caseId, CaseRole.Advocate);
        using var __ = ally;
        Assert.Equal(HttpStatusCode.Redirect, (await owner.ManageAllyAsync(caseId, "Export", allyId, ("allow", "true"))).Status);
        Assert.NotNull((await ally.GetAsync($"/cases/{caseId}/export")).Document.QuerySelector("#files-as-copies"));

        var folder = await ally.DownloadEverythingAsync(caseId);
        try
        {
            const string copyName = "exhibit-001" + CaseExporter.CopySuffix + ".jpg";
            Assert.False(File.Exists(Path.Combine(folder, "exhibit-001.jpg")));
            Assert.False(File.Exists(Path.Combine(folder, "exhibit-002.pdf")));
            var copy = await File.ReadAllBytesAsync(Path.Combine(folder, copyName));
            Assert.Empty(Metadata(copy).OfType<GpsDirectory>());
            Assert.Empty(Metadata(copy).OfType<ExifDirectoryBase>());

            var manifest = await File.ReadAllTextAsync(Path.Combine(folder, CaseExporter.ManifestName));
            Assert.Contains($"{Convert.ToHexStringLower(SHA256.HashData(copy))}  {copyName}\n", manifest, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToHexStringLower(SHA256.HashData(Photo)), manifest, StringComparison.Ordinal);
            var check = await ExportJourneys.Sha256SumCheckAsync(folder);
            Assert.True(check.ExitCode == 0, check.Output);

            var readMe = await File.ReadAllTextAsync(Path.Combine(folder, CaseExporter.ReadMeName));
            Assert.Contains("copies, not the originals", readMe, StringComparison.Ordinal);
            Assert.DoesNotContain("each evidence file exactly as it was received", readMe, StringComparison.Ordinal);

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, CaseExporter.CaseJsonName)));
            var evidence = json.RootElement.GetProperty("evidence");
            var photo = evidence[0];
            Assert.Equal(copyName, photo.GetProperty("fileName").GetString());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Photo)), photo.GetProperty("sha256").GetString());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(copy)), photo.GetProperty("copySha256").GetString());
            Assert.Equal(copy.Length, photo.GetProperty("copyLength").GetInt64());
            var document = evidence[1];
            Assert.Equal(JsonValueKind.Null, document.GetProperty("fileName").ValueKind);
            Assert.Equal(CaseExporter.NoCopyProblem, document.GetProperty("problem").GetString());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), document.GetProperty("sha256").GetString());
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_owners_zip_still_carries_the_originals_bit_exact()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        await owner.AddEvidenceAsync(caseId, Photo, "IMG_0006.jpg");

        var folder = await owner.DownloadEverythingAsync(caseId);
        try
        {
            Assert.Equal(Photo, await File.ReadAllBytesAsync(Path.Combine(folder, "exhibit-001.jpg")));
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, CaseExporter.CaseJsonName)));
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("evidence")[0].GetProperty("copySha256").ValueKind);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<(AppClient Ally, Guid AllyId)> NewAllyWithImagesAsync(AppClient owner, Guid caseId, CaseRole role = CaseRole.Helper)
    {
        var (ally, username) = await app.NewAllyAsync(owner, caseId, role);
        await using var db = app.CreateDbContext();
        var allyId = await db.Users.Where(u => u.UserName == username).Select(u => u.Id).SingleAsync();
        var granted = await owner.ManageAllyAsync(caseId, "EvidenceImages", allyId, ("grant", "true"));
        if (granted.Status != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Granting evidence images failed ({(int)granted.Status}).");
        }

        return (ally, allyId);
    }

    private static IReadOnlyList<MetadataDirectory> Metadata(byte[] image) =>
        ImageMetadataReader.ReadMetadata(new MemoryStream(image));
}

public sealed class OriginalsTestsOnSqlite(SqliteApp app) : OriginalsTests<SqliteApp>(app);

public sealed class OriginalsTestsOnPostgres(PostgresApp app) : OriginalsTests<PostgresApp>(app);
