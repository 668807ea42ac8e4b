using Microsoft.Extensions.Logging;

namespace IncidentResponse.Documents.Pdf;

/// <summary>A long document printed in parts and joined (ADR 0025), so Chromium holds one part's pictures at a time.</summary>
public sealed partial class ChromiumPdfPrinter
{
    /// <summary>How many exhibits with a picture one part of a binder holds (<see cref="ChromiumPdfPrinterOptions.PicturesPerPart"/>).</summary>
    public int PicturesPerPart => _options.PicturesPerPart;

    /// <summary>
    /// Prints one part once, without keeping it, to learn its layout for <see cref="PrintPartsAsync"/> (ADR 0025): its
    /// pages, where its linked elements and its stubs fall, its links and its outline. As for <see cref="MapPagesAsync"/>,
    /// feed it placeholder pictures of the same box size. Chromium lays out one part's text at a time, never the whole.
    /// </summary>
    /// <exception cref="PdfRendererUnavailableException">Chromium is missing or does not start.</exception>
    /// <exception cref="FormatException">The print is not one this reader understands.</exception>
    internal async Task<PartLayout> MapPartLayoutAsync(
        Func<string, CancellationToken, Task<string>> renderHtml,
        Func<string, CancellationToken, Task<(byte[] Bytes, string ContentType)?>> resolveResource,
        PdfOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(renderHtml);
        ArgumentNullException.ThrowIfNull(resolveResource);
        ArgumentNullException.ThrowIfNull(options);
        using var pdf = new MemoryStream();
        await PrintCoreAsync(renderHtml, resolveResource, pdf, options, PrintPass.Layout, cancellationToken);
        return PdfLayout.ReadPart(pdf.GetBuffer(), (int)pdf.Length);
    }

    /// <summary>
    /// Prints each part (<paramref name="parts"/> render them in order, as <see cref="PrintAsync"/>'s callback does) as
    /// its own Chromium print with its own picture capability, and joins them into <paramref name="destination"/> with
    /// the page numbers, outline and links of <paramref name="layout"/>. Each part is held in memory only until its pages
    /// are copied into the join, which goes to a sealed temporary file; <paramref name="destination"/> receives bytes only
    /// once every part has printed and the join is complete, so a failure or cancellation leaves it untouched, and the
    /// temporary file is deleted whatever happens.
    /// </summary>
    /// <exception cref="PdfRendererUnavailableException">Chromium is missing or does not start.</exception>
    /// <exception cref="PartsDoNotAddUpException">A part came out on more or fewer pages than its layout print.</exception>
    public async Task<PrintReport> PrintPartsAsync(
        PdfLayout layout,
        IReadOnlyList<Func<string, CancellationToken, Task<string>>> parts,
        Func<string, CancellationToken, Task<(byte[] Bytes, string ContentType)?>> resolveResource,
        Stream destination,
        PdfOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(resolveResource);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(options);
        var served = new List<string>();
        var blocked = new List<string>();
        await using var joined = SealedScratchFile.Create(_options.ScratchDirectory ?? Path.GetTempPath());
        int pages;
        using (var join = new PdfJoin(joined, layout))
        {
            foreach (var renderPart in parts)
            {
                using var part = new MemoryStream();
                var report = await PrintCoreAsync(renderPart, resolveResource, part, options, PrintPass.Part, cancellationToken);
                join.Append(part.GetBuffer(), (int)part.Length);
                served.AddRange(report.ServedResources);
                blocked.AddRange(report.BlockedRequests);
            }

            pages = join.Finish();
        }

        cancellationToken.ThrowIfCancellationRequested();
        await joined.OpenIntoAsync(destination, cancellationToken);
        return new PrintReport(served, blocked) { Pages = pages, Parts = parts.Count };
    }

    internal void LogPartsDoNotAddUp(PartsDoNotAddUpException mismatch) => LogPartsMismatch(mismatch.PartPages, mismatch.LayoutPages);

    internal void LogLayoutUnreadable(FormatException unreadable) => LogLayoutNotRead(unreadable.GetType().Name);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "A document printed in parts came out on {PartPages} pages against {LayoutPages} in its layout prints; it is printed again in one part")]
    private partial void LogPartsMismatch(string partPages, string layoutPages);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "The layout prints of a document in parts could not be put together ({Reason}); it is printed in one part")]
    private partial void LogLayoutNotRead(string reason);
}
