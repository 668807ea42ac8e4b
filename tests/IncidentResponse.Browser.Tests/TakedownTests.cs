using System.Text.RegularExpressions;
using IncidentResponse.Browser.Tests.Infrastructure;
using IncidentResponse.Domain.Takedowns;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IncidentResponse.Browser.Tests;

/// <summary>
/// Takedown letters through the real pages in Chromium: places added, the platform's warnings seen before the kind is
/// chosen, the completeness list blocking finalising until the letter is complete, the PDF downloaded through the
/// link and read back with PdfPig (every required element there, no private detail), then sent,
/// answered, and the places' status moved.
/// </summary>
[Collection(WithApp.Name)]
public sealed partial class TakedownTests(AppFixture app, ITestOutputHelper output) : BrowserTest(app, output)
{
    private const string PrivateAddress = "14 Hidden Lane, Northtown NT1 2AB";
    private const string PrivatePhone = "+44 7700 900123";

    [Fact]
    public Task A_copyright_notice_is_written_finalised_downloaded_sent_and_answered() => RunAsync(async () =>
    {
        const string posted = "https://www.reddit.com/r/a/comments/dmca1";
        const string notCovered = "https://www.reddit.com/r/a/comments/other2";
        await Page.SignUpAsync(Journeys.NewUsername());
        var caseUrl = await Page.CreateCaseAsync("Spring notes");
        await AddPlacesAsync(caseUrl, posted, notCovered);

        await ChoosePlatformAsync(caseUrl, "Reddit", "Lumen");
        await Screenshots.SaveForGuideAsync(Page, "takedown-warnings");
        await Page.WriteFromKindScreenAsync("A copyright notice", [posted], async () =>
        {
            await Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Sam Example");
            await Page.GetByLabel("Email", new() { Exact = true }).FillAsync("sam.notices@example.org");
            await FillPrivateAsync("Input_SenderPostalAddress", PrivateAddress);
            await FillPrivateAsync("Input_SenderPhone", PrivatePhone);
        });

        await Expect(Page).ToHaveURLAsync(LetterPage());
        var letterUrl = Page.Url;
        var missing = Page.Locator("#missing li");
        await Expect(missing).ToHaveCountAsync(6);
        foreach (var code in new[] { CompletenessCodes.NoCopyrightBasis, CompletenessCodes.NoCopyrightedWork, CompletenessCodes.PostalAddressAndPhonePrivate, CompletenessCodes.NoGoodFaith, CompletenessCodes.NoAccuracyStatement, CompletenessCodes.NoSignature })
        {
            await Expect(Page.Locator($"#missing li[data-code='{code}']")).ToHaveCountAsync(1);
        }

        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Finalise the letter" })).ToBeDisabledAsync();
        await Screenshots.SaveForGuideAsync(Page, "takedown-missing");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Edit the letter" }).ClickAsync();
        await Page.GetByLabel("The image, in plain words").FillAsync("A photograph I took of myself in 2023");
        await Page.GetByLabel("I took it, or I own the copyright another way").CheckAsync();
        await FieldOf("Input_SenderPhone").GetByLabel("Keep private").UncheckAsync();
        await Page.GetByLabel("I confirm the good-faith statement").CheckAsync();
        await Page.GetByLabel("The information in this notification is accurate").CheckAsync();
        await Page.GetByLabel("I sign this letter").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(letterUrl);
        await Expect(Page.Locator("#missing")).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Finalise the letter" }).ClickAsync();
        await Expect(Page.Locator("#status")).ToHaveTextAsync("Ready to send");

        var text = await DownloadPdfTextAsync();
        // The six elements of 17 U.S.C. §512(c)(3), each in the printed letter.
        Assert.Contains("/s/ Sam Example", text, StringComparison.Ordinal);
        Assert.Contains("A photograph I took of myself in 2023", text, StringComparison.Ordinal);
        Assert.Contains("I own the copyright in this work", text, StringComparison.Ordinal);
        Assert.Contains(posted, text, StringComparison.Ordinal);
        Assert.Contains("sam.notices@example.org", text, StringComparison.Ordinal);
        Assert.Contains(PrivatePhone, text, StringComparison.Ordinal);
        Assert.Contains("I have a good faith belief that use of the material in the manner complained of is not authorized by the copyright owner, its agent, or the law.", text, StringComparison.Ordinal);
        Assert.Contains("The information in this notification is accurate, and under penalty of perjury, I am authorized to act on behalf of the owner of an exclusive right that is allegedly infringed.", text, StringComparison.Ordinal);
        Assert.Contains("17 U.S.C. §512(c)(3)", text, StringComparison.Ordinal);
        // The postal address stayed private, and the place not chosen is not in it.
        Assert.DoesNotContain("Hidden Lane", text, StringComparison.Ordinal);
        Assert.DoesNotContain("NT1 2AB", text, StringComparison.Ordinal);
        Assert.DoesNotContain(notCovered, text, StringComparison.Ordinal);

        await SendAsync("Email", "DMCA-7781");
        await Expect(Page.Locator("#sent")).ToContainTextAsync("DMCA-7781");
        await Expect(await StatusOfAsync(caseUrl, posted)).ToHaveTextAsync("Removal requested");

        await Page.GotoAsync(letterUrl);
        await AnswerAsync("Removed", reason: null);
        await Expect(Page.Locator("#status")).ToHaveTextAsync("Answered");
        await Expect(Page.Locator("#answers")).ToContainTextAsync("Removed");
        await Expect(await StatusOfAsync(caseUrl, posted)).ToHaveTextAsync("Removed");
        await Expect(await StatusOfAsync(caseUrl, notCovered)).ToHaveTextAsync("Found");
    });

