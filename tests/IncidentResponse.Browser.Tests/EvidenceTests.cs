using System.Security.Cryptography;
using System.Text.RegularExpressions;
using IncidentResponse.Browser.Tests.Infrastructure;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Operator.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

/// <summary>
/// The evidence form in a real browser: Chromium sends the multipart body in the form's order (the antiforgery token
/// first), the image is hidden until asked for and then loads under the Content-Security-Policy, and the download is
/// the very file that was chosen.
/// </summary>
[Collection(WithApp.Name)]
public sealed partial class EvidenceTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    [Fact]
    public Task A_screenshot_added_through_the_form_is_shown_on_request_and_downloads_unchanged() => RunAsync(async () =>
    {
        await Page.SignUpAsync(Journeys.NewUsername());
        // Straight to the new case's own pages from "Safety first", where a new case opens.
        await Page.GotoAsync("/cases/new");
        await Page.GetByLabel("Case name").FillAsync("Spring notes");
        await Page.AnswerAgeQuestionsAsync("No", "No");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Start the case", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(SafetyFirstPage());
        var caseUrl = Page.Url[..Page.Url.LastIndexOf('/')];
        var png = TestImages.Png(24, 12);

        await Page.GotoAsync(caseUrl + "/evidence/add");
        await Page.GetByLabel("Web address", new() { Exact = true }).FillAsync("https://forum.example/post/1");
        await Page.GetByLabel("What it shows (optional)").FillAsync("A post on a forum");
        await Page.GetByLabel("The file").SetInputFilesAsync(new FilePayload { Name = "screenshot.png", MimeType = "image/png", Buffer = png });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add this file" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(EvidencePage());
        await Expect(Page.Heading()).ToHaveTextAsync("Image (PNG)");
        await Expect(Page.Locator("#sha256")).ToHaveTextAsync(Convert.ToHexStringLower(SHA256.HashData(png)));
        await Expect(Page.Locator("main img")).ToHaveCountAsync(0);
        await Screenshots.SaveForGuideAsync(Page, "evidence");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Show this image" }).ClickAsync();
        var image = Page.Locator("main img");
        await Expect(image).ToBeVisibleAsync();
        await Expect(image).ToHaveJSPropertyAsync("naturalWidth", 24);

        await ConfirmPassphraseForDownloadAsync();
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Download the original" }).ClickAsync());
        Assert.Matches("^exhibit-[0-9a-f]{8}\\.png$", download.SuggestedFilename);
        var path = await download.PathAsync();
        Assert.Equal(png, await File.ReadAllBytesAsync(path));
    });

    [Fact]
    public Task A_demo_phone_jpeg_with_exif_is_decoded_by_the_browser_from_its_stripped_preview() => RunAsync(async () =>
    {
        await Page.SignUpAsync(Journeys.NewUsername());
        var dashboard = await Page.CreateCaseAsync("Spring notes");
        var jpeg = DemoImages.ScreenshotJpeg(1080, 1920, 1);

        await Page.GotoAsync(dashboard + "/evidence/add");
        await Page.GetByLabel("The file").SetInputFilesAsync(new FilePayload { Name = "IMG_20260102.jpg", MimeType = "image/jpeg", Buffer = jpeg });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add this file" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(EvidencePage());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show this image" }).ClickAsync();

        // Our own encoder's output, without its Exif, decodes in Chromium to the full picture.
        var image = Page.Locator("main img");
        await Expect(image).ToHaveJSPropertyAsync("naturalWidth", 1080);
        await Expect(image).ToHaveJSPropertyAsync("naturalHeight", 1920);
        await ConfirmPassphraseForDownloadAsync();
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Download the original" }).ClickAsync());
        Assert.Equal(jpeg, await File.ReadAllBytesAsync(await download.PathAsync()));
    });

    [Fact]
    public Task An_incident_logged_through_the_form_gets_its_evidence_from_its_own_page() => RunAsync(async () =>
    {
        await Page.SignUpAsync(Journeys.NewUsername());
        var dashboard = await Page.CreateCaseAsync("Spring notes");

        await Page.GotoAsync(dashboard + "/log/new");
        await Page.GetByRole(AriaRole.Group, new() { Name = "What happened?" }).GetByLabel("A threat").CheckAsync();
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Page.GetByLabel("When did it happen?").FillAsync(yesterday);
        await Page.GetByLabel("When did you find out about it?").FillAsync(yesterday);
        await Page.GetByLabel("Where did it happen?").SelectOptionAsync(new SelectOptionValue { Label = "Instagram" });
        await Page.GetByLabel("What happened, in your own words").FillAsync("A message saying the photos would be sent to my work.");
        await Page.GetByRole(AriaRole.Group, new() { Name = "How worrying does this feel to you?" }).GetByLabel("Very worrying").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save to your record" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(IncidentPage());
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("A message saying the photos would be sent to my work.");
        var incidentUrl = Page.Url.Split('?')[0];

        // It says it was added, and the next step is the one primary button.
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Added to your record.");
        var primary = Page.Locator("main a.button:not(.secondary), main button:not(.secondary):not(.link-button)");
        await Expect(primary).ToHaveCountAsync(1);
        await Expect(primary).ToHaveTextAsync("Add evidence for this entry");
        await Screenshots.SaveForGuideAsync(Page, "record-entry");
        await primary.ClickAsync();
        await Expect(Page.GetByLabel("Which entry in your record does it belong to? (optional)")).Not.ToHaveValueAsync("");
        await Page.GetByLabel("The file").SetInputFilesAsync(new FilePayload { Name = "message.png", MimeType = "image/png", Buffer = TestImages.Png(16, 16) });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add this file" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(EvidencePage());

        await Page.GotoAsync(incidentUrl);
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "PNG file, ", Exact = false })).ToBeVisibleAsync();
        await Expect(Page.Locator("main img")).ToHaveCountAsync(0);

        // Then where it was found, first seen the day the entry says it was found unless corrected.
        await Expect(primary).ToHaveTextAsync("Add where it was found");
        await primary.ClickAsync();
        await Expect(Page.GetByLabel("When did you first see it?")).ToHaveValueAsync(yesterday);
        await Expect(Page.Locator("#entry-place")).ToContainTextAsync("Instagram");
        await Page.GotoAsync(dashboard + "/log");
        await Expect(Page.Locator("ol.timeline > li")).ToHaveCountAsync(2);
        await Screenshots.SaveForGuideAsync(Page, "record");
    });

    [Fact]
    public Task On_a_phone_a_refused_field_keeps_what_was_typed_and_says_to_choose_the_file_again() => RunAsync(async () =>
    {
        const string InWords = "Direct messages from Alex on Instagram";
        await Page.SignUpAsync(Journeys.NewUsername());
        var dashboard = await Page.CreateCaseAsync("Spring notes");
        Assert.Equal(390, Page.ViewportSize!.Width);

        await Page.GotoAsync(dashboard + "/evidence/add");
        var fields = Page.Locator("main form input:not([type=hidden]), main form textarea, main form select");
        await Expect(fields.First).ToHaveAttributeAsync("type", "file");
        await AssertEveryFieldFitsAFingerAsync(fields);

        var png = TestImages.Png(20, 20);
        await Page.GetByLabel("The file").SetInputFilesAsync(new FilePayload { Name = "message.png", MimeType = "image/png", Buffer = png });
        await Page.GetByLabel("In words").FillAsync(InWords);
        await Page.GetByLabel("Web address", new() { Exact = true }).FillAsync("instagram alex");
        await Page.GetByLabel("What it shows (optional)").FillAsync("The message with the threat");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add this file" }).ClickAsync();

        await Expect(Page.Locator("#error-summary")).ToBeVisibleAsync();
        await Expect(Page.Locator("#Input_File-error")).ToHaveTextAsync("Please choose the file again — for your safety we did not keep it.");
        await Expect(Page.Locator("#Input_SourceUrl-error")).ToContainTextAsync("doesn't look like a web address");
        await Expect(Page.GetByLabel("In words")).ToHaveValueAsync(InWords);
        await Expect(Page.GetByLabel("Web address", new() { Exact = true })).ToHaveValueAsync("instagram alex");
        await Expect(Page.GetByLabel("What it shows (optional)")).ToHaveValueAsync("The message with the threat");
        await Expect(Page.GetByLabel("The file")).ToHaveValueAsync("");
        await AssertEveryFieldFitsAFingerAsync(fields);

        await Page.GetByLabel("Web address", new() { Exact = true }).FillAsync("https://www.instagram.com/direct/t/123");
        await Page.GetByLabel("The file").SetInputFilesAsync(new FilePayload { Name = "message.png", MimeType = "image/png", Buffer = png });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add this file" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(EvidencePage());
        await Expect(Page.Locator("#sha256")).ToHaveTextAsync(Convert.ToHexStringLower(SHA256.HashData(png)));
        await Expect(Page.Locator("#source-words")).ToHaveTextAsync(InWords);
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("https://www.instagram.com/direct/t/123");
    });

    /// <summary>Every field of the form is at least 44 px tall and inside the screen.</summary>
    private async Task AssertEveryFieldFitsAFingerAsync(ILocator fields)
    {
        var width = Page.ViewportSize!.Width;
        for (var i = 0; i < await fields.CountAsync(); i++)
        {
            var field = fields.Nth(i);
            var box = await field.BoundingBoxAsync() ?? throw new InvalidOperationException("A field is not shown.");
            var name = await field.GetAttributeAsync("id");
            Assert.True(box.Height >= 44, $"{name} is {box.Height:0} px tall");
            Assert.True(box.X >= 0 && box.X + box.Width <= width, $"{name} spans x {box.X:0}–{box.X + box.Width:0} on a {width} px screen");
        }
    }

    [GeneratedRegex(@"/cases/[0-9a-f-]{36}/log/[0-9a-f-]{36}\?added=true$")]
    private static partial Regex IncidentPage();

    [GeneratedRegex("/cases/[0-9a-f-]{36}/safety$")]
    private static partial Regex SafetyFirstPage();

    [GeneratedRegex("/cases/[0-9a-f-]{36}/evidence/[0-9a-f-]{36}$")]
    private static partial Regex EvidencePage();

    /// <summary>"Download the original" first asks for the passphrase again, then comes back to the file's page.</summary>
    private async Task ConfirmPassphraseForDownloadAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Download the original" }).ClickAsync();
        await Expect(Page.Heading()).ToHaveTextAsync("Enter your passphrase again");
        await Page.GetByLabel("Passphrase").FillAsync(Journeys.Passphrase);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(EvidencePage());
        await Expect(Page.Locator("#confirmed")).ToBeVisibleAsync();
    }
}
