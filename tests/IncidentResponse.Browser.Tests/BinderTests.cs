using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using IncidentResponse.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

/// <summary>The evidence binder from the dashboard: chosen, downloaded as a PDF, and opened as a print view.</summary>
[Collection(WithApp.Name)]
public sealed partial class BinderTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task A_binder_is_downloaded_from_the_dashboard_and_its_print_view_opens_beside_it() => RunAsync(async () =>
    {
        await Page.SignUpAsync(Journeys.NewUsername());
        var caseUrl = await Page.CreateCaseAsync("Spring notes");
        var png = EvidenceTests.Png(480, 270, ramp: true);
        await Page.GotoAsync(caseUrl + "/evidence/add");
        await Page.GetByLabel("Web address", new() { Exact = true }).FillAsync("https://forum.example/post/1");
        await Page.GetByLabel("What it shows (optional)").FillAsync("The post as it first appeared");
        await Page.GetByLabel("The file").SetInputFilesAsync(new FilePayload { Name = "screenshot.png", MimeType = "image/png", Buffer = png });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add this file" }).ClickAsync();

        await Page.GotoAsync(caseUrl);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Evidence binder" }).ClickAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("Enter your passphrase again");
        await Page.GetByLabel("Passphrase").FillAsync(Journeys.Passphrase);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(BinderPage());
        await Expect(Page.Heading()).ToHaveTextAsync("Evidence binder");
        await Page.GetByLabel("For the police").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Tick the parts for this reader" }).ClickAsync();
        await Expect(Page.GetByLabel("Threat assessment summary")).ToBeCheckedAsync();
        await Page.GetByLabel("Title").FillAsync("Notes for the appointment");
        await Page.GetByLabel("Prepared for (optional)").FillAsync("Station 12");

        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Button, new() { Name = "Download the PDF" }).ClickAsync(),
            new PageRunAndWaitForDownloadOptions { Timeout = 60_000 });
        Assert.Matches(@"^record-\d{4}-\d{2}-\d{2}\.pdf$", download.SuggestedFilename);
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        var text = await PdfTextAsync(pdf);
        Assert.Contains("Notes for the appointment", text, StringComparison.Ordinal);
        Assert.Contains("Station 12", text, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(png)), text, StringComparison.Ordinal);
        Assert.Contains("Verification appendix", text, StringComparison.Ordinal);

        var view = await Page.RunAndWaitForPopupAsync(() =>
            Page.GetByRole(AriaRole.Button, new() { Name = "Open the print view" }).ClickAsync());
        await view.SetViewportSizeAsync(820, 1100);
        await Expect(view.Locator("h1")).ToHaveTextAsync("Notes for the appointment");
        var picture = view.Locator("article.exhibit img");
        await Expect(picture).ToHaveJSPropertyAsync("naturalWidth", 480);
        await Expect(view.Locator(".screen-only")).ToContainTextAsync("Print");
        Assert.Equal("rgb(242, 242, 242)", await view.Locator(".screen-only").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Output.WriteLine(await Screenshots.SaveForGuideAsync(view, "binder"));
    });

    [GeneratedRegex("/cases/[0-9a-f-]{36}/binder$")]
    private static partial Regex BinderPage();

    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ir-browser-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add("-raw");
            start.ArgumentList.Add(path);
            start.ArgumentList.Add("-");
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return string.Join(' ', output.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
