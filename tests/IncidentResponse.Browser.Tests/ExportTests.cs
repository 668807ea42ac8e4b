using System.IO.Compression;
using System.Security.Cryptography;
using IncidentResponse.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

/// <summary>
/// "Download everything" in a real browser: asked for the passphrase once, then its binder is made on a progress page
/// (ADR 0024), and the ZIP downloads from there.
/// </summary>
[Collection(WithApp.Name)]
public sealed class ExportTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task Download_everything_asks_for_the_passphrase_again_then_saves_a_zip_with_the_file_unchanged() => RunAsync(async () =>
    {
        await Page.SignUpAsync(Journeys.NewUsername());
        var caseUrl = await Page.CreateCaseAsync("Spring notes");
        var png = TestImages.Png(20, 10);
        await Page.GotoAsync(caseUrl + "/evidence/add");
        await Page.GetByLabel("The file").SetInputFilesAsync(new FilePayload { Name = "screenshot.png", MimeType = "image/png", Buffer = png });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add this file" }).ClickAsync();
        await Expect(Page.Locator("#sha256")).ToHaveTextAsync(Convert.ToHexStringLower(SHA256.HashData(png)));

        await Page.GotoAsync(caseUrl);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Download everything" }).ClickAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("Download everything");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Download everything (ZIP)" }).ClickAsync();

        await Expect(Page.Heading()).ToHaveTextAsync("Enter your passphrase again");
        await Page.GetByLabel("Passphrase").FillAsync(Journeys.Passphrase);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Expect(Page.Heading()).ToHaveTextAsync("Download everything");
        await Expect(Page.Locator("#confirmed")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Download everything (ZIP)" }).ClickAsync();

        // The binder inside it is made first, on a page that shows how far along it is and ends with the ZIP's button.
        await Expect(Page.Heading()).ToHaveTextAsync("Your download");
        await Expect(Page.Locator("#job-progress-text")).ToHaveTextAsync("Your download is ready.", new() { Timeout = 120_000 });
        var download = await Page.RunAndWaitForDownloadAsync(async () =>
        {
            await Page.GetByRole(AriaRole.Button, new() { Name = "Download everything (ZIP)" }).ClickAsync();
            Assert.StartsWith("Starting your download…", await Page.EvaluateAsync<string>("() => document.getElementById('zip-preparing').textContent"), StringComparison.Ordinal);
        });
        await Expect(Page.Locator("#zip-preparing")).ToContainTextAsync("Your download has started.");
        Assert.Matches("^records-\\d{4}-\\d{2}-\\d{2}\\.zip$", download.SuggestedFilename);
        await using var zip = await ZipFile.OpenReadAsync(await download.PathAsync());
        var exhibit = zip.GetEntry("exhibit-001.png")!;
        await using var stream = await exhibit.OpenAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(png, copy.ToArray());
        Assert.NotNull(zip.GetEntry("case.json"));
        Assert.NotNull(zip.GetEntry("manifest.sha256"));
        Assert.NotNull(zip.GetEntry("binder.pdf"));
    });
}
