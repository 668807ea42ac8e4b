using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Outline.Destinations;

namespace IncidentResponse.Documents.Pdf;

/// <summary>
/// Where everything falls in a whole document, read from one print of it with placeholder pictures (ADR 0025): the page
/// each linked element starts on, the outline Chromium made from the headings, every internal link's area and the page
/// it opens, and the number of pages. A binder printed in parts lays out page for page as this print did, so the join
/// (<see cref="PdfJoin"/>) gives the joined PDF this outline and these links, and checks the page count against it.
/// </summary>
public sealed class PdfLayout
{
    private PdfLayout(
        IReadOnlyDictionary<string, int> anchors,
        IReadOnlyList<BookmarkNode> outline,
        IReadOnlyDictionary<int, IReadOnlyList<PdfLink>> links,
        int pages,
        string? title)
    {
        Anchors = anchors;
        Outline = outline;
        Links = links;
        Pages = pages;
        Title = title;
    }

    /// <summary>The 1-based page each element an internal link points to starts on, by its id (as <see cref="ChromiumPdfPrinter.MapPagesAsync"/>).</summary>
    public IReadOnlyDictionary<string, int> Anchors { get; }

    /// <summary>How many pages the whole document has.</summary>
    public int Pages { get; }

    /// <summary>The outline's top entries, each with its whole-document page.</summary>
    internal IReadOnlyList<BookmarkNode> Outline { get; }

    /// <summary>Each page's internal links (by 1-based page): where on the page, and the destination they open.</summary>
    internal IReadOnlyDictionary<int, IReadOnlyList<PdfLink>> Links { get; }

    /// <summary>The document's title as Chromium wrote it (the page's <c>&lt;title&gt;</c>).</summary>
    internal string? Title { get; }

    internal static PdfLayout Read(byte[] pdf, int length)
    {
        var anchors = PdfPageMap.Read(pdf.AsSpan(0, length));
        using var document = PdfDocument.Open(new MemoryStream(pdf, 0, length, writable: false));
        var outline = document.TryGetBookmarks(out var bookmarks) ? bookmarks.Roots : [];
        var links = new Dictionary<int, IReadOnlyList<PdfLink>>();
        foreach (var page in document.GetPages())
        {
            var onPage = page.GetAnnotations()
                .Where(a => a.Type == AnnotationType.Link && a.Action is GoToAction)
                .Select(a => new PdfLink(a.Rectangle, ((GoToAction)a.Action!).Destination))
                .ToList();
            if (onPage.Count > 0)
            {
                links[page.Number] = onPage;
            }
        }

        return new PdfLayout(anchors, outline, links, document.NumberOfPages, document.Information.Title);
    }
}

/// <summary>An internal link: its clickable area on its page, and the page (and place on it) it opens.</summary>
internal sealed record PdfLink(PdfRectangle Area, ExplicitDestination Target);