    [Fact]
    public Task A_platform_report_is_written_finalised_downloaded_sent_and_refused() => RunAsync(async () =>
    {
        const string posted = "https://www.instagram.com/p/report1/";
        await Page.SignUpAsync(Journeys.NewUsername());
        var caseUrl = await Page.CreateCaseAsync("Spring notes");
        await AddPlacesAsync(caseUrl, posted);

        await ChoosePlatformAsync(caseUrl, "Instagram", "The intimate image report does not need copyright");
        await Page.WriteFromKindScreenAsync("Start with Instagram's own report", [posted], async () =>
        {
            await Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Sam Example");
            await FillPrivateAsync("Input_SenderPhone", PrivatePhone);
            await FillPrivateAsync("Input_SenderPostalAddress", PrivateAddress);
        });

        await Expect(Page).ToHaveURLAsync(LetterPage());
        var letterUrl = Page.Url;
        await Expect(Page.Locator("#missing li")).ToHaveCountAsync(2);
        await Expect(Page.Locator("#missing li[data-code='" + CompletenessCodes.NoEmail + "']")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#missing li[data-code='" + CompletenessCodes.NoGoodFaith + "']")).ToHaveCountAsync(1);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Finalise the letter" })).ToBeDisabledAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Edit the letter" }).ClickAsync();
        await Page.GetByLabel("Email", new() { Exact = true }).FillAsync("sam.reports@example.org");
        await Page.GetByLabel("I confirm the good-faith statement").CheckAsync();
        await Page.GetByLabel("I sign this letter").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(letterUrl);
        await Expect(Page.Locator("#missing")).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Finalise the letter" }).ClickAsync();
        await Expect(Page.Locator("#status")).ToHaveTextAsync("Ready to send");

        var text = await DownloadPdfTextAsync();
        Assert.Contains("This breaks your rule \"Community Guidelines\"", text, StringComparison.Ordinal);
        Assert.Contains(posted, text, StringComparison.Ordinal);
        Assert.Contains("sam.reports@example.org", text, StringComparison.Ordinal);
        Assert.Contains("I believe in good faith that this content was shared without my consent", text, StringComparison.Ordinal);
        Assert.Contains("/s/ Sam Example", text, StringComparison.Ordinal);
        Assert.DoesNotContain("7700 900123", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden Lane", text, StringComparison.Ordinal);

        await SendAsync("The platform's online form", reference: null);
        await Expect(await StatusOfAsync(caseUrl, posted)).ToHaveTextAsync("Removal requested");

        await Page.GotoAsync(letterUrl);
        await Expect(Page.Locator("#status")).ToHaveTextAsync("Sent, waiting for an answer");
        await AnswerAsync("Refused", "They said it does not break their rules.");
        await Expect(Page.Locator("#answers")).ToContainTextAsync("Their reason: They said it does not break their rules.");
        await Screenshots.SaveForGuideAsync(Page, "takedown-answered");
        await Expect(await StatusOfAsync(caseUrl, posted)).ToHaveTextAsync("Removal refused");
    });

    private async Task AddPlacesAsync(string caseUrl, params string[] urls)
    {
        await Page.GotoAsync(caseUrl + "/sightings/add");
        await Page.GetByLabel("Web addresses").FillAsync(string.Join('\n', urls));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add these" }).ClickAsync();
        await Expect(Page.Locator("ul.sightings > li")).ToHaveCountAsync(urls.Length);
    }

    /// <summary>Chooses the platform and checks its warning is on the page above the kinds of letter.</summary>
    private async Task ChoosePlatformAsync(string caseUrl, string platform, string warning)
    {
        await Page.GotoAsync(caseUrl + "/takedowns/new");
        await Expect(Page.GetByRole(AriaRole.Radio, new() { Name = "A copyright notice" })).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Radio, new() { Name = platform, Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = platform })).ToBeVisibleAsync();
        var warnings = Page.Locator("#warnings");
        await Expect(warnings).ToBeVisibleAsync();
        await Expect(warnings).ToContainTextAsync(warning);
        var warningsAboveKinds = await Page.EvaluateAsync<bool>(
            "() => !!(document.querySelector('#warnings').compareDocumentPosition(document.querySelector('#Input_Kind')) & Node.DOCUMENT_POSITION_FOLLOWING)");
        Assert.True(warningsAboveKinds, "The warnings should come before the choice of letter.");
    }

