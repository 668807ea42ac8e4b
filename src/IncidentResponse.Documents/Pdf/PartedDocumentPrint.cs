using IncidentResponse.Documents.Html;
using IncidentResponse.Documents.Model;

namespace IncidentResponse.Documents.Pdf;

/// <summary>A document with many pictures printed in parts and joined (ADR 0025): the layout pass, then each part.</summary>
public static class PartedDocumentPrint
{
    /// <summary>
    /// Prints <paramref name="document"/> cut into <paramref name="parts"/> (<see cref="DocumentPart.Split"/>) into
    /// <paramref name="destination"/>: first each part once with <paramref name="placeholders"/> for its pictures, to
    /// learn the layout (the contents list's page numbers, the outline, the links), then each part with its real
    /// pictures from <paramref name="resolveResource"/>, joined with that layout. So Chromium lays out one part at a
    /// time, text and pictures alike. <paramref name="render"/> renders the document with the options it is given (a
    /// caller may time it). Should a part come out on more or fewer pages than its layout print, or the layout prints
    /// not fit together, the document is printed whole instead, as one within a part is (<see cref="PrintReport.Parts"/>
    /// is then 1).
    /// </summary>
    public static async Task<PrintReport> PrintAsync(
        ChromiumPdfPrinter printer,
        DocumentModel document,
        IReadOnlyList<DocumentPart> parts,
        Func<HtmlViewOptions, CancellationToken, Task<string>> render,
        Func<string, CancellationToken, Task<(byte[] Bytes, string ContentType)?>> placeholders,
        Func<string, CancellationToken, Task<(byte[] Bytes, string ContentType)?>> resolveResource,
        Stream destination,
        PdfOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(printer);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(render);
        PdfLayout layout;
        try
        {
            layout = await LayoutAsync(printer, document, parts, render, placeholders, options, cancellationToken);
        }
        catch (FormatException unreadable)
        {
            printer.LogLayoutUnreadable(unreadable);
            return await PrintWholeAsync(printer, render, placeholders, resolveResource, destination, options, cancellationToken);
        }

        var numbers = document.Sections.Any(s => s.Blocks.OfType<TableOfContents>().Any()) ? layout.Anchors : null;
        try
        {
            return await printer.PrintPartsAsync(
                layout,
                [.. parts.Select(part => (Func<string, CancellationToken, Task<string>>)((prefix, ct) =>
                    render(new HtmlViewOptions { ContentsPageNumbers = numbers, ResourcePrefix = prefix, Part = part }, ct)))],
                resolveResource,
                destination,
                options,
                cancellationToken);
        }
        catch (PartsDoNotAddUpException mismatch)
        {
            // A part did not lay out as its layout print did, so the page numbers cannot be trusted: the destination is
            // still untouched, and the document is printed whole, as one that fits in one part is (ADR 0025).
            printer.LogPartsDoNotAddUp(mismatch);
            return await PrintWholeAsync(printer, render, placeholders, resolveResource, destination, options, cancellationToken);
        }
    }

    /// <summary>The layout prints, stretch by stretch (<see cref="LayoutGroupsAsync"/>), put together.</summary>
    private static async Task<PdfLayout> LayoutAsync(
        ChromiumPdfPrinter printer,
        DocumentModel document,
        IReadOnlyList<DocumentPart> parts,
        Func<HtmlViewOptions, CancellationToken, Task<string>> render,
        Func<string, CancellationToken, Task<(byte[] Bytes, string ContentType)?>> placeholders,
        PdfOptions options,
        CancellationToken cancellationToken)
    {
        var noNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var layouts = new List<LayoutStretch>();
        foreach (var group in await LayoutGroupsAsync(parts, render, noNumbers, cancellationToken))
        {
            var stretch = DocumentPart.Span(group[0], group[^1]);
            var read = await printer.MapPartLayoutAsync(
                (prefix, ct) => render(new HtmlViewOptions { ContentsPageNumbers = noNumbers, ResourcePrefix = prefix, Part = stretch, LayoutOnly = true }, ct),
                placeholders,
                options,
                cancellationToken);
            layouts.Add(new LayoutStretch(
                read,
                stretch.LinkTargets(document),
                stretch.SecondLevelHeadings(document),
                [.. group.Skip(1).Select(p => p.StartAnchor(document) ?? throw new FormatException("A part does not begin with an exhibit."))]));
        }

        return PdfLayout.Join(layouts);
    }

    /// <summary>
    /// The parts laid out together: consecutive parts share one layout print while the HTML of their stretch is no
    /// longer than the longest single part's, so no layout print lays out more than the heaviest part's own print must
    /// (ADR 0025), and a run of light parts (a batch of exhibits each) costs one print's set-up, not one each.
    /// </summary>
    private static async Task<List<List<DocumentPart>>> LayoutGroupsAsync(
        IReadOnlyList<DocumentPart> parts,
        Func<HtmlViewOptions, CancellationToken, Task<string>> render,
        IReadOnlyDictionary<string, int> noNumbers,
        CancellationToken cancellationToken)
    {
        async Task<int> LengthAsync(DocumentPart stretch) =>
            (await render(new HtmlViewOptions { ContentsPageNumbers = noNumbers, Part = stretch, LayoutOnly = true }, cancellationToken)).Length;

        var lengths = new List<int>();
        foreach (var part in parts)
        {
            lengths.Add(await LengthAsync(part));
        }

        // A stretch is no longer than its parts' lengths added up (each repeats the page's head), and longer than the
        // longest part it holds: only between those is it rendered to see, so the heaviest part is not rendered again.
        var budget = lengths.Max();
        var groups = new List<List<DocumentPart>>();
        var (sum, holdsLongest) = (0, false);
        for (var i = 0; i < parts.Count; i++)
        {
            var joins = groups.Count > 0 && !holdsLongest
                && (sum + lengths[i] <= budget || await LengthAsync(DocumentPart.Span(groups[^1][0], parts[i])) <= budget);
            if (!joins)
            {
                groups.Add([]);
                (sum, holdsLongest) = (0, false);
            }

            groups[^1].Add(parts[i]);
            sum += lengths[i];
            holdsLongest |= lengths[i] == budget;
        }

        return groups;
    }

    /// <summary>The document in one print, its contents list's numbers from a page map of the whole (two prints).</summary>
    private static async Task<PrintReport> PrintWholeAsync(
        ChromiumPdfPrinter printer,
        Func<HtmlViewOptions, CancellationToken, Task<string>> render,
        Func<string, CancellationToken, Task<(byte[] Bytes, string ContentType)?>> placeholders,
        Func<string, CancellationToken, Task<(byte[] Bytes, string ContentType)?>> resolveResource,
        Stream destination,
        PdfOptions options,
        CancellationToken cancellationToken)
    {
        var numbers = await printer.MapPagesAsync(
            (prefix, ct) => render(new HtmlViewOptions { ContentsPageNumbers = new Dictionary<string, int>(StringComparer.Ordinal), ResourcePrefix = prefix }, ct),
            placeholders,
            options,
            cancellationToken);
        return await printer.PrintAsync(
            (prefix, ct) => render(new HtmlViewOptions { ContentsPageNumbers = numbers, ResourcePrefix = prefix }, ct),
            resolveResource,
            destination,
            options,
            cancellationToken);
    }
}
