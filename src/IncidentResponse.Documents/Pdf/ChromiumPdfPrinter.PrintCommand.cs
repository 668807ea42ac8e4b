using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace IncidentResponse.Documents.Pdf;

/// <summary>The print itself: the DevTools command, its header and footer, and the PDF streamed back in chunks.</summary>
public sealed partial class ChromiumPdfPrinter
{
    internal static string HeaderTemplate(PdfOptions options) =>
        $"""
        <div style="width:100%;font-size:8pt;font-family:sans-serif;color:#000;margin:0 18mm;display:flex;justify-content:space-between;">
        <span>{Encode(options.RunningHeader)}</span><span style="font-weight:bold;text-transform:uppercase;">{Encode(options.ConfidentialityMarking)}</span>
        </div>
        """;

    /// <summary>
    /// The footer: when the copy was made and, unless <paramref name="numbered"/> is false (a part of a binder printed in
    /// parts, numbered across the whole binder when the parts are joined, <see cref="PdfJoin"/>), "Page X of Y".
    /// </summary>
    internal static string FooterTemplate(PdfOptions options, bool numbered = true) =>
        $"""
        <div style="width:100%;font-size:8pt;font-family:sans-serif;color:#000;margin:0 18mm;display:flex;justify-content:space-between;">
        <span>{(options.PrintsGeneratedTime ? "Generated " + Encode(Html.Formats.Utc(options.GeneratedAtUtc)) : "")}</span>{(numbered ? "<span>Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></span>" : "")}
        </div>
        """;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>
    /// Prints through the DevTools protocol with the PDF returned as a stream Chromium holds, read in
    /// <see cref="ChunkBytes"/> pieces straight into <paramref name="destination"/>: this process never holds more than
    /// one chunk of the PDF, whatever its size. (Playwright's <c>PdfAsync</c> returns the whole PDF as one array, sent
    /// as one base64 message, several hundred megabytes for a case with many pictures.) Nothing is written until
    /// Chromium has finished printing, so a failed print leaves the destination untouched. Returns the number of pages.
    /// </summary>
    private static async Task<int> StreamPdfAsync(IPage page, PdfOptions options, PrintPass pass, Stream destination, CancellationToken cancellationToken)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        var printed = await session.SendAsync("Page.printToPDF", PrintParameters(options, pass))
            ?? throw new InvalidOperationException("Chromium printed nothing.");
        var handle = printed.GetProperty("stream").GetString()
            ?? throw new InvalidOperationException("Chromium returned no PDF stream.");
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var pages = new PdfPageCounter();
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = await session.SendAsync("IO.read", new Dictionary<string, object> { ["handle"] = handle, ["size"] = ChunkBytes })
                    ?? throw new InvalidOperationException("Chromium stopped answering while the PDF was read.");
                var data = read.GetProperty("data").GetString() ?? "";
                if (data.Length > 0)
                {
                    var base64 = read.TryGetProperty("base64Encoded", out var encoded) && encoded.ValueKind == JsonValueKind.True;
                    var length = base64 ? Decode(data, ref buffer) : Encoding.Latin1.GetBytes(data, 0, data.Length, Grow(ref buffer, data.Length), 0);
                    pages.Add(buffer.AsSpan(0, length));
                    await destination.WriteAsync(buffer.AsMemory(0, length), cancellationToken);
                }

                if (read.TryGetProperty("eof", out var eof) && eof.ValueKind == JsonValueKind.True)
                {
                    return pages.Pages;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            try
            {
                await session.SendAsync("IO.close", new Dictionary<string, object> { ["handle"] = handle });
                await session.DetachAsync();
            }
            catch (PlaywrightException)
            {
                // The page is closed with its context just after; Chromium drops the stream then.
            }
        }
    }

    private static int Decode(string base64, ref byte[] buffer)
    {
        var target = Grow(ref buffer, base64.Length / 4 * 3);
        return Convert.TryFromBase64String(base64, target, out var written)
            ? written
            : throw new InvalidOperationException("Chromium sent a PDF chunk that is not base64.");
    }

    private static byte[] Grow(ref byte[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = ArrayPool<byte>.Shared.Rent(length);
        }

        return buffer;
    }

    /// <summary>The same settings Playwright's <c>PdfAsync</c> sends for A4 or Letter, our margins, header and footer.</summary>
    internal static Dictionary<string, object> PrintParameters(PdfOptions options, PrintPass pass)
    {
        var outlineAndTags = pass is PrintPass.Document or PrintPass.Layout;
        var (width, height) = options.PaperSize == PaperSize.Letter ? (8.5, 11.0) : (8.27, 11.7);
        return new Dictionary<string, object>
        {
            ["transferMode"] = "ReturnAsStream",
            ["landscape"] = false,
            ["displayHeaderFooter"] = true,
            ["headerTemplate"] = HeaderTemplate(options),
            ["footerTemplate"] = FooterTemplate(options, numbered: pass != PrintPass.Part),
            ["printBackground"] = true,
            ["scale"] = 1.0,
            ["paperWidth"] = width,
            ["paperHeight"] = height,
            ["marginTop"] = Inches(PageLayout.MarginTop),
            ["marginBottom"] = Inches(PageLayout.MarginBottom),
            ["marginLeft"] = Inches(PageLayout.MarginSide),
            ["marginRight"] = Inches(PageLayout.MarginSide),
            ["preferCSSPageSize"] = true,
            ["generateTaggedPDF"] = outlineAndTags,
            ["generateDocumentOutline"] = outlineAndTags,
        };
    }

    /// <summary>A length in millimetres ("22mm") in inches, as Playwright converts it (3.78 CSS pixels a millimetre).</summary>
    private static double Inches(string millimetres) =>
        double.Parse(millimetres.AsSpan(0, millimetres.Length - 2), NumberStyles.Float, CultureInfo.InvariantCulture) * 3.78 / 96;
}

/// <summary>Which print: what it carries besides the page content, and its name in telemetry.</summary>
internal enum PrintPass
{
    /// <summary>A whole document to keep: outline, tags and "Page X of Y".</summary>
    Document,

    /// <summary>A throw-away print that only finds where each linked element falls.</summary>
    PageMap,

    /// <summary>A throw-away print of the whole document, with its outline, to lay out a binder printed in parts.</summary>
    Layout,

    /// <summary>One part of a binder printed in parts: no outline, no tags and no page number (the join adds them).</summary>
    Part,
}