    private ILocator FieldOf(string inputId) => Page.Locator("div.field").Filter(new() { Has = Page.Locator("#" + inputId) });

    private async Task FillPrivateAsync(string inputId, string value)
    {
        await Page.Locator("#" + inputId).FillAsync(value);
        await FieldOf(inputId).GetByLabel("Keep private").CheckAsync();
    }

    private async Task SendAsync(string channel, string? reference)
    {
        await Page.GetByRole(AriaRole.Group, new() { Name = "How did you send it?" }).GetByLabel(channel).CheckAsync();
        if (reference is not null)
        {
            await Page.GetByLabel("Their reference or ticket number (optional)").FillAsync(reference);
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Mark as sent" }).ClickAsync();
        await Expect(Page.Locator("#status")).ToHaveTextAsync("Sent, waiting for an answer");
    }

    private async Task AnswerAsync(string outcome, string? reason)
    {
        await Page.GetByRole(AriaRole.Group, new() { Name = "What did they do?" }).GetByLabel(outcome, new() { Exact = true }).CheckAsync();
        if (reason is not null)
        {
            await Page.GetByLabel("If they refused, the reason they gave (optional)").FillAsync(reason);
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#answers")).ToBeVisibleAsync();
    }

    /// <summary>The status shown for a place on the "places found" list.</summary>
    private async Task<ILocator> StatusOfAsync(string caseUrl, string url)
    {
        if (!Page.Url.EndsWith("/sightings", StringComparison.Ordinal))
        {
            await Page.GotoAsync(caseUrl + "/sightings");
        }

        return Page.Locator("ul.sightings > li").Filter(new() { HasText = url }).Locator(".status");
    }

    /// <summary>Downloads the PDF through the page's link and returns its text, white space collapsed.</summary>
    private async Task<string> DownloadPdfTextAsync()
    {
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Download as PDF" }).ClickAsync(),
            // The first PDF may start the server's Chromium printer from cold on a busy machine.
            new PageRunAndWaitForDownloadOptions { Timeout = 60_000 });
        Assert.Equal("takedown-letter.pdf", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        return PdfTools.FlatText(bytes);
    }

    [GeneratedRegex("/cases/[0-9a-f-]{36}/takedowns/[0-9a-f-]{36}$")]
    private static partial Regex LetterPage();
}
