using IncidentResponse.Documents.Html;
using IncidentResponse.Documents.Model;
using IncidentResponse.Documents.Pdf;

namespace IncidentResponse.Documents.Tests;

/// <summary>A letter's HTML: every line of its text on a line of its own, the title once, nothing of a record around it.</summary>
public class LetterHtmlTests
{
    private const string Text = "Name: Sam\r\nEmail: sam@example.org\r\n\r\nDate: 1 May 2026\n\nTo: Them\n\nA <b>letter</b>\n\nPlease remove:\n- https://example.org/a\n\n\n/s/ Sam\n";

    [Fact]
    public void Blocks_are_cut_at_blank_lines_and_every_other_line_is_kept_as_written()
    {
        Assert.Equal(
            [["Name: Sam", "Email: sam@example.org"], ["Date: 1 May 2026"], ["To: Them"], ["A <b>letter</b>"], ["Please remove:", "- https://example.org/a"], ["/s/ Sam"]],
            PrintedLetter.BlocksOf(Text));
    }

    [Fact]
    public async Task A_letter_prints_each_line_on_its_own_its_title_once_and_no_marking_or_time()
    {
        var letter = new PrintedLetter { Title = "A <b>letter</b>", Blocks = PrintedLetter.BlocksOf(Text), GeneratedAtUtc = DateTimeOffset.UnixEpoch };

        var html = await new DocumentHtmlRenderer().RenderLetterAsync(letter);

        Assert.Contains("<title>A &lt;b&gt;letter&lt;/b&gt;</title>", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<h1"));
        Assert.Contains("<h1 dir=\"auto\">A &lt;b&gt;letter&lt;/b&gt;</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"line\">Date: 1 May 2026</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"line\">To: Them</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"line item\">- https://example.org/a</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Confidential", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Generated", html, StringComparison.Ordinal);
        Assert.DoesNotContain("document-section", html, StringComparison.Ordinal);

        var margins = PdfOptions.ForLetter(letter);
        Assert.Equal(("", "", false), (margins.RunningHeader, margins.ConfidentialityMarking, margins.PrintsGeneratedTime));
        Assert.Equal("Draft", PdfOptions.ForLetter(letter with { Marking = "Draft" }).ConfidentialityMarking);
    }
}
