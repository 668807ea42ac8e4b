using System.Net;
using System.Security.Cryptography;
using IncidentResponse.Web.Tests.Infrastructure;

namespace IncidentResponse.Web.Tests;

/// <summary>A server with neither Chromium nor poppler's pdftoppm: the print view still works and says plainly what it cannot show.</summary>
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
    public async Task An_obscured_picture_is_a_marked_placeholder_with_the_original_fingerprint_never_the_original()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        await client.ConfirmPassphraseAsync($"/cases/{caseId}/binder");
        var picture = TestImages.Png(120, 80);
        var id = await client.AddEvidenceAsync(caseId, picture, "obscure-me.png");
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var shown = TestImages.Png(40, 30);
        var shownId = await client.AddEvidenceAsync(caseId, shown, "shown.png");

        var page = await PostViewAsync(client, caseId, new Dictionary<string, string>
        {
            [$"Input.Redactions[{id}]"] = "Obscure",
            [$"Input.Redactions[{shownId}]"] = "None",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var exhibit = page.Document.QuerySelector("#exhibit-1")!;
        Assert.Null(exhibit.QuerySelector("img"));
        var placeholder = exhibit.QuerySelector(".exhibit-placeholder")!.TextContent;
        Assert.Contains("Obscured in this copy", placeholder, StringComparison.Ordinal);
        Assert.Contains("can only be made when the server can print", placeholder, StringComparison.Ordinal);
        Assert.Contains("The original's SHA-256 is " + Convert.ToHexStringLower(SHA256.HashData(picture)), placeholder, StringComparison.Ordinal);
        Assert.DoesNotContain("/binder/resource/exhibit/1", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("/binder/resource/obscured/1", page.Html, StringComparison.Ordinal);

        // The picture that is not obscured still shows, from the app.
        Assert.Equal($"/cases/{caseId}/binder/resource/exhibit/2", page.Document.QuerySelector("#exhibit-2 img")!.GetAttribute("src"));
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
