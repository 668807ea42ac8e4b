using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using IncidentResponse.Documents.Html;
using IncidentResponse.Documents.Model;
using IncidentResponse.Documents.Pdf;

namespace IncidentResponse.Documents.Tests;

[Collection(SharedPrinter.Name)]
public partial class ChromiumPdfPrinterTests(PrinterFixture fixture)
{
    private static readonly byte[] FirstPicture = TinyPng.Solid(40, 30, 200, 40, 40);
    private static readonly byte[] SecondPicture = TinyPng.Solid(30, 40, 40, 40, 200);

    private static readonly byte[] TinyPngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly ChromiumPdfPrinter _printer = fixture.Printer;
    private readonly DocumentHtmlRenderer _renderer = new();

    [Fact]
    public async Task Pixelate_renders_a_picture_sixteen_pixels_across_keeping_its_shape()
    {
        var tall = TinyPng.Solid(1080, 1920, 200, 40, 40);

        var tiny = await _printer.PixelateAsync(tall, "image/png", 16);

        Assert.NotNull(tiny);
        Assert.Equal(TinyPngSignature, tiny[..8]);
        Assert.Equal(16, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(tiny.AsSpan(16)));
        Assert.InRange(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(tiny.AsSpan(20)), 28, 29);
        Assert.True(tiny.Length < tall.Length);
    }

    [Fact]
    public async Task Pixelate_gives_nothing_for_bytes_that_are_not_a_picture()
    {
        Assert.Null(await _printer.PixelateAsync("not a picture at all"u8.ToArray(), "image/png", 16));
    }

    [Fact]
    public async Task A_binder_prints_with_its_headings_fingerprints_and_page_numbers()
    {
        var document = SampleDocuments.Binder();
        var resources = new Resources();

        var (pdf, report) = await PrintAsync(document, resources);

        var text = await PdfTools.TextAsync(pdf);
        foreach (var section in document.Sections)
        {
            Assert.Contains(section.Heading, text, StringComparison.Ordinal);
        }

        Assert.Contains(SampleDocuments.FirstSha256, text, StringComparison.Ordinal);
        Assert.Contains(SampleDocuments.SecondSha256, text, StringComparison.Ordinal);
        Assert.Contains("Page 1 of", text, StringComparison.Ordinal);
        Assert.Contains("CONFIDENTIAL", text, StringComparison.Ordinal);
        Assert.Contains("Generated 2026-11-21 14:30:00 UTC", text, StringComparison.Ordinal);
        Assert.Contains("<script>alert('x')</script>", text, StringComparison.Ordinal);

        var info = await PdfTools.InfoAsync(pdf);
        Assert.True(PageCount(info) >= 3, info);
        Assert.Matches(@"Tagged:\s+yes", info);

        // Skia writes the outline uncompressed: one entry per heading, sections and exhibits included.
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.Contains("/Outlines", raw, StringComparison.Ordinal);
        Assert.Contains("/Title (Where the images were seen)", raw, StringComparison.Ordinal);
        Assert.Contains("/Title (Exhibit 2)", raw, StringComparison.Ordinal);

        Assert.Equal(["exhibit/1", "exhibit/2"], resources.Requested.Order());
        Assert.Equal(["exhibit/1", "exhibit/2"], report.ServedResources.Order());
        Assert.Empty(report.BlockedRequests);
    }

