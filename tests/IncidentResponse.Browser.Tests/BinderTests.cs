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
        async Task ChooseAsync()
        {
            await Page.GetByLabel("For the police").CheckAsync();
            await Page.GetByRole(AriaRole.Button, new() { Name = "Tick the parts for this reader" }).ClickAsync();
            await Expect(Page.GetByLabel("Threat assessment summary")).ToBeCheckedAsync();
            // For the police a picture starts obscured; this one is safe to show in full.
            var choice = Page.GetByLabel("Exhibit 1: screenshot.png");
            await Expect(choice).ToHaveValueAsync("Obscure");
            await choice.SelectOptionAsync("None");
            await Page.GetByLabel("Title").FillAsync("Notes for the appointment");
            await Page.GetByLabel("Prepared for (optional)").FillAsync("Station 12");
        }

        await ChooseAsync();

        // The press goes at once to the binder's progress page; the download is offered there when it is ready.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Download the PDF" }).ClickAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("Your binder");
        var ready = Page.GetByRole(AriaRole.Link, new() { Name = "Download the PDF" });
        await Expect(ready).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var download = await Page.RunAndWaitForDownloadAsync(() => ready.ClickAsync());
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

        // Back on the binder page (a fresh form), the same choices open the print view.
        await Page.GotoAsync(caseUrl + "/binder");
        await ChooseAsync();
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
    public Task At_390_px_the_press_shows_the_binders_progress_and_then_its_download() => RunAsync(async () =>
    {
        await Page.SetViewportSizeAsync(390, 844);
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

        await Page.GetByRole(AriaRole.Button, new() { Name = "Download the PDF" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(JobPage());
        await Expect(Page.Heading()).ToHaveTextAsync("Your binder");
        await Expect(Page.Locator("#quick-exit")).ToBeInViewportAsync();
        var axe = new AxeAudit();
        await axe.CheckAsync(Page, "owner", "the binder's progress page");
        var ready = Page.GetByRole(AriaRole.Link, new() { Name = "Download the PDF" });
        await Expect(ready).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await Expect(Page.Locator("#job-progress-text")).ToHaveTextAsync("Your binder is ready.");
        await axe.CheckAsync(Page, "owner", "the binder's ready page");
        Assert.True(axe.Violations.Count == 0, string.Join('\n', axe.Violations));
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "The page is wider than the screen.");

        var download = await Page.RunAndWaitForDownloadAsync(() => ready.ClickAsync());
        Assert.Equal("%PDF"u8.ToArray(), (await File.ReadAllBytesAsync((await download.PathAsync())!))[..4]);

        // Listed on the binder page until it is deleted; one binder was made.
        await Page.GotoAsync(caseUrl + "/binder");
        await Expect(Page.Locator("#binder-jobs")).ToContainTextAsync("ready to download");
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IncidentResponse.Domain.Data.AppDbContext>();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.CaseId == caseId && e.Action == "binder.made"));
    });

    [Fact]
    public Task Without_javascript_the_progress_page_refreshes_itself_until_the_binder_can_be_downloaded() => RunAsync(async () =>
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

        await page.GetByRole(AriaRole.Button, new() { Name = "Download the PDF" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(JobPage());
        var ready = page.GetByRole(AriaRole.Link, new() { Name = "Download the PDF" });
        await Expect(ready).ToBeVisibleAsync(new() { Timeout = 120_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => ready.ClickAsync());

        Assert.Equal("%PDF"u8.ToArray(), (await File.ReadAllBytesAsync((await download.PathAsync())!))[..4]);
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name.Contains("ir-download", StringComparison.Ordinal));
    });

    [GeneratedRegex("/cases/[0-9a-f-]{36}/binder/jobs/[0-9a-f-]{36}$")]
    private static partial Regex JobPage();

    [GeneratedRegex("/cases/[0-9a-f-]{36}/binder$")]
    private static partial Regex BinderPage();
}
