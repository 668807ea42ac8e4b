using System.Net;
using System.Security.Cryptography;
using IncidentResponse.Documents.Binder;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Web.Security;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IncidentResponse.Web.Tests;

/// <summary>A server with neither Chromium nor poppler's pdftoppm: the print view still works, obscures pictures, and says plainly what it cannot show.</summary>
public sealed class BinderWithoutToolsApp : SqliteApp
{
    public BinderWithoutToolsApp()
    {
        Set("Binder:ChromiumPath", "/nonexistent/chromium");
        Set("Binder:PdftoppmPath", "/nonexistent/pdftoppm");
    }
}

public sealed class BinderWithoutToolsTests(BinderWithoutToolsApp app) : IClassFixture<BinderWithoutToolsApp>
{
    [Fact]
    public async Task An_obscured_picture_is_pixelated_by_the_app_itself_and_never_served_in_full()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        var picture = TestImages.RampPng(120, 80);
        var id = await client.AddEvidenceAsync(caseId, picture, "obscure-me.png");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var shown = TestImages.Png(40, 30);
        var shownId = await client.AddEvidenceAsync(caseId, shown, "shown.png");

        var page = await PostViewAsync(client, caseId, new Dictionary<string, string>
        {
            [$"Input.Redactions[{id}]"] = "Obscure",
            [$"Input.Redactions[{shownId}]"] = "None",
        });

        // No Chromium here, yet the obscured copy is made (by SkiaSharp) and is the only picture of exhibit 1.
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var exhibit = page.Document.QuerySelector("#exhibit-1")!;
        Assert.Equal($"/cases/{caseId}/binder/resource/obscured/1", exhibit.QuerySelector("img")!.GetAttribute("src"));
        Assert.Contains("Obscured in this copy: heavily pixelated on purpose", exhibit.TextContent, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(picture)), exhibit.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("/binder/resource/exhibit/1", page.Html, StringComparison.Ordinal);
        using var obscured = await client.Http.GetAsync($"/cases/{caseId}/binder/resource/obscured/1");
        Assert.Equal(HttpStatusCode.OK, obscured.StatusCode);
        Assert.Equal("image/png", obscured.Content.Headers.ContentType!.MediaType);
        using var blocks = SkiaSharp.SKBitmap.Decode(await obscured.Content.ReadAsByteArrayAsync());
        Assert.Equal((ObscuredPicture.Width, 11 * ObscuredPicture.BlockPixels), (blocks.Width, blocks.Height));
        Assert.True(blocks.GetPixel(8, 8).Red < blocks.GetPixel(ObscuredPicture.Width - 8, 8).Red, "The ramp's dark left and light right survive only as blocks.");

        // The picture that is not obscured still shows, from the app.
        Assert.Equal($"/cases/{caseId}/binder/resource/exhibit/2", page.Document.QuerySelector("#exhibit-2 img")!.GetAttribute("src"));
    }

    [Fact]
    public async Task A_picture_whose_pixels_cannot_be_decoded_gets_a_marked_box_for_its_obscured_copy_and_its_original_stays_bit_exact()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        var damaged = DamagedImages.UnreadablePixels();
        var id = await client.AddEvidenceAsync(caseId, damaged, "damaged.png");

        var page = await PostViewAsync(client, caseId, new Dictionary<string, string> { [$"Input.Redactions[{id}]"] = "Obscure" });

        Assert.Equal($"/cases/{caseId}/binder/resource/obscured/1", page.Document.QuerySelector("#exhibit-1 img")!.GetAttribute("src"));
        using var obscured = await client.Http.GetAsync($"/cases/{caseId}/binder/resource/obscured/1");
        Assert.Equal(HttpStatusCode.OK, obscured.StatusCode);
        Assert.Equal("image/svg+xml", obscured.Content.Headers.ContentType!.MediaType);
        var box = await obscured.Content.ReadAsStringAsync();
        Assert.Contains("The obscured copy of this picture", box, StringComparison.Ordinal);
        Assert.Contains("kept exactly as received", box, StringComparison.Ordinal);
        using var original = await client.DownloadEvidenceAsync(caseId, id);
        Assert.Equal(damaged, await original.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_saved_pdf_is_described_in_words_when_its_first_page_cannot_be_drawn()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        var document = TestFiles.Pdf("no tool here"u8.ToArray());
        await client.AddEvidenceAsync(caseId, document, "report.pdf");

        var page = await PostViewAsync(client, caseId, []);

        var exhibit = page.Document.QuerySelector("#exhibit-1")!;
        Assert.Null(exhibit.QuerySelector("img"));
        var placeholder = exhibit.QuerySelector(".exhibit-placeholder")!.TextContent;
        Assert.Contains("This exhibit is a PDF file. Its first page could not be shown here", placeholder, StringComparison.Ordinal);
        Assert.Contains("in the case's export", placeholder, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(document)), exhibit.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{caseId}/binder/resource/exhibit/1")).Status);
    }

    [Fact]
    public async Task Download_everything_without_a_printer_still_makes_one_ZIP_at_a_time_per_person()
    {
        var (client, username, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.ConfirmPassphraseAsync($"/cases/{caseId}/export");
        await using (var db = app.CreateDbContext())
        {
            var userId = await db.Users.AsNoTracking().Where(u => u.UserName == username).Select(u => u.Id).SingleAsync();

            // This person's one binder slot is taken (a ZIP still streaming): a second press is kindly turned away.
            using (app.Services.GetRequiredService<FairPrinting>().TryStart(userId, PrintKind.Binder))
            {
                using var second = await client.PressExportButtonAsync(caseId);
                var page = await AppClient.PageResult.ReadAsync(second);
                Assert.Equal(HttpStatusCode.TooManyRequests, page.Status);
                Assert.Contains("still making your last document", page.MainText, StringComparison.Ordinal);
                Assert.Equal(0, await db.AuditEvents.CountAsync(e => e.CaseId == caseId && e.Action == AuditActions.CaseExported));
            }
        }

        // Without Chromium the export page streams the ZIP itself, once the slot is free.
        using var zip = await client.PressExportButtonAsync(caseId);
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<AppClient.PageResult> PostViewAsync(AppClient client, Guid caseId, Dictionary<string, string> extra)
    {
        var token = await client.AntiforgeryTokenAsync($"/cases/{caseId}/binder");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__rvt", token),
            new("Input.Preset", "MyRecords"),
            new("Input.Title", "Evidence record"),
            new("Input.Sections", "Exhibits"),
        };
        fields.AddRange(extra);
        using var response = await client.Http.PostAsync($"/cases/{caseId}/binder?handler=View", new FormUrlEncodedContent(fields));
        return await AppClient.PageResult.ReadAsync(response);
    }
}