    [Fact]
    public async Task A_source_address_in_the_model_is_never_requested()
    {
        var document = SampleDocuments.Binder(secondSourceUrl: "https://example.org/x.png");

        var (pdf, report) = await PrintAsync(document, new Resources());

        Assert.Empty(report.BlockedRequests);
        Assert.Contains("https://example.org/x.png", await PdfTools.TextAsync(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_request_outside_the_document_resources_is_aborted_and_recorded()
    {
        const string html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>t</title>
            <link rel="stylesheet" href="https://example.org/style.css"></head>
            <body><h1>Outside</h1>
            <img src="https://example.org/x.png" alt="outside">
            <img src="https://binder.invalid/resource/exhibit/1" alt="inside">
            <img src="https://binder.invalid/other/exhibit/1" alt="same host, not a resource">
            </body></html>
            """;
        var resources = new Resources();
        using var destination = new MemoryStream();

        var report = await _printer.PrintAsync(html, resources.ResolveAsync, destination, Options());

        Assert.Contains("https://example.org/x.png", report.BlockedRequests);
        Assert.Contains("https://example.org/style.css", report.BlockedRequests);
        Assert.Contains("https://binder.invalid/other/exhibit/1", report.BlockedRequests);
        Assert.Equal(["exhibit/1"], resources.Requested);
        Assert.True(destination.Length > 0);
    }

    [Fact]
    public async Task Two_documents_print_at_once()
    {
        var first = PrintAsync(SampleDocuments.Binder(), new Resources());
        var second = PrintAsync(SampleDocuments.Binder() with { Title = "Second record" }, new Resources());

        var results = await Task.WhenAll(first, second);

        foreach (var (pdf, _) in results)
        {
            Assert.True(PageCount(await PdfTools.InfoAsync(pdf)) >= 3);
        }

        Assert.Contains("Second record", await PdfTools.TextAsync(results[1].Pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_more_documents_print_at_once_than_allowed()
    {
        await using var printer = new ChromiumPdfPrinter(new ChromiumPdfPrinterOptions { MaxConcurrentRenders = 1 });
        var inside = 0;
        var mostAtOnce = 0;
        async Task<(byte[] Bytes, string ContentType)?> SlowResolveAsync(string name, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref mostAtOnce, now);
            await Task.Delay(300, cancellationToken);
            Interlocked.Decrement(ref inside);
            return (FirstPicture, "image/png");
        }

        var html = await _renderer.RenderAsync(SampleDocuments.Binder());
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        await Task.WhenAll(
            printer.PrintAsync(html, SlowResolveAsync, first, Options()),
            printer.PrintAsync(html, SlowResolveAsync, second, Options()));

        Assert.True(first.Length > 0);
        Assert.True(second.Length > 0);
        // One document asks for its two pictures at once; two documents printing together would reach four.
        Assert.InRange(mostAtOnce, 1, 2);
    }

    [Fact]
    public async Task A_missing_chromium_says_pdf_is_not_available_here()
    {
        await using var printer = new ChromiumPdfPrinter(new ChromiumPdfPrinterOptions { ExecutablePath = "/nonexistent/chromium" });
        using var destination = new MemoryStream();

        var exception = await Assert.ThrowsAsync<PdfRendererUnavailableException>(
            () => printer.PrintAsync("<p>x</p>", new Resources().ResolveAsync, destination, Options()));

        Assert.Contains("print view", exception.Message, StringComparison.Ordinal);
        Assert.False(printer.IsChromiumInstalled);
    }

    [Fact]
    public async Task A_failing_resource_fails_the_print_instead_of_waiting()
    {
        var html = await _renderer.RenderAsync(SampleDocuments.Binder());
        using var destination = new MemoryStream();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => _printer.PrintAsync(
            html,
            (_, _) => throw new IOException("The vault could not decrypt the picture."),
            destination,
            Options()));

        Assert.IsType<IOException>(exception.InnerException);
        Assert.Equal(0, destination.Length);
    }

    private static PdfOptions Options() => PdfOptions.For(SampleDocuments.Binder());

    private static int PageCount(string pdfInfo) =>
        int.Parse(PagesLine().Match(pdfInfo).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private async Task<(byte[] Pdf, PrintReport Report)> PrintAsync(DocumentModel document, Resources resources)
    {
        var html = await _renderer.RenderAsync(document);
        using var destination = new MemoryStream();
        var report = await _printer.PrintAsync(html, resources.ResolveAsync, destination, PdfOptions.For(document));
        return (destination.ToArray(), report);
    }

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesLine();

    /// <summary>Stands in for the evidence vault: pictures by resource name, counting what was asked for.</summary>
    private sealed class Resources
    {
        private readonly ConcurrentQueue<string> _requested = new();

        public IReadOnlyList<string> Requested => [.. _requested];

        public Task<(byte[] Bytes, string ContentType)?> ResolveAsync(string name, CancellationToken cancellationToken)
        {
            _requested.Enqueue(name);
            (byte[] Bytes, string ContentType)? picture = name switch
            {
                "exhibit/1" => (FirstPicture, "image/png"),
                "exhibit/2" => (SecondPicture, "image/png"),
                _ => null,
            };
            return Task.FromResult(picture);
        }
    }
}
