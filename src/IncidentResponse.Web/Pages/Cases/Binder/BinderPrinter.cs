using System.Globalization;
using IncidentResponse.Documents.Binder;
using IncidentResponse.Documents.Html;
using IncidentResponse.Documents.Model;
using IncidentResponse.Documents.Pdf;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Binders;
using IncidentResponse.Domain.Data;
using BinderOptions = IncidentResponse.Documents.Binder.BinderOptions;

namespace IncidentResponse.Web.Pages.Cases.Binder;

/// <summary>
/// Turns a built binder into what the person takes away: a PDF printed by the shared Chromium printer in two passes
/// (the first only finds the pages the contents list names; a binder with more pictures than a part holds is printed
/// in parts and joined, ADR 0025), or one HTML page for their own browser to print; and
/// records in the case's history that a binder was made. Pictures reach the printer only through
/// <see cref="ExhibitPictures"/>: metadata-free copies, obscured ones only pixelated, withheld ones not at all.
/// </summary>
public sealed class BinderPrinter(
    AppDbContext db,
    BinderBuilder builder,
    ExhibitPictures pictures,
    DocumentHtmlRenderer renderer,
    ChromiumPdfPrinter printer,
    AuditTrail audit)
{
    /// <summary>Stands in for every picture in the first print, which only finds where the pages fall.</summary>
    private static readonly byte[] EmptyPicture = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>"u8.ToArray();

    public bool IsPdfAvailable => printer.IsChromiumInstalled;

    /// <summary>
    /// Builds, checks and prints the binder as PDF into <paramref name="destination"/> (bytes are written only once the
    /// whole PDF is ready, so a failure leaves it untouched).
    /// </summary>
    /// <exception cref="PdfRendererUnavailableException">Chromium is missing or does not start.</exception>
    public async Task<BinderDocument> WritePdfAsync(Guid caseId, BinderOptions options, Stream destination, CancellationToken cancellationToken)
    {
        if (!printer.IsChromiumInstalled)
        {
            throw new PdfRendererUnavailableException("Chromium is not installed, so PDFs cannot be made here.");
        }

        var binder = await builder.BuildDocumentAsync(caseId, options, cancellationToken);
        await WritePdfAsync(binder, destination, cancellationToken);
        return binder;
    }

    /// <summary>
    /// Prints an already built binder. Pictures are decrypted (and obscured ones pixelated by SkiaSharp) as the page asks for them, a
    /// few at a time (<see cref="ChromiumPdfPrinterOptions.MaxConcurrentResources"/>). When <paramref name="progress"/> is
    /// given, it is told each phase as it starts and each picture as the printer is handed it ("exhibit k of n").
    /// </summary>
    public async Task WritePdfAsync(BinderDocument binder, Stream destination, CancellationToken cancellationToken, BinderProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(binder);
        var pdfOptions = PdfOptions.For(binder.Document);
        progress?.Expect(BinderProgress.PicturesIn(binder));
        progress?.Begin(BinderJobPhase.Contents);
        var parts = DocumentPart.Split(binder.Document, printer.PicturesPerPart);
        if (parts.Count > 1)
        {
            await WritePartsAsync(binder, parts, pdfOptions, destination, progress, cancellationToken);
            return;
        }

        var pages = await ContentsPagesAsync(binder.Document, pdfOptions, cancellationToken);
        using var printing = BinderTelemetry.Start("print");
        // The printer answers the page's requests a few at a time, so memory holds a few pictures, not the whole case.
        var report = await printer.PrintAsync(
            async (prefix, ct) =>
            {
                progress?.Begin(BinderJobPhase.Render);
                using var rendering = BinderTelemetry.Start("render");
                var html = await renderer.RenderAsync(binder.Document, new HtmlViewOptions { ContentsPageNumbers = pages, ResourcePrefix = prefix }, ct);
                rendering.Done();
                progress?.Begin(BinderJobPhase.Print);
                return html;
            },
            Pictures(binder, progress),
            destination,
            pdfOptions,
            cancellationToken);
        progress?.AllServed();
        printing.Printed(binder.Exhibits.Count, report.ServedResources.Count(ExhibitResources.IsPicture), report.Pages);
    }

    /// <summary>More pictures than one part holds: printed in parts and joined, so Chromium holds one part's pictures (ADR 0025).</summary>
    private async Task WritePartsAsync(
        BinderDocument binder, IReadOnlyList<DocumentPart> parts, PdfOptions pdfOptions, Stream destination, BinderProgress? progress, CancellationToken cancellationToken)
    {
        using var parted = BinderTelemetry.Start("print");
        var report = await PartedDocumentPrint.PrintAsync(
            printer,
            binder.Document,
            parts,
            (options, ct) =>
            {
                // The layout prints (and a whole print's page map, should the parts not fit) work out the contents' numbers.
                progress?.Begin(options.LayoutOnly || options.Part is null ? BinderJobPhase.Contents : BinderJobPhase.Print);
                return renderer.RenderAsync(binder.Document, options, ct);
            },
            PlaceholderAsync,
            Pictures(binder, progress),
            destination,
            pdfOptions,
            cancellationToken);
        progress?.AllServed();
        parted.Printed(binder.Exhibits.Count, report.ServedResources.Count(ExhibitResources.IsPicture), report.Pages);
    }

    /// <summary>The binder's pictures as the printer asks for them, each counted into <paramref name="progress"/>.</summary>
    private Func<string, CancellationToken, Task<(byte[] Bytes, string ContentType)?>> Pictures(BinderDocument binder, BinderProgress? progress)
    {
        var byNumber = binder.Exhibits.ToDictionary(e => e.Number);
        return async (name, ct) =>
        {
            var found = await pictures.ResolveAsync(name, number => Task.FromResult(byNumber.GetValueOrDefault(number)), ct);
            if (ExhibitResources.IsPicture(name))
            {
                progress?.PictureServed();
            }

            return found;
        };
    }

    /// <summary>The same binder as one HTML page for the person's own browser, its pictures under <paramref name="resourcePrefix"/>.</summary>
    public async Task<string> RenderHtmlAsync(BinderDocument binder, string resourcePrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(binder);
        return await renderer.RenderAsync(
            binder.Document,
            new HtmlViewOptions
            {
                ResourcePrefix = resourcePrefix,
                ScreenNote = "This is your binder, ready to print. Use your browser's Print command (Ctrl+P, or ⌘P on a Mac) "
                    + "and choose a printer or \"Save as PDF\". This note is not printed.",
            },
            cancellationToken);
    }

    /// <summary>Records that a binder was made: its form, preset and counts only, never its content.</summary>
    public async Task RecordMadeAsync(Guid caseId, Guid userId, string format, BinderOptions options, BinderDocument binder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(binder);
        var details = string.Create(
            CultureInfo.InvariantCulture,
            $"{format} preset:{options.Preset} sections:{options.Sections.Count} exhibits:{binder.Exhibits.Count} problems:{binder.Problems} head:{binder.AuditHead?.Sequence ?? 0}");
        await audit.RecordAsync(caseId, userId, AuditActions.BinderMade, "Case", caseId.ToString(), details, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Where each section and exhibit the contents list names begins, from a first print of the same document with
    /// every picture replaced by an empty one: pictures sit in fixed-size boxes, so the pages fall exactly as in the
    /// real print, and the first print costs the text only (no file is decrypted for it). Null when the binder has
    /// no contents list.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, int>?> ContentsPagesAsync(DocumentModel document, PdfOptions pdfOptions, CancellationToken cancellationToken)
    {
        if (!document.Sections.Any(s => s.Blocks.OfType<TableOfContents>().Any()))
        {
            return null;
        }

        using var mapping = BinderTelemetry.Start("contents");
        var pages = await printer.MapPagesAsync(
            (prefix, ct) => renderer.RenderAsync(
                document, new HtmlViewOptions { ContentsPageNumbers = new Dictionary<string, int>(StringComparer.Ordinal), ResourcePrefix = prefix }, ct),
            PlaceholderAsync,
            pdfOptions,
            cancellationToken);
        mapping.Done();
        return pages;
    }

    private static Task<(byte[] Bytes, string ContentType)?> PlaceholderAsync(string name, CancellationToken cancellationToken) =>
        Task.FromResult<(byte[] Bytes, string ContentType)?>(ExhibitResources.IsPicture(name) ? (EmptyPicture, "image/svg+xml") : null);
}
