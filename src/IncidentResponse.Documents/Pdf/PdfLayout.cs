using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Outline.Destinations;

namespace IncidentResponse.Documents.Pdf;

/// <summary>
/// Where everything falls in a document printed in parts, put together from one print of each part with placeholder
/// pictures (ADR 0025): the page each linked element starts on, the outline Chromium made from the headings, every
/// internal link's area and the page it opens, and each part's number of pages. Each part lays out page for page as
/// its layout print did, so the join (<see cref="PdfJoin"/>) gives the joined PDF this outline and these links, and
/// checks each part's page count against it.
/// </summary>
public sealed class PdfLayout
{
    private PdfLayout(
        IReadOnlyDictionary<string, int> anchors,
        IReadOnlyList<BookmarkNode> outline,
        IReadOnlyDictionary<int, IReadOnlyList<PdfLink>> links,
        IReadOnlyList<int> partPages,
        string? title)
    {
        Anchors = anchors;
        Outline = outline;
        Links = links;
        PartPages = partPages;
        Title = title;
    }

    /// <summary>The 1-based page each element an internal link points to starts on, by its id (as <see cref="ChromiumPdfPrinter.MapPagesAsync"/>).</summary>
    public IReadOnlyDictionary<string, int> Anchors { get; }

    /// <summary>How many pages the whole document has.</summary>
    public int Pages => PartPages.Sum();

    /// <summary>How many pages each part has, in order.</summary>
    public IReadOnlyList<int> PartPages { get; }

    /// <summary>The outline's top entries, each with its whole-document page.</summary>
    internal IReadOnlyList<BookmarkNode> Outline { get; }

    /// <summary>Each page's internal links (by 1-based page): where on the page, and the destination they open.</summary>
    internal IReadOnlyDictionary<int, IReadOnlyList<PdfLink>> Links { get; }

    /// <summary>The document's title as Chromium wrote it (the page's <c>&lt;title&gt;</c>).</summary>
    internal string? Title { get; }

    /// <summary>One part's layout print, read: its links and destinations without its text, its outline and title.</summary>
    internal static PartLayout ReadPart(byte[] pdf, int length)
    {
        var links = PdfPageMap.ReadLinks(pdf.AsSpan(0, length));
        using var document = PdfDocument.Open(new MemoryStream(pdf, 0, length, writable: false));
        var outline = document.TryGetBookmarks(out var bookmarks) ? bookmarks.Roots : [];
        return new PartLayout(links, outline, document.Information.Title);
    }

    /// <summary>
    /// The whole document's layout from its stretches' layout prints, in order (<see cref="LayoutStretch"/>): each
    /// with the link targets it prints itself (the rest are its stubs), how many second-level headings it prints (in a
    /// stretch that carries on a section, the outline entries before those belong under the section the one before
    /// left open), and where each of its parts after the first begins.
    /// </summary>
    /// <exception cref="FormatException">A stretch's outline does not fit its headings, or its parts' starts its pages.</exception>
    internal static PdfLayout Join(IReadOnlyList<LayoutStretch> stretches)
    {
        var destinations = new Dictionary<string, ExplicitDestination>(StringComparer.Ordinal);
        var partPages = new List<int>();
        var offset = 0;
        foreach (var stretch in stretches)
        {
            var local = stretch.Layout.Links.Destinations;
            foreach (var (name, target) in local.Where(d => stretch.Own.Contains(d.Key)))
            {
                destinations[name] = Moved(target, offset);
            }

            var starts = stretch.PartStarts.Select(a => local.TryGetValue(a, out var d) && stretch.Own.Contains(a) ? d.PageNumber : 0).Prepend(1).ToList();
            starts.Add(stretch.Layout.Links.Pages + 1);
            var pages = starts.Zip(starts.Skip(1), (start, next) => next - start).ToList();
            partPages.AddRange(pages.All(p => p > 0) ? pages : throw new FormatException("A part's start is not where its stretch's pages allow."));
            offset += stretch.Layout.Links.Pages;
        }

        var links = new Dictionary<int, IReadOnlyList<PdfLink>>();
        var roots = new List<OutlineEntry>();
        offset = 0;
        foreach (var stretch in stretches)
        {
            foreach (var (page, onPage) in stretch.Layout.Links.Links)
            {
                var found = onPage.Where(l => destinations.ContainsKey(l.Target)).Select(l => new PdfLink(l.Area, destinations[l.Target])).ToList();
                if (found.Count > 0)
                {
                    links[page + offset] = found;
                }
            }

            AddOutline(roots, [.. stretch.Layout.Outline.Select(n => OutlineEntry.From(n, offset))], stretch.Headings);
            offset += stretch.Layout.Links.Pages;
        }

        return new PdfLayout(
            destinations.ToDictionary(d => d.Key, d => d.Value.PageNumber, StringComparer.Ordinal),
            [.. roots.Select(r => r.ToNode(0))],
            links,
            partPages,
            stretches.Count > 0 ? stretches[0].Layout.Title : null);
    }

    /// <summary>
    /// Adds a part's outline. The first part's is the start of the tree (the document's heading, with everything under
    /// it). A later part has no document heading, so its entries sit at the top: the last <paramref name="headings"/> of
    /// them are the sections (or contents lists) it begins, which go under the document's heading; any before those
    /// carry on the section the part before left open, and go under it.
    /// </summary>
    private static void AddOutline(List<OutlineEntry> roots, List<OutlineEntry> entries, int headings)
    {
        if (roots.Count == 0)
        {
            roots.AddRange(entries);
            return;
        }

        var carried = entries.Count - headings;
        if (carried < 0)
        {
            throw new FormatException($"A part's outline has {entries.Count} top entries for {headings} headings.");
        }

        var top = roots[^1];
        var open = top.Children.Count > 0 ? top.Children[^1] : top;
        open.Children.AddRange(entries.Take(carried));
        top.Children.AddRange(entries.Skip(carried));
    }

    private static ExplicitDestination Moved(ExplicitDestination destination, int offset) =>
        new(destination.PageNumber + offset, destination.Type, destination.Coordinates);

    /// <summary>An outline entry while the parts' outlines are put together.</summary>
    private sealed record OutlineEntry(string Title, ExplicitDestination Destination, List<OutlineEntry> Children)
    {
        public static OutlineEntry From(BookmarkNode node, int offset) => new(
            node.Title,
            node is DocumentBookmarkNode { Destination: { } destination }
                ? Moved(destination, offset)
                : throw new FormatException("An outline entry does not open a page of the document."),
            [.. node.Children.Select(c => From(c, offset))]);

        public DocumentBookmarkNode ToNode(int level) =>
            new DocumentBookmarkNode(Title, level, Destination, [.. Children.Select(c => c.ToNode(level + 1))]);
    }
}

/// <summary>
/// One layout print of consecutive parts, read, with what the join needs of it: the link targets it prints, its
/// second-level headings, and the id each of its parts after the first begins with (an exhibit, at the top of a page).
/// </summary>
internal sealed record LayoutStretch(PartLayout Layout, IReadOnlySet<string> Own, int Headings, IReadOnlyList<string> PartStarts);

/// <summary>One layout print, read (<see cref="PdfLayout.ReadPart"/>).</summary>
internal sealed record PartLayout(PartLinks Links, IReadOnlyList<BookmarkNode> Outline, string? Title);

/// <summary>An internal link: its clickable area on its page, and the page (and place on it) it opens.</summary>
internal sealed record PdfLink(PdfRectangle Area, ExplicitDestination Target);
