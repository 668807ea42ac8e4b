using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;

namespace IncidentResponse.TestSupport;

/// <summary>
/// Reads a PDF back with PdfPig, in process: the text of each page, the bookmarks (outline) with the page each opens,
/// the images drawn on each page, and the document's facts (title, producer, tagged or not).
/// </summary>
/// <remarks>
/// Text is read in content order (<see cref="ContentOrderTextExtractor"/>): the order Chromium printed it, so a table
/// reads row by row with each cell whole, a line break where the printed line breaks, and a space wherever the gap
/// between two letters is a space's width. Ligatures the font drew as one glyph (ﬁ, ﬂ) are written out as letters, so
/// "Verification" reads as typed. Letter by letter (<see cref="Page.Text"/>) has no spaces at all; PdfPig's words
/// (<see cref="Page.GetWords()"/>) sort a table's cells by height and lose the row.
/// </remarks>
public static class PdfTools
{
    /// <summary>Reads the whole document once: every page's text and images, the bookmarks and the facts.</summary>
    public static PrintedPdf Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages()
            .Select(page => new PrintedPage(
                page.Number,
                WithoutLigatures(ContentOrderTextExtractor.GetText(page)),
                page.GetImages().SelectMany(ImagesOf).ToList()))
            .ToList();
        var bookmarks = document.TryGetBookmarks(out var outline)
            ? outline.GetNodes().Select(n => new PdfBookmark(n.Title, n.Level, (n as DocumentBookmarkNode)?.PageNumber)).ToList()
            : [];
        var catalog = document.Structure.Catalog.CatalogDictionary;
        var tagged = catalog.TryGet(NameToken.MarkInfo, document.Structure.TokenScanner, out DictionaryToken? markInfo)
            && markInfo.TryGet(NameToken.Marked, document.Structure.TokenScanner, out BooleanToken? marked)
            && marked.Data;
        return new PrintedPdf(pages, bookmarks, document.Information.Title, document.Information.Producer, tagged);
    }

    /// <summary>
    /// The size most of the text is printed at, in points to one decimal: a binder's body text is 11 pt, and smaller
    /// when Chromium shrank every page to make room for something wider than the paper.
    /// </summary>
    public static double CommonTextSize(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages()
            .SelectMany(page => page.Letters)
            .Where(letter => !string.IsNullOrWhiteSpace(letter.Value))
            .GroupBy(letter => Math.Round(letter.PointSize, 1))
            .MaxBy(size => size.Count())?.Key ?? 0;
    }

    /// <summary>The text of every page, each printed line on a line of its own.</summary>
    public static string Text(byte[] pdf) => Read(pdf).Text;

    /// <summary>The text with every run of white space made one space, so wrapped lines read as one.</summary>
    public static string FlatText(byte[] pdf) => Read(pdf).FlatText;

    /// <summary>The text with no white space at all, for long addresses a table cell may have wrapped.</summary>
    public static string SqueezedText(byte[] pdf) => Read(pdf).SqueezedText;

    private static IEnumerable<PdfImage> ImagesOf(IPdfImage image)
    {
        yield return new PdfImage(image.WidthInSamples, image.HeightInSamples, IsMask: false);
        if (image.MaskImage is { } mask)
        {
            yield return new PdfImage(mask.WidthInSamples, mask.HeightInSamples, IsMask: true);
        }
    }

    private static string WithoutLigatures(string text)
    {
        if (!text.Any(IsLigature))
        {
            return text;
        }

        var written = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            written.Append(IsLigature(c) ? c.ToString().Normalize(NormalizationForm.FormKC) : c);
        }

        return written.ToString();
    }

    /// <summary>The Latin ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ).</summary>
    private static bool IsLigature(char c) => c is >= '\uFB00' and <= '\uFB06';
}

/// <summary>A PDF as read back: its pages in order, its bookmarks depth first, and its facts.</summary>
public sealed partial record PrintedPdf(
    IReadOnlyList<PrintedPage> Pages,
    IReadOnlyList<PdfBookmark> Bookmarks,
    string? Title,
    string? Producer,
    bool Tagged)
{
    public int PageCount => Pages.Count;

    /// <summary>Every page's text, one after the other.</summary>
    public string Text => string.Join('\n', Pages.Select(p => p.Text));

    /// <summary>The text with every run of white space made one space.</summary>
    public string FlatText => Flat(Text);

    /// <summary>The text with no white space at all.</summary>
    public string SqueezedText => string.Concat(Text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Every image on every page, soft masks included.</summary>
    public IEnumerable<PdfImage> Images => Pages.SelectMany(p => p.Images);

    /// <summary>Page <paramref name="number"/> (1-based).</summary>
    public PrintedPage Page(int number) => Pages[number - 1];

    /// <summary>The first page (from <paramref name="from"/> on) with a printed line that begins with <paramref name="value"/>; -1 if none.</summary>
    public int FirstPageWith(string value, int from = 1) =>
        Pages.Skip(from - 1).FirstOrDefault(p => p.Lines.Any(line => line.StartsWith(value, StringComparison.Ordinal)))?.Number ?? -1;

    /// <summary>
    /// The contents list as printed, over however many pages it runs (from the page headed "Contents" while lines read
    /// "2. Case summary 4"): each entry and the page it names, in order.
    /// </summary>
    public IReadOnlyList<(string Entry, int Page)> ContentsEntries(out int lastContentsPage)
    {
        var entries = new List<(string, int)>();
        lastContentsPage = FirstPageWith("Contents");
        for (var number = lastContentsPage; number > 0 && number <= PageCount; number++)
        {
            var found = Page(number).Lines.Select(line => ContentsLinePattern().Match(line)).Where(m => m.Success).ToList();
            if (found.Count == 0)
            {
                break;
            }

            lastContentsPage = number;
            entries.AddRange(found.Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))));
        }

        return entries;
    }

    internal static string Flat(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^\d+\. (.+) (\d+)$")]
    private static partial Regex ContentsLinePattern();
}

/// <summary>One page (numbered from 1): its text in printed order and the images drawn on it.</summary>
public sealed record PrintedPage(int Number, string Text, IReadOnlyList<PdfImage> Images)
{
    /// <summary>The printed lines, each with its white space made single spaces and trimmed; blank lines left out.</summary>
    public IReadOnlyList<string> Lines =>
        [.. Text.Split('\n').Select(PrintedPdf.Flat).Where(l => l.Length > 0)];

    public string FlatText => PrintedPdf.Flat(Text);
}

/// <summary>An outline entry: its title, its depth (0 for the top) and the page it opens, if it opens one.</summary>
public sealed record PdfBookmark(string Title, int Level, int? Page);

/// <summary>An image as stored in the PDF, in pixels; <paramref name="IsMask"/> for an image's soft or stencil mask.</summary>
public sealed record PdfImage(int Width, int Height, bool IsMask);
