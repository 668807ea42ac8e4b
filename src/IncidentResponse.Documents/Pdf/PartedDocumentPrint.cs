using IncidentResponse.Documents.Html;
using IncidentResponse.Documents.Model;

namespace IncidentResponse.Documents.Pdf;

/// <summary>A document with many pictures printed in parts and joined (ADR 0025): the layout pass, then each part.</summary>
public static class PartedDocumentPrint
{
    /// <summary>
    /// Prints <paramref name="document"/> cut into <paramref name="parts"/> (<see cref="DocumentPart.Split"/>) into
    /// <paramref name="destination"/>: first the whole document once with <paramref name="placeholders"/> for its
    /// pictures, to learn its layout (the contents list's page numbers, the outline, the links), then each part with
    /// its real pictures from <paramref name="resolveResource"/>, joined with that layout. <paramref name="render"/>
    /// renders the document with the options it is given (a caller may time it). Should the parts come out on more or
    /// fewer pages than the layout pass, the document is printed again whole (<see cref="PrintReport.Parts"/> is then 1).
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
        var layout = await printer.MapLayoutAsync(
            (prefix, ct) => render(new HtmlViewOptions { ContentsPageNumbers = new Dictionary<string, int>(StringComparer.Ordinal), ResourcePrefix = prefix }, ct),
            placeholders,
            options,
            cancellationToken);
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
            // The parts did not lay out as the whole did, so their page numbers cannot be trusted: the destination is
            // still untouched, and the document is printed whole, as one that fits in one part is (ADR 0025).
            printer.LogPartsDoNotAddUp(mismatch);
            return await printer.PrintAsync(
                (prefix, ct) => render(new HtmlViewOptions { ContentsPageNumbers = numbers, ResourcePrefix = prefix }, ct),
                resolveResource,
                destination,
                options,
                cancellationToken);
        }
    }
}
