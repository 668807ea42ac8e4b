using System.Security.Cryptography;
using System.Text.RegularExpressions;
using IncidentResponse.Browser.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
        var png = TestImages.RampPng(480, 270);
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
        // For the police a picture starts obscured; this one is safe to show in full.
        var choice = Page.GetByLabel("Exhibit 1: screenshot.png");
        await Expect(choice).ToHaveValueAsync("Obscure");
        await choice.SelectOptionAsync("None");
        await Page.GetByLabel("Title").FillAsync("Notes for the appointment");
        await Page.GetByLabel("Prepared for (optional)").FillAsync("Station 12");

        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Button, new() { Name = "Download the PDF" }).ClickAsync(),
            new PageRunAndWaitForDownloadOptions { Timeout = 60_000 });
        Assert.Matches(@"^record-\d{4}-\d{2}-\d{2}\.pdf$", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        var pdf = PdfTools.Read(bytes);
        var text = pdf.FlatText;
        Assert.Equal("Notes for the appointment", pdf.Title);
        Assert.Contains("Station 12", text, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(png)), text, StringComparison.Ordinal);
        Assert.Contains("Verification appendix", text, StringComparison.Ordinal);
        // Shown in full as chosen: the picture whole, on the page its exhibit's bookmark opens, and no other picture.
        var exhibit = pdf.Bookmarks.Single(b => b.Title == "Exhibit 1");
        Assert.Equal([new PdfImage(480, 270, IsMask: false)], pdf.Page(exhibit.Page!.Value).Images);
        Assert.Single(pdf.Images);
        // The police preset's parts, each with its bookmark.
        Assert.Contains(pdf.Bookmarks, b => b.Title == "Threat assessment summary");

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

    [Fact]
    public Task Pressing_download_twice_shows_that_the_binder_is_being_prepared_and_makes_one_binder_and_one_download() => RunAsync(async () =>
    {
        await Page.SignUpAsync(Journeys.NewUsername());
        var caseUrl = await Page.CreateCaseAsync("Spring notes");
        var caseId = Guid.Parse(caseUrl.Split('/')[^1]);
        await Page.GotoAsync(caseUrl + "/evidence/add");
        await Page.GetByLabel("The file").SetInputFilesAsync(new FilePayload { Name = "screenshot.png", MimeType = "image/png", Buffer = TestImages.Png(64, 48) });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add this file" }).ClickAsync();
        await Page.GotoAsync(caseUrl + "/binder");
        await Page.GetByLabel("Passphrase").FillAsync(Journeys.Passphrase);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(BinderPage());
        await Page.WaitForScriptAsync();

        var downloads = new List<IDownload>();
        Page.Download += (_, d) => downloads.Add(d);
        var button = Page.GetByRole(AriaRole.Button, new() { Name = "Download the PDF" });
        var note = Page.Locator("#binder-preparing");
        // Everything the note and the button went through is recorded by the page itself, so a binder made faster than
        // this test can look still shows whether "Preparing…" was said and the button was held.
        await Page.EvaluateAsync(@"() => {
            const n = document.getElementById('binder-preparing'), b = document.getElementById('download-pdf');
            window.__seen = [];
            const record = () => window.__seen.push([n.textContent, n.getAttribute('role'), String(b.disabled)]);
            new MutationObserver(record).observe(n, { childList: true, characterData: true, subtree: true });
            new MutationObserver(record).observe(b, { attributes: true, attributeFilter: ['disabled'] });
        }");
        var download = await Page.RunAndWaitForDownloadAsync(
            async () =>
            {
                // Two presses in quick succession, as an impatient or shaky finger does.
                await button.DblClickAsync();
            },
            new PageRunAndWaitForDownloadOptions { Timeout = 60_000 });

        // Once the download starts the note says so and the button can be pressed again.
        await Expect(note).ToHaveTextAsync("Your binder is downloading. Look in your browser's downloads.");
        await Expect(button).ToBeEnabledAsync();
        var seen = await Page.EvaluateAsync<string[][]>("() => window.__seen");
        const string Preparing = "Preparing your binder… this can take a minute; you can keep this page open.";
        Assert.Contains(seen, s => s[0] == Preparing && s[1] == "status" && s[2] == "true");
        Assert.Equal(Preparing, seen[0][0]);
        Assert.Equal("Your binder is downloading. Look in your browser's downloads.", seen[^1][0]);
        Assert.Equal("false", seen[^1][2]);
        Assert.Equal("%PDF"u8.ToArray(), (await File.ReadAllBytesAsync((await download.PathAsync())!))[..4]);
        await Expect(Page.Heading()).ToHaveTextAsync("Evidence binder");

        // One download, and the server made one binder.
        await Task.Delay(1000);
        Assert.Single(downloads);
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IncidentResponse.Domain.Data.AppDbContext>();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.CaseId == caseId && e.Action == "binder.made"));
    });

    [Fact]
    public Task Without_javascript_the_plain_form_still_downloads_the_binder() => RunAsync(async () =>
    {
        var context = await NewContextAsync(javaScriptEnabled: false);
        var page = await context.NewPageAsync();
        await page.SignUpAsync(Journeys.NewUsername());
        var caseUrl = await page.CreateCaseAsync("Spring notes");
        await page.GotoAsync(caseUrl + "/binder");
        await page.GetByLabel("Passphrase").FillAsync(Journeys.Passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(BinderPage());
        await Expect(page.Locator("html")).Not.ToHaveClassAsync(Journeys.ScriptRan());

        var download = await page.RunAndWaitForDownloadAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Download the PDF" }).ClickAsync(),
            new PageRunAndWaitForDownloadOptions { Timeout = 60_000 });

        Assert.Equal("%PDF"u8.ToArray(), (await File.ReadAllBytesAsync((await download.PathAsync())!))[..4]);
        Assert.Equal("", await page.Locator("#binder-preparing").TextContentAsync());
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name.Contains("ir-download", StringComparison.Ordinal));
    });

    [GeneratedRegex("/cases/[0-9a-f-]{36}/binder$")]
    private static partial Regex BinderPage();
}
