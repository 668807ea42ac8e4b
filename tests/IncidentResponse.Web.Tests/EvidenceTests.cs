using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Web.Pages.Cases.Safety;
using IncidentResponse.Web.Tests.Infrastructure;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The evidence vault through HTTP: files go in by streamed multipart upload and come back bit-exact, are encrypted at
/// rest, are shown only on request and without their metadata, and bad files leave nothing behind.
/// </summary>
public abstract class EvidenceTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private string EvidenceDirectory => Path.Combine(app.DataDirectory, "evidence");

    [Theory]
    [MemberData(nameof(EvidenceCases.SupportedKinds), MemberType = typeof(EvidenceCases))]
    public async Task Each_supported_kind_is_kept_and_downloads_back_bit_exact(string kind, string fileName, string mediaType)
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var file = Sample(kind, RandomNumberGenerator.GetBytes(48));

        var evidenceId = await client.AddEvidenceAsync(caseId, file, fileName);

        var details = await client.GetAsync($"/cases/{caseId}/evidence/{evidenceId}");
        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file)), details.Document.QuerySelector("#sha256")?.TextContent);
        Assert.Contains(app.Clock.GetUtcNow().UtcDateTime.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), details.Document.QuerySelector("#received")?.TextContent, StringComparison.Ordinal);
        var exact = file.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes";
        var size = details.Document.QuerySelector("#size")?.TextContent.Trim();
        Assert.True(file.Length < 1024 ? size == exact : size?.EndsWith($"({exact})", StringComparison.Ordinal) == true, $"Size shown as \"{size}\".");

        using var download = await client.DownloadEvidenceAsync(caseId, evidenceId);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(SHA256.HashData(file), SHA256.HashData(bytes));
        Assert.Equal(file, bytes);
        Assert.Equal(mediaType, download.Content.Headers.ContentType?.MediaType);
        var disposition = download.Content.Headers.ContentDisposition;
        Assert.Equal("attachment", disposition?.DispositionType);
        Assert.Matches("^\"?exhibit-[0-9a-f]{8}\\.[a-z0-9]+\"?$", disposition?.FileName);
        Assert.StartsWith("exhibit-", disposition?.FileNameStar, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join(",", download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("no-store", download.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        var audit = await db.AuditEvents.Where(e => e.CaseId == caseId && e.Action == "evidence.added").SingleAsync();
        Assert.Equal(evidenceId.ToString(), audit.EntityId);
        Assert.DoesNotContain(fileName, audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_over_the_general_form_limit_is_accepted_up_to_its_kinds_limit()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var file = TestFiles.Pdf(new byte[3 * 1024 * 1024]);

        var evidenceId = await client.AddEvidenceAsync(caseId, file, "long.pdf");

        using var download = await client.DownloadEvidenceAsync(caseId, evidenceId);
        Assert.Equal(file, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Files_are_encrypted_at_rest_and_no_plaintext_reaches_the_disk_or_the_database()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var marker = Encoding.ASCII.GetBytes("PLAINTEXT-MARKER-" + Guid.NewGuid().ToString("N"));
        var file = TestFiles.Pdf([.. marker, .. new byte[200_000], .. marker]);

        var evidenceId = await client.AddEvidenceAsync(caseId, file, "statement.pdf");

        Assert.NotEmpty(System.IO.Directory.GetFiles(EvidenceDirectory));
        foreach (var path in System.IO.Directory.EnumerateFiles(app.DataDirectory, "*", SearchOption.AllDirectories))
        {
            var stored = await ReadSharedAsync(path);
            Assert.True(stored.AsSpan().IndexOf(marker) < 0, $"The plaintext marker was found in {Path.GetFileName(path)}.");
        }

        if (app.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(app.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT row_to_json(e)::text FROM \"EvidenceItems\" e WHERE \"Id\" = @id", connection);
            command.Parameters.AddWithValue("id", evidenceId);
            var row = (string)(await command.ExecuteScalarAsync())!;
            Assert.DoesNotContain(Convert.ToHexStringLower(marker), row, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Encoding.ASCII.GetString(marker), row, StringComparison.Ordinal);
        }

        using var download = await client.DownloadEvidenceAsync(caseId, evidenceId);
        Assert.Equal(file, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_preview_has_no_GPS_while_the_download_keeps_the_original_bytes()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var photo = TestImages.Jpeg(16, 8, TestImages.ExifSegment());
        Assert.NotEmpty(ImageMetadataReader.ReadMetadata(new MemoryStream(photo)).OfType<GpsDirectory>());
        var evidenceId = await client.AddEvidenceAsync(caseId, photo, "photo.jpg");

        using var preview = await client.Http.GetAsync($"/cases/{caseId}/evidence/{evidenceId}/preview");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("image/jpeg", preview.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", preview.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("no-store", preview.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var shown = await preview.Content.ReadAsByteArrayAsync();
        Assert.Empty(ImageMetadataReader.ReadMetadata(new MemoryStream(shown)).OfType<GpsDirectory>());
        Assert.Empty(ImageMetadataReader.ReadMetadata(new MemoryStream(shown)).OfType<ExifIfd0Directory>());

        using var download = await client.DownloadEvidenceAsync(caseId, evidenceId);
        var original = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(photo, original);
        Assert.NotEmpty(ImageMetadataReader.ReadMetadata(new MemoryStream(original)).OfType<GpsDirectory>());
    }

    [Fact]
    public async Task Previews_served_one_after_another_from_borrowed_buffers_each_carry_exactly_their_own_picture()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        // Different sizes, served in turn and again: a buffer borrowed for one and given back must never lend the next
        // one its tail, and what was stripped (the EXIF) must not come back from an earlier, longer picture.
        var large = TestImages.Png(300, 200);
        var small = TestImages.Png(12, 9);
        var photo = TestImages.Jpeg(40, 30, TestImages.ExifSegment());
        var ids = new[]
        {
            (await client.AddEvidenceAsync(caseId, large, "large.png"), large),
            (await client.AddEvidenceAsync(caseId, small, "small.png"), small),
            (await client.AddEvidenceAsync(caseId, photo, "photo.jpg"), null),
        };

        for (var round = 0; round < 3; round++)
        {
            foreach (var (id, expected) in ids)
            {
                using var preview = await client.Http.GetAsync($"/cases/{caseId}/evidence/{id}/preview");
                Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
                var shown = await preview.Content.ReadAsByteArrayAsync();
                Assert.Equal(shown.Length, preview.Content.Headers.ContentLength);
                if (expected is not null)
                {
                    Assert.Equal(expected, shown);
                }
                else
                {
                    Assert.True(shown.Length < photo.Length);
                    Assert.Empty(ImageMetadataReader.ReadMetadata(new MemoryStream(shown)).OfType<GpsDirectory>());
                    Assert.Equal(0xD9, shown[^1]);
                }
            }
        }
    }

    [Fact]
    public async Task No_image_is_shown_until_the_person_chooses_to_see_it()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var png = TestImages.Png(8, 8);
        var evidenceId = await client.AddEvidenceAsync(caseId, png, "screenshot.png", new Dictionary<string, string>
        {
            ["Input.WhatItShows"] = "A post on a forum",
        });

        var list = await client.GetAsync($"/cases/{caseId}/evidence");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains("A post on a forum", list.MainText, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(png)), list.MainText, StringComparison.Ordinal);
        Assert.Empty(list.Document.QuerySelectorAll("main img"));
        Assert.DoesNotContain("/preview", list.Html, StringComparison.Ordinal);
        Assert.NotNull(list.Document.QuerySelector($"a[href='/cases/{caseId}/evidence/{evidenceId}?show=true']"));

        var details = await client.GetAsync($"/cases/{caseId}/evidence/{evidenceId}");
        Assert.Empty(details.Document.QuerySelectorAll("main img"));

        var shown = await client.GetAsync($"/cases/{caseId}/evidence/{evidenceId}?show=true");
        Assert.Equal($"/cases/{caseId}/evidence/{evidenceId}/preview", shown.Document.QuerySelector("main img")?.GetAttribute("src"));
    }

    [Theory]
    [MemberData(nameof(EvidenceCases.BadInputs), MemberType = typeof(EvidenceCases))]
    public async Task Bad_input_gets_a_clear_message_and_leaves_no_row_and_no_file(string input)
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var png = TestImages.Png(8, 8);
        var tomorrow = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (file, fields, field, message) = input switch
        {
            "zero bytes" => ([], NoFields, "Input.File", "This file is empty"),
            "truncated png" => (png[..(png.Length - 10)], NoFields, "Input.File", "could not be read"),
            "executable named png" => ([.. "MZ"u8, .. new byte[510]], NoFields, "Input.File", "can't be kept here"),
            "decompression bomb" => (TestImages.PngDeclaring(100_000, 100_000), NoFields, "Input.File", "far larger (in pixels)"),
            "ftp source url" => (png, Field("Input.SourceUrl", "ftp://files.example/x.png"), "Input.SourceUrl", "starting with https://"),
            "script source url" => (png, Field("Input.SourceUrl", "javascript:alert(1)"), "Input.SourceUrl", "starting with https://"),
            "future capture date" => (png, Field("Input.CapturedOn", tomorrow), "Input.CapturedOn", "in the future"),
            _ => throw new ArgumentOutOfRangeException(nameof(input)),
        };
        var filesBefore = EvidenceFiles();

        var result = await client.UploadEvidenceAsync(caseId, file, "upload.png", fields);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(message, result.FieldError(field), StringComparison.Ordinal);
        Assert.NotNull(result.Document.QuerySelector(".error-summary"));
        await AssertNothingKeptAsync(caseId, filesBefore);
    }

    [Fact]
    public async Task An_image_one_byte_over_its_limit_gets_the_413_page_and_leaves_nothing()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var filesBefore = EvidenceFiles();
        var head = TestImages.Png(8, 8);
        using var oversize = new StreamContent(new GeneratedStream(head, EvidenceLimits.ImageMaxBytes + 1));

        var result = await client.UploadEvidenceAsync(caseId, oversize, "huge.png");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, result.Status);
        Assert.Contains("larger than we can keep", result.FieldError("Input.File"), StringComparison.Ordinal);
        await AssertNothingKeptAsync(caseId, filesBefore);
    }

    [Fact]
    public async Task An_upload_cut_off_part_way_leaves_no_row_and_no_file()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var filesBefore = EvidenceFiles();
        const string Finished = "HTTP POST /cases/{caseId:guid}/evidence/add responded";
        var finishedBefore = app.Logs.Entries.Count(e => e.Contains(Finished, StringComparison.Ordinal));
        var head = TestFiles.Pdf(new byte[16]);
        using var abort = new CancellationTokenSource();
        using var cutOff = new StreamContent(new FailingStream(new GeneratedStream(head, 4 * 1024 * 1024), failAfter: 1024 * 1024, abort.Cancel));

        await Assert.ThrowsAnyAsync<Exception>(() => client.UploadEvidenceAsync(caseId, cutOff, "cut.pdf", cancellationToken: abort.Token));

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (app.Logs.Entries.Count(e => e.Contains(Finished, StringComparison.Ordinal)) == finishedBefore)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "The server did not finish the cut-off upload.");
            await Task.Delay(50);
        }

        await AssertNothingKeptAsync(caseId, filesBefore);
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_first_is_refused_with_400()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var filesBefore = EvidenceFiles();
        var url = $"/cases/{caseId}/evidence/add";

        using (var noToken = new MultipartFormDataContent())
        {
            noToken.Add(new ByteArrayContent(TestImages.Png(8, 8)), "File", "a.png");
            using var response = await client.Http.PostAsync(url, noToken);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using (var wrongToken = new MultipartFormDataContent())
        {
            wrongToken.Add(new StringContent("CfDJ8-not-a-real-token"), "__rvt");
            wrongToken.Add(new ByteArrayContent(TestImages.Png(8, 8)), "File", "a.png");
            using var response = await client.Http.PostAsync(url, wrongToken);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var token = await client.AntiforgeryTokenAsync(url);
        using (var tokenLast = new MultipartFormDataContent())
        {
            tokenLast.Add(new ByteArrayContent(TestImages.Png(8, 8)), "File", "a.png");
            tokenLast.Add(new StringContent(token), "__rvt");
            using var response = await client.Http.PostAsync(url, tokenLast);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var urlEncoded = await client.PostAsync(url, new Dictionary<string, string> { ["__rvt"] = token });
        Assert.Equal(HttpStatusCode.BadRequest, urlEncoded.Status);
        await AssertNothingKeptAsync(caseId, filesBefore);
    }

    [Fact]
    public async Task A_case_about_someone_under_18_refuses_every_file_kindly_and_says_where_to_go()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await using (var db = app.CreateDbContext())
        {
            await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.UnderEighteenRoute, true));
        }

        var filesBefore = EvidenceFiles();

        var page = await client.GetAsync($"/cases/{caseId}/evidence/add");
        Assert.Contains("does not keep any file for this case", page.MainText, StringComparison.Ordinal);
        var result = await client.UploadEvidenceAsync(caseId, TestImages.Png(8, 8), "a.png");

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("under 18", result.MainText, StringComparison.Ordinal);
        Assert.Contains("not because you did anything wrong", result.MainText, StringComparison.Ordinal);
        Assert.DoesNotContain("victim", result.MainText, StringComparison.OrdinalIgnoreCase);
        var routes = app.Services.GetRequiredService<JurisdictionCatalog>().Get(JurisdictionCatalog.FallbackCode).UnderEighteenRoutes ?? [];
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            Assert.Contains(route.Name, result.MainText, StringComparison.Ordinal);
        }

        await AssertNothingKeptAsync(caseId, filesBefore);
        var video = await client.UploadEvidenceAsync(caseId, TestFiles.Mp4(new byte[64]), "a.mp4");
        Assert.Contains("does not keep any file for this case", video.MainText, StringComparison.Ordinal);
        var pdf = await client.UploadEvidenceAsync(caseId, TestFiles.Pdf("a record of the messages"u8.ToArray()), "record.pdf");
        Assert.Contains("does not keep any file for this case", pdf.MainText, StringComparison.Ordinal);
        await AssertNothingKeptAsync(caseId, filesBefore);
    }

    [Fact]
    public async Task An_evidence_id_from_another_case_is_404_under_this_case()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var otherCaseId = await client.CreateCaseAsync("Second");
        var evidenceId = await client.AddEvidenceAsync(otherCaseId, TestImages.Png(8, 8), "a.png");
        await client.ConfirmPassphraseAsync($"/cases/{caseId}/evidence");

        foreach (var suffix in new[] { "", "?show=true", "/preview", "/download" })
        {
            var response = await client.GetAsync($"/cases/{caseId}/evidence/{evidenceId}{suffix}");
            Assert.True(response.Status == HttpStatusCode.NotFound, $"{suffix} answered {(int)response.Status}.");
            var own = await client.GetAsync($"/cases/{otherCaseId}/evidence/{evidenceId}{suffix}");
            Assert.Equal(HttpStatusCode.OK, own.Status);
        }
    }

    [Theory]
    [InlineData(CaseRole.Advocate)]
    [InlineData(CaseRole.Helper)]
    [InlineData(CaseRole.Viewer)]
    public async Task Only_the_owner_can_view_or_download_evidence(CaseRole role)
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var evidenceId = await client.AddEvidenceAsync(caseId, TestImages.Png(8, 8), "a.png");
        await using (var db = app.CreateDbContext())
        {
            await db.CaseMembers.Where(m => m.CaseId == caseId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, role));
        }

        foreach (var suffix in new[] { "", $"/{evidenceId}", $"/{evidenceId}?show=true", $"/{evidenceId}/preview", $"/{evidenceId}/download" })
        {
            var response = await client.GetAsync($"/cases/{caseId}/evidence{suffix}");
            Assert.True(response.Status == HttpStatusCode.NotFound, $"A {role} got {(int)response.Status} for evidence{suffix}.");
        }

        if (role == CaseRole.Viewer)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{caseId}/evidence/add")).Status);
        }
        else
        {
            var added = await client.UploadEvidenceAsync(caseId, TestImages.Png(8, 8), "b.png");
            Assert.Equal(HttpStatusCode.Redirect, added.Status);
            Assert.Equal($"/cases/{caseId}", added.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task A_stranger_posting_a_file_to_someone_elses_case_gets_404_and_nothing_is_kept()
    {
        var (owner, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = owner;
        using var stranger = app.CreateAppClient();
        await stranger.SignUpAsync();
        var strangersCase = await stranger.CreateCaseAsync();
        var token = await stranger.AntiforgeryTokenAsync($"/cases/{strangersCase}/evidence/add");
        var filesBefore = EvidenceFiles();

        var result = await stranger.UploadEvidenceAsync(caseId, new ByteArrayContent(TestImages.Png(8, 8)), "a.png", token: token);

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        await AssertNothingKeptAsync(caseId, filesBefore);
    }

    [Fact]
    public async Task Deleting_a_case_deletes_its_key_so_its_files_cannot_be_opened()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.AddEvidenceAsync(caseId, TestImages.Png(8, 8), "a.png");
        await using var db = app.CreateDbContext();
        Assert.True(await db.CaseEvidenceKeys.AnyAsync(k => k.CaseId == caseId));

        await db.Cases.Where(c => c.Id == caseId).ExecuteDeleteAsync();

        Assert.False(await db.CaseEvidenceKeys.AnyAsync(k => k.CaseId == caseId));
        Assert.False(await db.EvidenceItems.AnyAsync(e => e.CaseId == caseId));
    }

    [Fact]
    public async Task The_file_name_and_description_never_reach_the_log()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var marker = "logmarker" + Guid.NewGuid().ToString("N")[..8];

        await client.AddEvidenceAsync(caseId, TestImages.Png(8, 8), marker + ".png", new Dictionary<string, string>
        {
            ["Input.WhatItShows"] = marker,
            ["Input.SourceUrl"] = $"https://example.com/{marker}",
        });
        await client.UploadEvidenceAsync(caseId, [.. "MZ"u8, .. new byte[64]], marker + ".png");

        Assert.False(app.Logs.Contains(marker));
    }

    [Fact]
    public void The_plans_evidence_step_links_to_the_evidence_page()
    {
        Assert.Equal("/Cases/Evidence/Index", CasePlan.PageFor(SafetyStepCatalog.LinkEvidence));
    }

    private static IReadOnlyDictionary<string, string> NoFields => EvidenceJourneys.NoDescription;

    private static Dictionary<string, string> Field(string name, string value) => new() { [name] = value };

    private static byte[] Sample(string kind, byte[] unique) => kind switch
    {
        "png" => TestImages.Png(8, 8, ("tEXt", [.. "Comment\0"u8, .. Encoding.ASCII.GetBytes(Convert.ToHexString(unique))])),
        "jpeg" => TestImages.Jpeg(16, 8, TestImages.JpegSegment(0xFE, unique)),
        "pdf" => TestFiles.Pdf(unique),
        "mp4" => TestFiles.Mp4(unique),
        "html" => TestFiles.Html(Convert.ToHexString(unique)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private HashSet<string> EvidenceFiles() =>
        System.IO.Directory.Exists(EvidenceDirectory)
            ? System.IO.Directory.EnumerateFiles(EvidenceDirectory, "*", SearchOption.AllDirectories).ToHashSet(StringComparer.Ordinal)
            : [];

    [Fact]
    public async Task A_file_can_belong_to_an_entry_in_the_record_and_is_listed_on_it_but_never_to_another_cases_entry()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm());
        var form = await client.GetAsync($"/cases/{caseId}/evidence/add?incident={incidentId}");
        Assert.NotNull(form.Document.QuerySelector($"select[name='Input.IncidentId'] option[value='{incidentId}'][selected]"));

        var evidenceId = await client.AddEvidenceAsync(caseId, TestImages.Png(8, 8), "a.png",
            new Dictionary<string, string> { ["Input.IncidentId"] = incidentId.ToString() });

        var entry = await client.GetAsync($"/cases/{caseId}/log/{incidentId}");
        Assert.NotNull(entry.Document.QuerySelector($"a[href='/cases/{caseId}/evidence/{evidenceId}']"));
        Assert.Empty(entry.Document.QuerySelectorAll("main img"));

        using var other = app.CreateAppClient();
        await other.SignUpAsync();
        var otherCase = await other.CreateCaseAsync();
        var otherIncident = await other.AddIncidentAsync(otherCase, app.IncidentForm());
        var refused = await client.UploadEvidenceAsync(caseId, TestImages.Png(8, 8), "b.png",
            new Dictionary<string, string> { ["Input.IncidentId"] = otherIncident.ToString(), ["Input.WhatItShows"] = "kept text" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("choose an entry from your record", refused.FieldError("Input.IncidentId"), StringComparison.Ordinal);
        Assert.Contains("kept text", refused.Document.QuerySelector("textarea[name='Input.WhatItShows']")!.TextContent, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.EvidenceItems.CountAsync(e => e.CaseId == caseId));
    }

    [Fact]
    public async Task Kept_files_take_their_place_in_the_record_and_can_be_shown_on_their_own()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.AddIncidentAsync(caseId, app.IncidentForm());
        var evidenceId = await client.AddEvidenceAsync(caseId, TestImages.Png(8, 8), "a.png",
            new Dictionary<string, string> { ["Input.WhatItShows"] = "The post with the caption" });

        var everything = await client.GetAsync($"/cases/{caseId}/log");
        Assert.Equal(2, everything.Document.QuerySelectorAll("ol.timeline > li").Length);
        var file = everything.Document.QuerySelector("ol.timeline > li.evidence")!;
        Assert.Contains("The post with the caption", file.TextContent, StringComparison.Ordinal);
        Assert.NotNull(file.QuerySelector($"a[href='/cases/{caseId}/evidence/{evidenceId}']"));
        Assert.Empty(everything.Document.QuerySelectorAll("main img"));

        var onlyFiles = await client.GetAsync($"/cases/{caseId}/log?kind=Evidence");
        Assert.Single(onlyFiles.Document.QuerySelectorAll("ol.timeline > li"));
        Assert.Single(onlyFiles.Document.QuerySelectorAll("ol.timeline > li.evidence"));
        var onlyIncidents = await client.GetAsync($"/cases/{caseId}/log?kind=Post");
        Assert.Empty(onlyIncidents.Document.QuerySelectorAll("ol.timeline > li.evidence"));
    }

    private async Task AssertNothingKeptAsync(Guid caseId, HashSet<string> filesBefore)
    {
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.EvidenceItems.AnyAsync(e => e.CaseId == caseId), "An evidence row was kept.");
        }

        Assert.Equal(filesBefore.Order(StringComparer.Ordinal), EvidenceFiles().Order(StringComparer.Ordinal));
        using var health = app.CreateAppClient();
        Assert.Equal(HttpStatusCode.OK, (await health.GetAsync("/health/ready")).Status);
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}

/// <summary>The cases the evidence tests run for each provider.</summary>
public static class EvidenceCases
{
    public static TheoryData<string, string, string> SupportedKinds => new()
    {
        { "png", "screenshot.png", "image/png" },
        { "jpeg", "photo.jpg", "image/jpeg" },
        { "pdf", "messages.pdf", "application/pdf" },
        { "mp4", "clip.mp4", "video/mp4" },
        { "html", "saved page.html", "text/html" },
    };

    public static TheoryData<string> BadInputs => new()
    {
        "zero bytes", "truncated png", "executable named png", "decompression bomb", "ftp source url", "script source url", "future capture date",
    };
}

public sealed class EvidenceTestsOnSqlite(SqliteApp app) : EvidenceTests<SqliteApp>(app);

public sealed class EvidenceTestsOnPostgres(PostgresApp app) : EvidenceTests<PostgresApp>(app);
