using System.Globalization;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Writer;

namespace IncidentResponse.Documents.Pdf;

/// <summary>
/// Joins the parts of a document printed in parts into one PDF with PdfPig, one part at a time (ADR 0025): each part's
/// pages are copied as they come, so only the part being added is held; at the end every page gets "Page X of Y"
/// counted across the whole document, the contents list's links point at the pages they name, and the outline is the
/// one Chromium made for the parts, put together (<see cref="PdfLayout"/>), each entry opening its whole-document page.
/// </summary>
internal sealed class PdfJoin : IDisposable
{
    /// <summary>The footer's type: 8 pt, as the footer template Chromium draws the rest of the footer from.</summary>
    private const double FooterSize = 8;

    /// <summary>
    /// Where Chromium prints "Page X of Y" in a whole print (measured from one; <c>PartedPrintTests</c> compares
    /// the two): its right end this far from the page's right edge, its baseline this far above the bottom edge.
    /// </summary>
    internal const double FooterRight = 50.7;

    internal const double FooterBaseline = 16.92;

    private readonly PdfDocumentBuilder _builder;
    private readonly PdfDocumentBuilder.AddedFont _font;
    private readonly PdfLayout _layout;
    private readonly List<(PdfPageBuilder Page, double Width)> _pages = [];
    private readonly List<int> _partPages = [];

    public PdfJoin(Stream output, PdfLayout layout)
    {
        _layout = layout;
        _builder = new PdfDocumentBuilder(output, disposeStream: false);
        _font = _builder.AddStandard14Font(Standard14Font.Helvetica);
    }

    /// <summary>Adds the next part's pages; the part's bytes are not needed once this returns.</summary>
    public void Append(byte[] pdf, int length)
    {
        using var part = PdfDocument.Open(new MemoryStream(pdf, 0, length, writable: false));
        var options = new PdfDocumentBuilder.AddPageOptions { KeepAnnotations = false };
        _partPages.Add(part.NumberOfPages);
        if (_partPages.Count > _layout.PartPages.Count || part.NumberOfPages != _layout.PartPages[_partPages.Count - 1])
        {
            // Checked as each part comes, so a mismatch stops before the next part is printed.
            throw new PartsDoNotAddUpException(_partPages, _layout.PartPages);
        }

        for (var page = 1; page <= part.NumberOfPages; page++)
        {
            // A copied page's builder does not know its size; the part's page does.
            _pages.Add((_builder.AddPage(part, page, options), part.GetPage(page).Width));
        }
    }

    /// <summary>Numbers every page, adds the links and the outline, and writes the end of the PDF. Returns the page count.</summary>
    /// <exception cref="PartsDoNotAddUpException">The parts do not add up to the document's pages, so numbers would be wrong.</exception>
    public int Finish()
    {
        var total = _pages.Count;
        if (_partPages.Count != _layout.PartPages.Count)
        {
            throw new PartsDoNotAddUpException(_partPages, _layout.PartPages);
        }

        for (var number = 1; number <= total; number++)
        {
            var (page, width) = _pages[number - 1];
            Stamp(page, width, string.Create(CultureInfo.InvariantCulture, $"Page {number} of {total}"));
            foreach (var link in _layout.Links.GetValueOrDefault(number) ?? [])
            {
                page.AddLink(link.Target, link.Area);
            }
        }

        _builder.Bookmarks = new Bookmarks(_layout.Outline);
        _builder.DocumentInformation.Title = _layout.Title;
        // Disposing a builder made over a stream writes the rest of the PDF (page tree, outline, catalog, cross-reference
        // table) into it; Build() would read the whole PDF back into memory.
        _builder.Dispose();
        return total;
    }

    private void Stamp(PdfPageBuilder page, double pageWidth, string text)
    {
        var width = page.MeasureText(text, FooterSize, new PdfPoint(0, 0), _font).Max(l => l.EndBaseLine.X);
        page.NewContentStreamAfter();
        page.SetTextAndFillColor(0, 0, 0);
        page.AddText(text, FooterSize, new PdfPoint(pageWidth - FooterRight - width, FooterBaseline), _font);
    }

    public void Dispose() => _builder.Dispose();
}

/// <summary>The parts of a document came out on more or fewer pages than their layout prints.</summary>
internal sealed class PartsDoNotAddUpException(IReadOnlyList<int> partPages, IReadOnlyList<int> layoutPages)
    : InvalidOperationException(string.Create(
        CultureInfo.InvariantCulture,
        $"The document's parts printed on {string.Join('+', partPages)} pages, their layout prints on {string.Join('+', layoutPages)}."))
{
    /// <summary>Each part's pages, in order: counts only, nothing of the document.</summary>
    public string PartPages { get; } = string.Join('+', partPages);

    /// <summary>Each part's layout print's pages, in order.</summary>
    public string LayoutPages { get; } = string.Join('+', layoutPages);
}
