using System.Net;
using System.Text.RegularExpressions;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// A letter as a document: its PDF, read back with PdfPig, is laid out as a letter (each line of the text on its own
/// line, in letter order, the title once, no cover, no marking, one page for a short letter) with the text download's
/// words exactly; a draft's page shows, before finalising, a read-only preview of exactly the words finalising fixes.
/// </summary>
public abstract partial class LetterDocumentTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : AppFixture
{
    private const string Posted = "https://www.reddit.com/r/a/comments/letterdoc1";

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task A_letter_pdf_reads_as_a_letter_line_for_line_with_one_title_and_no_cover_or_marking()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var letterUrl = await DraftDmcaAsync(client, caseId);

        var draftPdf = await PdfAsync(client, letterUrl);
        Assert.Contains("DRAFT", PdfTools.Text(draftPdf), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=Finalise")).Status);
        var text = await client.Http.GetStringAsync($"{letterUrl}/text");
        var pdf = await PdfAsync(client, letterUrl);
        var read = PdfTools.Read(pdf);
        var printed = read.Text;
        var lines = printed.Split('\n').Select(Squash).Where(l => l.Length > 0).ToList();
        var title = LetterComposer.HeadingOf(LetterKind.DmcaNotice);

        Assert.Equal(1, read.PageCount);
        Assert.Equal(title, read.Title);
        Assert.DoesNotContain("confidential", printed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("DRAFT", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("Generated", printed, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(printed, Regex.Escape(title), RegexOptions.IgnoreCase));

        // Every line of the text (short enough not to wrap) is a line of its own in the PDF, in the same order.
        var textLines = text.Split('\n').Select(Squash).Where(l => l.Length > 0).ToList();
        var at = -1;
        foreach (var line in textLines.Where(l => l.Length < 80))
        {
            var found = lines.FindIndex(at + 1, l => l == line);
            Assert.True(found > at, $"The PDF lacks the line \"{line}\" after line {at} (read back: {printed})");
            at = found;
        }

        // Letter order: sender, date, recipient, title, body, signature.
        int Line(string start) => lines.FindIndex(l => l.StartsWith(start, StringComparison.Ordinal));
        Assert.Equal(0, Line("Name: Sam Example"));
        Assert.True(Line("Name: Sam Example") < Line("Phone: +1 555 0100"));
        Assert.True(Line("Phone: +1 555 0100") < Line("Date: "));
        Assert.True(Line("Date: ") < Line("To: Reddit"));
        Assert.True(Line("To: Reddit") < Line(title));
        Assert.True(Line(title) < Line("- " + Posted));
        Assert.True(Line("- " + Posted) < Line("/s/ Sam Example"));
        Assert.Equal("Page 1 of 1", lines[^1]);
        Assert.Equal(lines.Count - 3, Line("/s/ Sam Example"));
        Assert.StartsWith("Signed electronically on ", lines[^2], StringComparison.Ordinal);

        // The same words as the text download, to the letter: only the page number is the PDF's own.
        Assert.Equal(Squeeze(text) + "Page1of1", PdfTools.SqueezedText(pdf));
    }

    [Trait("Category", "Chromium")]
    [Fact]
    public async Task A_letter_finalised_in_the_old_layout_still_prints_its_own_words_with_the_date_and_recipient_on_lines_of_their_own()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var letterUrl = await DraftDmcaAsync(client, caseId);
        await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=Finalise");
        const string Old = "Copyright (DMCA) notice\n\nDate: 4 December 2026\nTo: Reddit, Inc. (Reddit)\n\nThe infringing material is at these addresses:\n- "
            + Posted + " (first seen 4 December 2026)\n\nContact\nName: Sam Example\nEmail: sam@example.org\n\n/s/ Sam Example\nSigned electronically on 4 December 2026\n";
        await using (var db = app.CreateDbContext())
        {
            await db.TakedownRequests.Where(r => r.CaseId == caseId).ExecuteUpdateAsync(s => s.SetProperty(r => r.FinalText, Old));
        }

        var pdf = await PdfAsync(client, letterUrl);
        var lines = PdfTools.Text(pdf).Split('\n').Select(Squash).Where(l => l.Length > 0).ToList();

        Assert.Equal(Old.Split('\n').Where(l => l.Length > 0).Append("Page 1 of 1"), lines);
        Assert.Equal(Squeeze(Old) + "Page1of1", PdfTools.SqueezedText(pdf));
    }

    [Fact]
    public async Task A_draft_shows_a_read_only_preview_not_sent_yet_before_finalise_that_is_the_finalised_letter_word_for_word()
    {
        var (client, _, caseId) = await app.NewSurvivorWithCaseAsync();
        using var _ = client;
        var letterUrl = await DraftDmcaAsync(client, caseId);

        var draft = (await client.GetAsync(letterUrl)).Document;
        var preview = draft.QuerySelector("#preview")!;
        Assert.Equal("Preview — not sent yet", preview.QuerySelector("h2")!.TextContent);
        Assert.Empty(preview.QuerySelectorAll("input, textarea, select, [contenteditable]"));
        var previewed = preview.QuerySelector("pre#letter")!.TextContent;
        Assert.Contains("/s/ Sam Example", previewed, StringComparison.Ordinal);
        var finalise = draft.QuerySelector("form#Finalise")!;
        Assert.True(preview.CompareDocumentPosition(finalise).HasFlag(AngleSharp.Dom.DocumentPositions.Following), "The preview comes before the finalise button.");
        Assert.Equal(previewed, await client.Http.GetStringAsync($"{letterUrl}/text"));

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(letterUrl, new Dictionary<string, string>(), "handler=Finalise")).Status);
        await using var db = app.CreateDbContext();
        Assert.Equal(previewed, (await db.TakedownRequests.AsNoTracking().SingleAsync(r => r.CaseId == caseId)).FinalText);
        var finalised = (await client.GetAsync(letterUrl)).Document;
        Assert.Null(finalised.QuerySelector("#preview"));
        Assert.Equal(previewed, finalised.QuerySelector("#letter")!.TextContent);
    }

    private async Task<string> DraftDmcaAsync(AppClient client, Guid caseId)
    {
        await client.AddSightingsAsync(caseId, Posted);
        await using var db = app.CreateDbContext();
        var posted = await db.Sightings.SingleAsync(s => s.CaseId == caseId && s.Url == Posted);
        var draft = await client.SubmitAsync($"/cases/{caseId}/takedowns/new?platform=reddit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "DmcaNotice",
            ["Input.SightingIds"] = posted.Id.ToString(),
            ["Input.SenderName"] = "Sam Example",
            ["Input.SenderEmail"] = "sam@example.org",
            ["Input.SenderPostalAddress"] = "PO Box 12, Springfield",
            ["Input.SenderPhone"] = "+1 555 0100",
            ["Input.CopyrightedWork"] = "A photograph I took of myself in 2023",
            ["Input.CopyrightBasis"] = "SenderOwnsCopyright",
            ["Input.GoodFaithConfirmed"] = "true",
            ["Input.AccuracyConfirmed"] = "true",
            ["Input.SignatureConfirmed"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, draft.Status);
        return draft.Location!.OriginalString;
    }

    private static async Task<byte[]> PdfAsync(AppClient client, string letterUrl)
    {
        using var response = await client.Http.GetAsync($"{letterUrl}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string Squash(string line) => Spaces().Replace(line.Trim(), " ");

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

public sealed class LetterDocumentTestsOnSqlite(SqliteApp app) : LetterDocumentTests<SqliteApp>(app);

public sealed class LetterDocumentTestsOnPostgres(PostgresApp app) : LetterDocumentTests<PostgresApp>(app);
