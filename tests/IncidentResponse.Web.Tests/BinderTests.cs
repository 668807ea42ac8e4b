using System.Net;
using System.Security.Cryptography;
using IncidentResponse.Documents.Binder;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>The evidence binder: every part the person chose, every exhibit with its fingerprint, checkable and safe.</summary>
[RunsLong(40)]
public abstract class BinderTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string Posted = "https://www.reddit.com/r/b/one";
    private const string Removed = "https://example.org/b-two";

    private static readonly string[] EveryHeading =
    [
        "About this record", "Contents", "Case summary", "Threat assessment summary", "Incident log", "Contact and demands", "Exhibits",
        "Sightings and takedown log", "Letters, finalised and sent", "Verification appendix",
    ];

    private static readonly string[] EverySection =
        ["Cover", "Contents", "Summary", "ThreatAssessment", "IncidentLog", "ContactsAndDemands", "Exhibits", "Sightings", "Letters", "Verification"];

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task A_police_binder_has_every_section_every_exhibit_with_its_fingerprint_and_the_manifest()
    {
        var (client, username, caseId) = await NewSurvivorReadyToPrintAsync();
        using var _ = client;
        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm("Binder narrative marker"));
        await client.AddSightingsAsync(caseId, $"{Posted}\n{Removed}", incidentId);
        var picture = TestImages.Png(300, 200);
        var document = TestFiles.Pdf("binder document"u8.ToArray());
        await client.AddEvidenceAsync(caseId, picture, "screenshot-one.png", new Dictionary<string, string>
        {
            ["Input.WhatItShows"] = "The post as it first appeared",
            ["Input.SourceUrl"] = Posted,
            ["Input.IncidentId"] = incidentId.ToString(),
        });
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await client.AddEvidenceAsync(caseId, document, "saved-report.pdf");

        var page = await client.GetAsync($"/cases/{caseId}/binder");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("#download-pdf"));
        Assert.Equal(10, page.Document.QuerySelectorAll("input[name='Input.Sections'][checked]").Length);

        using var response = await PostBinderAsync(client, caseId, "Pdf", EverySection, preparedFor: "Station 12", preset: "Police");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Matches(@"^record-\d{4}-\d{2}-\d{2}\.pdf$", response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.True(response.Headers.CacheControl!.NoStore);
        var pdf = PdfTools.Read(await response.Content.ReadAsByteArrayAsync());
        var text = pdf.FlatText;

        foreach (var heading in EveryHeading)
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }

        var pictureHash = Convert.ToHexStringLower(SHA256.HashData(picture));
        var documentHash = Convert.ToHexStringLower(SHA256.HashData(document));
        Assert.Contains("Station 12", text, StringComparison.Ordinal);
        Assert.Contains("Binder narrative marker", text, StringComparison.Ordinal);
        Assert.Contains(Posted, pdf.SqueezedText, StringComparison.Ordinal);
        Assert.Contains("Exhibit 1", text, StringComparison.Ordinal);
        Assert.Contains("Exhibit 2", text, StringComparison.Ordinal);
        Assert.Contains(username, text, StringComparison.Ordinal);
        Assert.Contains("The post as it first appeared", text, StringComparison.Ordinal);
        Assert.Contains("The first page of this PDF document.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PDF document: no picture to print", text, StringComparison.Ordinal);
        Assert.Contains($"1 {pictureHash} exhibit-001.png Matches", text, StringComparison.Ordinal);
        Assert.Contains($"2 {documentHash} exhibit-002.pdf Matches", text, StringComparison.Ordinal);
        Assert.True(CountOf(text, pictureHash) >= 2, "The picture's fingerprint is on its exhibit page and in the manifest.");
        Assert.Contains("Every exhibit matched its fingerprint.", text, StringComparison.Ordinal);
        Assert.Contains("sha256sum exhibit-001.png", text, StringComparison.Ordinal);
        Assert.Contains("certutil -hashfile exhibit-001.png SHA256", text, StringComparison.Ordinal);
        Assert.Contains("shasum -a 256 exhibit-001.png", text, StringComparison.Ordinal);
        Assert.All(pdf.Pages, p => Assert.EndsWith($"Page {p.Number} of {pdf.PageCount}", p.FlatText, StringComparison.Ordinal));

        await using var db = app.CreateDbContext();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence).ToListAsync();
        var made = events[^1];
        Assert.Equal("binder.made", made.Action);
        var head = events[^2];
        Assert.Contains($"Intact: every event's hash matches", text, StringComparison.Ordinal);
        Assert.Contains($"{head.Sequence} {Convert.ToHexStringLower(head.Hash)}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Station 12", made.Details, StringComparison.Ordinal);
        Assert.StartsWith("pdf preset:Police", made.Details, StringComparison.Ordinal);

        // The picture is printed at its own size on its exhibit's page: nothing scaled down on the way. The saved PDF's
        // first page (a square page) is drawn 1600 pixels across on the next. Those two are the binder's only images.
        Assert.Equal([new PdfImage(300, 200, IsMask: false)], pdf.Page(BookmarkedPage(pdf, "Exhibit 1")).Images);
        Assert.Equal([new PdfImage(1600, 1600, IsMask: false)], pdf.Page(BookmarkedPage(pdf, "Exhibit 2")).Images);
        Assert.Equal(2, pdf.Images.Count());
    }

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task The_contents_list_gives_the_page_each_section_and_exhibit_begins_on()
    {
        var (client, _, caseId) = await NewSurvivorReadyToPrintAsync();
        using var _ = client;
        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm("Contents narrative"));
        await client.AddSightingsAsync(caseId, $"{Posted}\n{Removed}", incidentId);
        var sizes = new[] { (Width: 300, Height: 200), (Width: 200, Height: 300), (Width: 64, Height: 64) };
        var pictures = sizes.Select(s => TestImages.Png(s.Width, s.Height)).ToArray();
        for (var i = 0; i < pictures.Length; i++)
        {
            await client.AddEvidenceAsync(caseId, pictures[i], $"contents-{i + 1}.png");
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        using var response = await PostBinderAsync(client, caseId, "Pdf", EverySection, preset: "Police");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = PdfTools.Read(await response.Content.ReadAsByteArrayAsync());

        // The contents page as printed: "2. Case summary ....... 3", "2. Exhibit 2 ....... 7". The bookmark for each
        // part opens the page the contents names.
        var lines = pdf.ContentsEntries(out var contentsPage).ToDictionary(e => e.Entry, e => e.Page, StringComparer.Ordinal);
        foreach (var heading in EveryHeading.Except(["About this record", "Contents"]))
        {
            Assert.True(lines.ContainsKey(heading), $"No page number for {heading} in the contents.");
            var page = lines[heading];
            Assert.True(page > contentsPage, $"{heading} is listed on page {page}.");
            Assert.Equal(page, pdf.FirstPageWith(heading, from: contentsPage + 1));
            Assert.Equal(page, BookmarkedPage(pdf, heading));
        }

        for (var number = 1; number <= pictures.Length; number++)
        {
            var page = lines[$"Exhibit {number}"];
            Assert.Equal(page, BookmarkedPage(pdf, $"Exhibit {number}"));
            var text = pdf.Page(page).FlatText;
            Assert.Contains($"Exhibit {number}", text, StringComparison.Ordinal);
            Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(pictures[number - 1])), text, StringComparison.Ordinal);
            // The exhibit's own picture is on its page, and no other.
            Assert.Equal([new PdfImage(sizes[number - 1].Width, sizes[number - 1].Height, IsMask: false)], pdf.Page(page).Images);
        }

        Assert.True(lines["Exhibit 3"] > lines["Exhibit 2"] && lines["Exhibit 2"] > lines["Exhibit 1"]);
        Assert.Equal(pdf.PageCount, lines["Verification appendix"]);

        // The outline follows the contents list: the binder, then every part in order, the exhibits under theirs.
        Assert.Equal(
            [("Evidence record", 0), .. EveryHeading[..7].Select(h => (h, 1)), ("Exhibit 1", 2), ("Exhibit 2", 2), ("Exhibit 3", 2), .. EveryHeading[7..].Select(h => (h, 1))],
            pdf.Bookmarks.Select(b => (b.Title, b.Level)));
    }

    [Fact]
    public async Task A_saved_pdf_shows_its_first_page_in_the_print_view_and_an_obscured_one_only_pixelated()
    {
        var (client, _, caseId) = await NewSurvivorReadyToPrintAsync();
        using var _ = client;
        await client.AddEvidenceAsync(caseId, TestFiles.Pdf("first page"u8.ToArray()), "report.pdf");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await client.AddEvidenceAsync(caseId, TestFiles.Pdf("second file"u8.ToArray()), "private.pdf");
        await using var db = app.CreateDbContext();
        var second = await db.EvidenceItems.Where(e => e.CaseId == caseId).OrderBy(e => e.ReceivedUtc).Select(e => e.Id).Skip(1).SingleAsync();

        using var response = await PostBinderAsync(client, caseId, "View", ["Exhibits"], redactions: new() { [second] = "Obscure" });
        var page = await AppClient.PageResult.ReadAsync(response);

        var first = page.Document.QuerySelector("#exhibit-1 img")!;
        Assert.Equal($"/cases/{caseId}/binder/resource/exhibit/1", first.GetAttribute("src"));
        Assert.Contains("first page", first.GetAttribute("alt")!, StringComparison.Ordinal);
        Assert.Contains("The first page of this PDF document.", page.Document.QuerySelector("#exhibit-1 figcaption")!.TextContent, StringComparison.Ordinal);
        var drawn = await client.Http.GetAsync(first.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, drawn.StatusCode);
        Assert.Equal("image/png", drawn.Content.Headers.ContentType!.MediaType);
        var png = await drawn.Content.ReadAsByteArrayAsync();
        Assert.Equal(1600, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));

        var obscured = page.Document.QuerySelector("#exhibit-2 img")!;
        Assert.Equal($"/cases/{caseId}/binder/resource/obscured/2", obscured.GetAttribute("src"));
        var tiny = await (await client.Http.GetAsync(obscured.GetAttribute("src"))).Content.ReadAsByteArrayAsync();
        Assert.Equal(ObscuredPicture.Width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(tiny.AsSpan(16)));
        AssertOnlyBlocks(tiny);
    }

    /// <summary>The picture is made only of <see cref="ObscuredPicture.BlockPixels"/>-pixel squares of one colour each.</summary>
    private static void AssertOnlyBlocks(byte[] png)
    {
        using var picture = SkiaSharp.SKBitmap.Decode(png);
        Assert.Equal(ObscuredPicture.Width, picture.Width);
        for (var y = 0; y < picture.Height; y++)
        {
            for (var x = 0; x < picture.Width; x++)
            {
                var corner = picture.GetPixel(x - (x % ObscuredPicture.BlockPixels), y - (y % ObscuredPicture.BlockPixels));
                Assert.True(corner == picture.GetPixel(x, y), $"The pixel at {x},{y} differs from its block's.");
            }
        }
    }

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task The_platform_preset_leaves_out_the_assessment_the_incident_log_and_the_letters()
    {
        var (client, _, caseId) = await NewSurvivorReadyToPrintAsync();
        using var _ = client;
        await client.AddIncidentAsync(caseId, app.IncidentForm("Platform preset narrative"));
        await client.AddSightingsAsync(caseId, Posted);

        using var presetResponse = await PostBinderAsync(client, caseId, "Preset", EverySection, preset: "Platform");
        var page = await AppClient.PageResult.ReadAsync(presetResponse);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var ticked = page.Document.QuerySelectorAll("input[name='Input.Sections'][checked]").Select(e => e.GetAttribute("value")).ToList();
        Assert.Equal(["Cover", "Contents", "Summary", "Exhibits", "Sightings", "Verification"], ticked);

        using var response = await PostBinderAsync(client, caseId, "Pdf", ticked!, preset: "Platform");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var platformPdf = PdfTools.Read(await response.Content.ReadAsByteArrayAsync());
        var text = platformPdf.FlatText;
        Assert.Contains("Case summary", text, StringComparison.Ordinal);
        Assert.Contains("Sightings and takedown log", text, StringComparison.Ordinal);
        Assert.Contains("Verification appendix", text, StringComparison.Ordinal);
        Assert.Contains(Posted, platformPdf.SqueezedText, StringComparison.Ordinal);
        Assert.DoesNotContain("Threat assessment", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Incident log", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Letters, finalised and sent", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Platform preset narrative", text, StringComparison.Ordinal);
        Assert.Equal(["Evidence record", "About this record", "Contents", "Case summary", "Exhibits", "Sightings and takedown log", "Verification appendix"], platformPdf.Bookmarks.Select(b => b.Title));

        // The person can still add a part the preset leaves out.
        using var withLog = await PostBinderAsync(client, caseId, "Pdf", [.. ticked!, "IncidentLog"], preset: "Platform");
        var withLogText = PdfTools.FlatText(await withLog.Content.ReadAsByteArrayAsync());
        Assert.Contains("Platform preset narrative", withLogText, StringComparison.Ordinal);
        Assert.DoesNotContain("Threat assessment", withLogText, StringComparison.Ordinal);
    }

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task Obscured_and_withheld_pictures_never_reach_the_pdf_and_a_shown_one_keeps_its_full_size()
    {
        var (client, _, caseId) = await NewSurvivorReadyToPrintAsync();
        using var _ = client;
        var shown = TestImages.Png(640, 480);
        var obscured = TestImages.Png(1080, 1920);
        var withheld = TestImages.Png(720, 1280);
        await client.AddEvidenceAsync(caseId, shown, "shown.png");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var obscuredId = await client.AddEvidenceAsync(caseId, obscured, "obscured.png");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var withheldId = await client.AddEvidenceAsync(caseId, withheld, "withheld-name-marker.png");

        using var response = await PostBinderAsync(client, caseId, "Pdf", ["Exhibits", "Verification"], redactions: new()
        {
            [obscuredId] = "Obscure",
            [withheldId] = "Withhold",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var read = PdfTools.Read(pdf);
        var text = read.FlatText;

        // Page by page: the shown picture whole on its exhibit's page, the obscured one only as its blocky copy on its
        // own, nothing on the withheld one's, and no picture anywhere else.
        Assert.Equal([new PdfImage(640, 480, IsMask: false)], read.Page(BookmarkedPage(read, "Exhibit 1")).Images);
        var pixelated = read.Page(BookmarkedPage(read, "Exhibit 2")).Images;
        Assert.NotEmpty(pixelated);
        Assert.All(pixelated, i => Assert.True(
            i.Width == ObscuredPicture.Width && i.Height == 28 * ObscuredPicture.BlockPixels, $"An image of {i.Width}x{i.Height} is in the PDF."));
        Assert.Empty(read.Page(BookmarkedPage(read, "Exhibit 3")).Images);
        Assert.Equal(1 + pixelated.Count, read.Images.Count());
        Assert.Contains("Obscured in this copy: heavily pixelated on purpose", text, StringComparison.Ordinal);
        Assert.Contains("Withheld from this copy", text, StringComparison.Ordinal);
        Assert.DoesNotContain("withheld-name-marker", text, StringComparison.Ordinal);
        foreach (var original in new[] { obscured, withheld })
        {
            Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(original)), text, StringComparison.Ordinal);
            var imageData = TestImages.PngImageData(original.Length == obscured.Length ? 1080 : 720, original.Length == obscured.Length ? 1920 : 1280);
            Assert.Equal(-1, pdf.AsSpan().IndexOf(imageData.AsSpan(0, 64)));
            Assert.Equal(-1, pdf.AsSpan().IndexOf(original.AsSpan(0, 64)));
        }

        // The print view asks the app for the pixelated rendering only; it is tiny and never cached.
        var tiny = await client.Http.GetAsync($"/cases/{caseId}/binder/resource/obscured/2");
        Assert.Equal(HttpStatusCode.OK, tiny.StatusCode);
        Assert.True(tiny.Headers.CacheControl!.NoStore);
        var png = await tiny.Content.ReadAsByteArrayAsync();
        Assert.Equal(TestImages.PngSignature, png[..8]);
        Assert.Equal(ObscuredPicture.Width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(28 * ObscuredPicture.BlockPixels, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        AssertOnlyBlocks(png);
    }

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task A_damaged_file_becomes_a_marked_problem_page_and_a_failure_in_the_appendix()
    {
        var (client, _, caseId) = await NewSurvivorReadyToPrintAsync();
        using var _ = client;
        var good = TestImages.Png(64, 64);
        var bad = TestImages.Png(96, 64);
        await client.AddEvidenceAsync(caseId, good, "good.png");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var badId = await client.AddEvidenceAsync(caseId, bad, "bad.png");
        await using (var db = app.CreateDbContext())
        {
            var blobId = await db.EvidenceItems.Where(e => e.Id == badId).Select(e => e.BlobId).SingleAsync();
            var path = Path.Combine(app.DataDirectory, "evidence", blobId.ToString("N") + ".blob");
            var bytes = await File.ReadAllBytesAsync(path);
            bytes[^20] ^= 0xFF;
            await File.WriteAllBytesAsync(path, bytes);
        }

        using var response = await PostBinderAsync(client, caseId, "Pdf", ["Exhibits", "Verification"]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = PdfTools.Read(await response.Content.ReadAsByteArrayAsync());
        var text = pdf.FlatText;

        Assert.Contains("Exhibit 2: problem found", text, StringComparison.Ordinal);
        Assert.Contains("Problem with this exhibit.", text, StringComparison.Ordinal);
        Assert.Contains($"1 {Convert.ToHexStringLower(SHA256.HashData(good))} exhibit-001.png Matches", text, StringComparison.Ordinal);
        Assert.Contains($"2 {Convert.ToHexStringLower(SHA256.HashData(bad))} exhibit-002.png FAILED", text, StringComparison.Ordinal);
        Assert.Contains("1 exhibit FAILED the check", text, StringComparison.Ordinal);
        Assert.Contains("Exhibit 2 FAILED: The stored file has been altered or damaged.", text, StringComparison.Ordinal);
        // The good picture on its exhibit's page; the damaged one nowhere.
        Assert.Equal([new PdfImage(64, 64, IsMask: false)], pdf.Page(BookmarkedPage(pdf, "Exhibit 1")).Images);
        Assert.Empty(pdf.Page(BookmarkedPage(pdf, "Exhibit 2: problem found")).Images);
        Assert.DoesNotContain(pdf.Images, i => i is { Width: 96 });
        await using var check = app.CreateDbContext();
        Assert.Contains("problems:1", (await check.AuditEvents.Where(e => e.CaseId == caseId && e.Action == "binder.made").SingleAsync()).Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_picture_starts_at_the_safest_choice_for_the_reader_and_the_person_can_still_show_it_in_full()
    {
        var (client, _, caseId) = await NewSurvivorReadyToPrintAsync();
        using var _ = client;
        var pictureId = await client.AddEvidenceAsync(caseId, TestImages.Png(40, 30), "picture.png");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await client.AddEvidenceAsync(caseId, TestFiles.Mp4(new byte[64]), "clip.mp4");

        // Nothing starts shown in full: a picture is obscured (withheld for a platform); a video, never drawn, is described.
        var expected = new Dictionary<string, (string Picture, string Video)>
        {
            ["MyRecords"] = ("Obscure", "None"),
            ["Police"] = ("Obscure", "None"),
            ["Lawyer"] = ("Obscure", "None"),
            ["Platform"] = ("Withhold", "Withhold"),
        };
        foreach (var (preset, (picture, video)) in expected)
        {
            var page = await client.GetAsync($"/cases/{caseId}/binder?preset={preset}");
            Assert.Equal(picture, page.Document.QuerySelector("#redaction-1 option[selected]")!.GetAttribute("value"));
            Assert.Equal(video, page.Document.QuerySelector("#redaction-2 option[selected]")!.GetAttribute("value"));
        }

        Assert.Contains("no picture starts out shown in full", (await client.GetAsync($"/cases/{caseId}/binder")).MainText, StringComparison.Ordinal);

        // Choosing a reader sets every picture to that reader's safest choice, whatever was chosen before.
        using var toPlatform = await PostBinderAsync(client, caseId, "Preset", EverySection, preset: "Platform");
        var platformPage = await AppClient.PageResult.ReadAsync(toPlatform);
        Assert.Equal("Withhold", platformPage.Document.QuerySelector("#redaction-1 option[selected]")!.GetAttribute("value"));

        // A file the form did not name (added after it was shown) gets the safest choice too.
        using var unnamed = await PostBinderAsync(client, caseId, "View", ["Exhibits"], preset: "Police", unnamedShownInFull: false);
        var obscured = await AppClient.PageResult.ReadAsync(unnamed);
        Assert.Equal($"/cases/{caseId}/binder/resource/obscured/1", obscured.Document.QuerySelector("#exhibit-1 img")!.GetAttribute("src"));

        // The person can still choose to show it in full.
        using var chosen = await PostBinderAsync(client, caseId, "View", ["Exhibits"], preset: "Police", redactions: new() { [pictureId] = "None" });
        var shown = await AppClient.PageResult.ReadAsync(chosen);
        Assert.Equal($"/cases/{caseId}/binder/resource/exhibit/1", shown.Document.QuerySelector("#exhibit-1 img")!.GetAttribute("src"));
    }

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task Long_unbroken_words_anywhere_in_the_case_wrap_and_never_shrink_every_page()
    {
        // Chromium shrinks every page of a print to fit its widest line: one long address in a letter had printed a
        // whole 181-page binder at 8.7 pt instead of 11 (and printed in parts, only the part holding it).
        var (client, _, caseId) = await NewSurvivorReadyToPrintAsync();
        using var _ = client;
        var token = string.Concat(Enumerable.Repeat("abcdefghij", 20));
        var address = "https://www.reddit.com/r/a/comments/" + token;
        var incidentId = await client.AddIncidentAsync(caseId, app.IncidentForm("Narrative " + token, ("Input.Url", address + "/post"), ("Input.AccountHandle", "u/" + token[..80])));
        await client.AddSightingsAsync(caseId, address, incidentId);
        await client.AddEvidenceAsync(caseId, TestImages.Png(30, 20), token[..100] + ".png");
        var letter = await FairPrintingTests<TApp>.DraftLetterAsync(client, caseId);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(letter, new Dictionary<string, string>(), "handler=Finalise")).Status);
        var sending = new Dictionary<string, string> { ["Send.Channel"] = "Form", ["Send.Reference"] = token[..90] };
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(letter, sending, "handler=Send")).Status);
        await using (var db = app.CreateDbContext())
        {
            Assert.Contains(token, await db.TakedownRequests.Where(r => r.CaseId == caseId).Select(r => r.FinalText!).FirstAsync(), StringComparison.Ordinal);
        }

        using var response = await PostBinderAsync(client, caseId, "Pdf", EverySection, title: "Record " + token[..60], preset: "Police");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(11.0, PdfTools.CommonTextSize(bytes));
        Assert.Contains(address, PdfTools.SqueezedText(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finalised_letters_are_in_the_binder_with_where_each_stands_and_a_draft_is_not()
    {
        var (client, _, caseId) = await NewSurvivorReadyToPrintAsync();
        using var _ = client;
        var sent = await FairPrintingTests<TApp>.DraftLetterAsync(client, caseId);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(sent, new Dictionary<string, string>(), "handler=Finalise")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(sent, new Dictionary<string, string> { ["Send.Channel"] = "Form" }, "handler=Send")).Status);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var finalised = await FairPrintingTests<TApp>.DraftLetterAsync(client, caseId);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(finalised, new Dictionary<string, string>(), "handler=Finalise")).Status);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        await FairPrintingTests<TApp>.DraftLetterAsync(client, caseId);

        using var response = await PostBinderAsync(client, caseId, "View", ["Letters"]);
        var page = await AppClient.PageResult.ReadAsync(response);
        var section = page.Document.QuerySelector("#section-letters")!;
        var text = string.Join(' ', section.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal("Letters, finalised and sent", section.QuerySelector("h2")!.TextContent);
        Assert.Contains("as sent", text, StringComparison.Ordinal);
        Assert.Contains("Sent, waiting for an answer", text, StringComparison.Ordinal);
        Assert.Contains("as finalised", text, StringComparison.Ordinal);
        Assert.Contains("Ready to send", text, StringComparison.Ordinal);
        Assert.Contains("Not marked as sent yet", text, StringComparison.Ordinal);
        Assert.DoesNotContain("No letters have been", text, StringComparison.Ordinal);

        // Numbered as in the takedown log: the sent letter R1, the finalised one R2; the draft (R3) has no words fixed yet.
        Assert.Contains("Request R1", text, StringComparison.Ordinal);
        Assert.Contains("Request R2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Request R3", text, StringComparison.Ordinal);
        Assert.Equal(2, section.QuerySelectorAll("table caption").Count(c => c.TextContent.EndsWith(", as sent", StringComparison.Ordinal) || c.TextContent.EndsWith(", as finalised", StringComparison.Ordinal)));
        await using var db = app.CreateDbContext();
        var finalText = await db.TakedownRequests.Where(r => r.CaseId == caseId && r.FinalText != null).Select(r => r.FinalText!).FirstAsync();
        var longestLine = finalText.Split('\n').Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).MaxBy(l => l.Length)!;
        Assert.Contains(longestLine, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_keeps_what_was_typed_when_something_needs_fixing()
    {
        var (client, _, caseId) = await NewSurvivorReadyToPrintAsync();
        using var _ = client;
        await client.AddEvidenceAsync(caseId, TestImages.Png(8, 8), "a.png");
        var evidenceId = await FirstEvidenceAsync(caseId);

        using var response = await PostBinderAsync(client, caseId, "Pdf", [], title: "", preparedFor: "Kept typing", preset: "Lawyer", redactions: new() { [evidenceId] = "Withhold" });
        var page = await AppClient.PageResult.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var errors = page.Document.QuerySelector("#error-summary")!.TextContent;
        Assert.Contains("Please give the binder a title", errors, StringComparison.Ordinal);
        Assert.Contains("at least one part", errors, StringComparison.Ordinal);
        Assert.Equal("Kept typing", page.FieldValue("Input.PreparedFor"));
        Assert.NotNull(page.Document.QuerySelector("input[name='Input.Preset'][value='Lawyer'][checked]"));
        Assert.Equal("Withhold", page.Document.QuerySelector("#redaction-1 option[selected]")!.GetAttribute("value"));
        await using var db = app.CreateDbContext();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.CaseId == caseId && e.Action == "binder.made"));
    }

    [Fact]
    public async Task The_print_view_is_the_same_binder_as_a_page_with_its_pictures_from_the_app()
    {
        var (client, _, caseId) = await NewSurvivorReadyToPrintAsync();
        using var _ = client;
        var picture = TestImages.Png(40, 30);
        await client.AddEvidenceAsync(caseId, picture, "view.png");

        using var response = await PostBinderAsync(client, caseId, "View", EverySection, title: "Notes for Tuesday");
        var page = await AppClient.PageResult.ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal("Notes for Tuesday", page.Document.QuerySelector("h1")!.TextContent);
        foreach (var heading in EveryHeading)
        {
            Assert.Contains(page.Document.QuerySelectorAll("h2"), h => h.TextContent == heading);
        }

        Assert.Contains("Print", page.Document.QuerySelector(".screen-only")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("script"));
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Matches("style-src 'self' 'sha256-[A-Za-z0-9+/=]+'", csp);
        var style = page.Document.QuerySelector("style")!.TextContent;
        Assert.Contains(Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(style))), csp, StringComparison.Ordinal);
        var src = page.Document.QuerySelector("article.exhibit img")!.GetAttribute("src")!;
        Assert.Equal($"/cases/{caseId}/binder/resource/exhibit/1", src);
        var image = await client.Http.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.True(image.Headers.CacheControl!.NoStore);
        Assert.Equal(picture, await image.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData(CaseRole.Advocate)]
    [InlineData(CaseRole.Helper)]
    [InlineData(CaseRole.Viewer)]
    public async Task Only_those_who_may_export_can_make_a_binder(CaseRole role)
    {
        var (client, _, caseId) = await NewSurvivorReadyToPrintAsync();
        using var _ = client;
        await client.AddEvidenceAsync(caseId, TestImages.Png(8, 8), "a.png");
        var token = await client.AntiforgeryTokenAsync($"/cases/{caseId}/binder");
        await using var db = app.CreateDbContext();
        await db.CaseMembers.Where(m => m.CaseId == caseId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, role));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{caseId}/binder")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{caseId}/binder/resource/exhibit/1")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{caseId}/binder/resource/obscured/1")).Status);
        foreach (var handler in new[] { "Pdf", "View", "Preset" })
        {
            var post = await client.PostAsync($"/cases/{caseId}/binder?handler={handler}", new Dictionary<string, string>
            {
                ["__rvt"] = token,
                ["Input.Title"] = "Evidence record",
                ["Input.Sections"] = "Exhibits",
            });
            Assert.Equal(HttpStatusCode.NotFound, post.Status);
        }

        Assert.False(await db.AuditEvents.AnyAsync(e => e.CaseId == caseId && e.Action == "binder.made"));
        var dashboard = await client.GetAsync($"/cases/{caseId}");
        var step = dashboard.Document.QuerySelectorAll("ol.steps > li").Single(li => li.TextContent.Contains("Evidence binder", StringComparison.Ordinal));
        Assert.Null(step.QuerySelector("a"));
    }

    /// <summary>A survivor with a case who has re-entered their passphrase, as the binder page asks first.</summary>
    [Trait("Category", "Chromium")]
    [Fact]
    public async Task The_assessment_summary_reports_the_answers_in_the_third_person_and_leaves_the_level_out_unless_chosen()
    {
        var (client, _, caseId) = await NewSurvivorReadyToPrintAsync();
        using var _ = client;
        await client.CompleteAssessmentAsync(caseId, AssessmentJourneys.AllAnswered(
            Domain.Safety.ThreatAnswer.No,
            (Domain.Safety.ThreatQuestionnaire.AfraidNow, Domain.Safety.ThreatAnswer.NotSure),
            (Domain.Safety.ThreatQuestionnaire.Weapons, Domain.Safety.ThreatAnswer.Yes)));
        var page = await client.GetAsync($"/cases/{caseId}/binder");
        Assert.Null(page.Document.QuerySelector("input[name='Input.IncludeRiskLevel'][checked]"));
        Assert.NotNull(page.Document.QuerySelector("input[name='Input.IncludeRiskLevel']"));

        using var byDefault = await PostBinderAsync(client, caseId, "Pdf", ["ThreatAssessment"]);
        var text = PdfTools.FlatText(await byDefault.Content.ReadAsByteArrayAsync());

        Assert.Contains("Threat assessment summary", text, StringComparison.Ordinal);
        Assert.Contains("The survivor said the other person has or could easily get a weapon.", text, StringComparison.Ordinal);
        Assert.Contains("The survivor was not sure whether they are afraid for their safety right now.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Immediate danger", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Score", text, StringComparison.Ordinal);
        Assert.DoesNotContain("You said", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Because you", text, StringComparison.Ordinal);

        using var chosen = await PostBinderAsync(client, caseId, "Pdf", ["ThreatAssessment"], includeRiskLevel: true);
        var withLevel = PdfTools.FlatText(await chosen.Content.ReadAsByteArrayAsync());

        Assert.Contains("Immediate danger", withLevel, StringComparison.Ordinal);
        Assert.Contains("Score", withLevel, StringComparison.Ordinal);
        Assert.Contains("The survivor said the other person has or could easily get a weapon.", withLevel, StringComparison.Ordinal);
    }

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task Contacts_and_demands_read_back_from_the_pdf_in_order_with_each_deadline()
    {
        var (client, _, caseId) = await NewSurvivorReadyToPrintAsync();
        using var _ = client;
        await client.AddIncidentAsync(caseId, app.IncidentForm(
            "First demand", ("Kind", "DemandOrExtortion"), ("OccurredOn", app.Day(3)), ("FoundOn", app.Day(3)), ("Demands[0]", "Money"),
            ("AmountAsked", "300 pounds"), ("PaymentMethodAsked", "gift cards"), ("DeadlineOn", app.Day(-2)), ("DeadlineAt", "18:00")));
        await client.AddIncidentAsync(caseId, app.IncidentForm(
            "Second threat", ("Kind", "Threat"), ("OccurredOn", app.Day(2)), ("FoundOn", app.Day(2)), ("Threats[0]", "SendToFamilyOrEmployer"),
            ("PaidAmount", "50 pounds"), ("PaidReference", "REF-77")));

        using var response = await PostBinderAsync(client, caseId, "Pdf", ["IncidentLog", "ContactsAndDemands"]);
        var text = PdfTools.FlatText(await response.Content.ReadAsByteArrayAsync());

        var section = text.IndexOf("Contact and demands", StringComparison.Ordinal);
        Assert.True(section > text.IndexOf("Incident log", StringComparison.Ordinal), "The contacts follow the incident log.");
        var deadline = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(2);
        Assert.Contains($"{Domain.Incidents.IncidentWording.Date(deadline)}, 18:00 London time", text[section..], StringComparison.Ordinal);
        Assert.Contains("Money: 300 pounds, by gift cards", text[section..], StringComparison.Ordinal);
        Assert.Contains("50 pounds; reference REF-77", text[section..], StringComparison.Ordinal);
        Assert.True(text.IndexOf("Contact 1", section, StringComparison.Ordinal) < text.IndexOf("Contact 2", section, StringComparison.Ordinal));
    }

    private async Task<(AppClient Client, string Username, Guid CaseId)> NewSurvivorReadyToPrintAsync()
    {
        var (client, username, caseId) = await app.NewSurvivorWithCaseAsync();
        await client.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        return (client, username, caseId);
    }

    private async Task<Guid> FirstEvidenceAsync(Guid caseId)
    {
        await using var db = app.CreateDbContext();
        return await db.EvidenceItems.Where(e => e.CaseId == caseId).Select(e => e.Id).SingleAsync();
    }

    /// <summary>
    /// Posts the binder form as a browser does: every ticked part as its own value of <c>Input.Sections</c>, and a choice
    /// for every exhibit (those <paramref name="redactions"/> does not name, "Show in full", unless
    /// <paramref name="unnamedShownInFull"/> is false: then they are not sent, as for a file added after the form was shown).
    /// </summary>
    private async Task<HttpResponseMessage> PostBinderAsync(
        AppClient client,
        Guid caseId,
        string handler,
        IEnumerable<string> sections,
        string title = "Evidence record",
        string preparedFor = "",
        string preset = "MyRecords",
        Dictionary<Guid, string>? redactions = null,
        bool includeRiskLevel = false,
        bool unnamedShownInFull = true)
    {
        redactions = new Dictionary<Guid, string>(redactions ?? []);
        if (unnamedShownInFull)
        {
            await using var db = app.CreateDbContext();
            foreach (var id in await db.EvidenceItems.Where(e => e.CaseId == caseId).Select(e => e.Id).ToListAsync())
            {
                redactions.TryAdd(id, "None");
            }
        }

        var token = await client.AntiforgeryTokenAsync($"/cases/{caseId}/binder");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__rvt", token),
            new("Input.Preset", preset),
            new("Input.Title", title),
            new("Input.PreparedBy", ""),
            new("Input.PreparedFor", preparedFor),
        };
        fields.AddRange(sections.Select(s => new KeyValuePair<string, string>("Input.Sections", s)));
        if (includeRiskLevel)
        {
            fields.Add(new("Input.IncludeRiskLevel", "true"));
        }

        foreach (var (id, redaction) in redactions)
        {
            fields.Add(new($"Input.Redactions[{id}]", redaction));
        }

        var pressed = await client.Http.PostAsync($"/cases/{caseId}/binder?handler={handler}", new FormUrlEncodedContent(fields));
        return await BinderJobClient.FollowAsync(client.Http, pressed);
    }

    /// <summary>The page the bookmark titled <paramref name="title"/> opens.</summary>
    private static int BookmarkedPage(PrintedPdf pdf, string title) => pdf.Bookmarks.Single(b => b.Title == title).Page!.Value;

    private static int CountOf(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}

public sealed class BinderTestsOnSqlite(SqliteApp app) : BinderTests<SqliteApp>(app);

public sealed class BinderTestsOnPostgres(PostgresApp app) : BinderTests<PostgresApp>(app);
