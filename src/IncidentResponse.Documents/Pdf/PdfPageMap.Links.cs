using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Outline.Destinations;

namespace IncidentResponse.Documents.Pdf;

/// <summary>
/// A part's named destinations with their place, and its links with the name each opens, read from the PDF as
/// Chromium writes it without building a single page's text: a print's layout needs nothing else, and reading every
/// page's letters of a long document cost the app more memory than the document itself (ADR 0025).
/// </summary>
internal static partial class PdfPageMap
{
    /// <summary>
    /// The page count, each named destination (its page and the place on it), and each page's internal links: the
    /// area and the destination's name. Throws <see cref="FormatException"/> on anything Chromium does not write.
    /// </summary>
    public static PartLinks ReadLinks(ReadOnlySpan<byte> pdf)
    {
        try
        {
            return ReadLinksOrThrow(Encoding.Latin1.GetString(pdf));
        }
        catch (Exception exception) when (exception is ArgumentException or KeyNotFoundException or OverflowException or InvalidOperationException
            or IndexOutOfRangeException)
        {
            throw new FormatException("The layout print could not be read.", exception);
        }
    }

    private static PartLinks ReadLinksOrThrow(string pdf)
    {
        var startXref = pdf.LastIndexOf("startxref", StringComparison.Ordinal);
        var xref = startXref < 0 ? throw new FormatException("No cross-reference table.") : Number(Token(pdf, startXref + "startxref".Length, out _));
        if (string.CompareOrdinal(pdf, xref, "xref", 0, 4) != 0)
        {
            throw new FormatException("No classic cross-reference table.");
        }

        var offsets = CrossReferences(pdf, xref + 4, out var trailerStart);
        var root = RootPattern().Match(pdf[trailerStart..startXref]);
        var catalog = root.Success ? Body(pdf, offsets, Number(root.Groups[1].Value)) : throw new FormatException("No catalog.");
        var pagesRef = PagesPattern().Match(catalog);
        var pageNumbers = pagesRef.Success ? PageNumbers(pdf, offsets, Number(pagesRef.Groups[1].Value)) : throw new FormatException("No pages.");

        var destinations = new Dictionary<string, ExplicitDestination>(StringComparer.Ordinal);
        if (DestsPattern().Match(catalog) is { Success: true } destsRef)
        {
            foreach (Match destination in PlacedDestinationPattern().Matches(Body(pdf, offsets, Number(destsRef.Groups[1].Value))))
            {
                if (pageNumbers.TryGetValue(Number(destination.Groups[2].Value), out var page))
                {
                    destinations[DecodeName(destination.Groups[1].Value)] = new ExplicitDestination(
                        page,
                        ExplicitDestinationType.XyzCoordinates,
                        new ExplicitDestinationCoordinates(Decimal(destination.Groups[3].Value), Decimal(destination.Groups[4].Value)));
                }
            }
        }

        var links = new Dictionary<int, IReadOnlyList<(PdfRectangle Area, string Target)>>();
        foreach (var (pageObject, page) in pageNumbers)
        {
            var annotations = AnnotsPattern().Match(Body(pdf, offsets, pageObject));
            var onPage = new List<(PdfRectangle, string)>();
            foreach (Match reference in ReferencePattern().Matches(annotations.Success ? annotations.Groups[1].Value : ""))
            {
                var annotation = Body(pdf, offsets, Number(reference.Groups[1].Value));
                if (LinkPattern().IsMatch(annotation) && RectPattern().Match(annotation) is { Success: true } rect
                    && NamedDestPattern().Match(annotation) is { Success: true } target)
                {
                    var corners = rect.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Decimal).ToArray();
                    onPage.Add((new PdfRectangle(corners[0], corners[1], corners[2], corners[3]), DecodeName(target.Groups[1].Value)));
                }
            }

            if (onPage.Count > 0)
            {
                links[page] = onPage;
            }
        }

        return new PartLinks(pageNumbers.Count, destinations, links);
    }

    private static double Decimal(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/([^\s/\[\]<>()]+)\s*\[\s*(\d+)\s+0\s+R\s*/XYZ\s+(-?[\d.]+)\s+(-?[\d.]+)")]
    private static partial Regex PlacedDestinationPattern();

    [GeneratedRegex(@"/Annots\s*\[([^\]]*)\]")]
    private static partial Regex AnnotsPattern();

    [GeneratedRegex(@"/Subtype\s*/Link\b")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"/Rect\s*\[([-\d.\s]+)\]")]
    private static partial Regex RectPattern();

    [GeneratedRegex(@"/Dest\s*/([^\s/\[\]<>()]+)")]
    private static partial Regex NamedDestPattern();
}

/// <summary>What <see cref="PdfPageMap.ReadLinks"/> reads: pages, named destinations and links by the name they open.</summary>
internal sealed record PartLinks(
    int Pages,
    IReadOnlyDictionary<string, ExplicitDestination> Destinations,
    IReadOnlyDictionary<int, IReadOnlyList<(PdfRectangle Area, string Target)>> Links);
