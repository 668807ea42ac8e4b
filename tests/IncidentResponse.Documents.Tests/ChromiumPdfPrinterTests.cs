using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using IncidentResponse.Documents.Html;
using IncidentResponse.Documents.Model;
using IncidentResponse.Documents.Pdf;

namespace IncidentResponse.Documents.Tests;

[Trait("Category", "Chromium")]
[Collection(SharedPrinter.Name)]
public partial class ChromiumPdfPrinterTests(PrinterFixture fixture)
{
    private static readonly byte[] FirstPicture = TestImages.SolidPng(40, 30, 200, 40, 40);
    private static readonly byte[] SecondPicture = TestImages.SolidPng(30, 40, 40, 40, 200);

    private readonly ChromiumPdfPrinter _printer = fixture.Printer;
    private readonly DocumentHtmlRenderer _renderer = new();

    [Fact]
    public async Task A_binder_prints_with_its_headings_fingerprints_and_page_numbers()
    {
        var document = SampleDocuments.Binder();
        var resources = new Resources();

        var (pdf, report) = await PrintAsync(document, resources);

        var read = PdfTools.Read(pdf);
        var text = read.Text;
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

        Assert.True(read.PageCount >= 3, $"{read.PageCount} pages");
        Assert.True(read.Tagged);
        Assert.Equal(read.PageCount, report.Pages);
        Assert.Equal("Evidence record", read.Title);

        // The outline: the document, one entry per heading under it (the contents list's too) and one per exhibit under
        // the exhibits, each opening the page its heading is printed on.
        Assert.Equal(
            [("Evidence record", 0), ("Summary of what happened", 1), ("Contents", 1), ("Where the images were seen", 1), ("Exhibits", 1), ("Exhibit 1", 2), ("Exhibit 2", 2)],
            read.Bookmarks.Select(b => (b.Title, b.Level)));
        Assert.All(read.Bookmarks, b => Assert.Contains(read.Page(b.Page!.Value).Lines, l => l.StartsWith(b.Title, StringComparison.Ordinal)));

        // Each exhibit's picture at its own size on its exhibit's page.
        Assert.Equal([new PdfImage(40, 30, IsMask: false)], read.Page(read.Bookmarks.Single(b => b.Title == "Exhibit 1").Page!.Value).Images);
        Assert.Equal([new PdfImage(30, 40, IsMask: false)], read.Page(read.Bookmarks.Single(b => b.Title == "Exhibit 2").Page!.Value).Images);

        Assert.Equal(["exhibit/1", "exhibit/2"], resources.Requested.Order());
        Assert.Equal(["exhibit/1", "exhibit/2"], report.ServedResources.Order());
        Assert.Empty(report.BlockedRequests);
    }

    [Fact]
    public async Task A_pdf_larger_than_a_chunk_is_written_out_in_pieces_as_chromium_gives_them()
    {
        var noise = TestImages.NoisePng(1200, 1000, seed: 6);
        await using var destination = new WriteRecordingStream();

        var report = await _printer.PrintAsync(
            Rendered(SampleDocuments.Binder()),
            (name, _) => Task.FromResult<(byte[] Bytes, string ContentType)?>(name == "exhibit/1" ? (noise, "image/png") : null),
            destination,
            Options());

        // Random pixels do not compress: the picture alone is 3.6 MB in the PDF, so it took several pieces.
        var pdf = destination.ToArray();
        Assert.True(pdf.Length > 3 * 1024 * 1024, $"{pdf.Length} bytes");
        Assert.True(destination.Writes >= 4, $"{destination.Writes} writes");
        Assert.True(destination.LargestWrite <= 1024 * 1024, $"{destination.LargestWrite} bytes in one write");
        Assert.StartsWith("%PDF-", System.Text.Encoding.Latin1.GetString(pdf, 0, 8), StringComparison.Ordinal);
        Assert.Contains("%%EOF", System.Text.Encoding.Latin1.GetString(pdf, pdf.Length - 8, 8), StringComparison.Ordinal);
        var read = PdfTools.Read(pdf);
        Assert.True(read.Tagged);
        Assert.Equal(read.PageCount, report.Pages);
        Assert.Contains(read.Bookmarks, b => b.Title == "Exhibit 2");
        Assert.Contains(SampleDocuments.SecondSha256, read.Text, StringComparison.Ordinal);
        Assert.Contains(new PdfImage(1200, 1000, IsMask: false), read.Images);
    }

    [Fact]
    public async Task Map_pages_gives_the_page_each_linked_section_and_exhibit_starts_on()
    {
        var document = SampleDocuments.Binder();

        var map = await _printer.MapPagesAsync(Rendered(document), new Resources().ResolveAsync, Options());

        var (printed, _) = await PrintAsync(document, new Resources());
        var pdf = PdfTools.Read(printed);
        var listed = document.Sections.Where(s => s.Blocks is not [TableOfContents]).ToList();
        var exhibits = document.Sections.SelectMany(s => s.Blocks).OfType<ExhibitBlock>().ToList();
        Assert.Equal(listed.Count + exhibits.Count, map.Count);
        foreach (var section in listed)
        {
            Assert.Contains(section.Heading, pdf.Page(map["section-" + section.Id]).Text, StringComparison.Ordinal);
            // The same page Chromium's own outline opens for the heading.
            Assert.Equal(map["section-" + section.Id], pdf.Bookmarks.Single(b => b.Title == section.Heading).Page);
        }

        foreach (var exhibit in exhibits)
        {
            var page = pdf.Page(map[$"exhibit-{exhibit.Number}"]).Text;
            Assert.Contains($"Exhibit {exhibit.Number}", page, StringComparison.Ordinal);
            Assert.Contains(exhibit.Sha256, page, StringComparison.Ordinal);
            Assert.Equal(map[$"exhibit-{exhibit.Number}"], pdf.Bookmarks.Single(b => b.Title == $"Exhibit {exhibit.Number}").Page);
        }

        // Each exhibit has a page of its own, after the section that holds them begins.
        Assert.True(map["exhibit-2"] > map["exhibit-1"]);
        Assert.True(map["exhibit-1"] >= map["section-exhibits"]);
        Assert.True(map["section-exhibits"] > map["section-sightings"]);
    }

    [Fact]
    public async Task Map_pages_reads_a_page_tree_of_many_levels()
    {
        // Skia groups pages eight to a node, so 30 pages make a tree of nodes within nodes.
        var links = string.Concat(Enumerable.Range(1, 30).Select(i => $"<a href=\"#part-{i}\">{i}</a> "));
        var parts = string.Concat(Enumerable.Range(1, 30).Select(i => $"<h2 id=\"part-{i}\" style=\"break-before:page\">Part {i}</h2>"));

        var map = await _printer.MapPagesAsync(Fixed($"<!DOCTYPE html><html><body><p>{links}</p>{parts}</body></html>"), new Resources().ResolveAsync, Options());

        Assert.Equal(30, map.Count);
        foreach (var i in Enumerable.Range(1, 30))
        {
            Assert.Equal(i + 1, map[$"part-{i}"]);
        }
    }

    [Fact]
    public async Task A_contents_list_printed_with_its_page_numbers_names_the_pages_its_entries_are_on()
    {
        var document = SampleDocuments.Binder();
        var map = await _printer.MapPagesAsync(
            Rendered(document, new HtmlViewOptions { ContentsPageNumbers = new Dictionary<string, int>() }), new Resources().ResolveAsync, Options());

        using var destination = new MemoryStream();
        await _printer.PrintAsync(Rendered(document, new HtmlViewOptions { ContentsPageNumbers = map }), new Resources().ResolveAsync, destination, Options());
        var pdf = PdfTools.Read(destination.ToArray());

        // The contents list on the first page, read back: "Exhibit 2 .... 4" means exhibit 2's heading is on page 4.
        var contents = pdf.Page(1).Lines.Select(l => ContentsLine().Match(l)).Where(m => m.Success).ToList();
        var exhibitLine = contents.Single(m => m.Groups[1].Value == "Exhibit 2");
        var page = int.Parse(exhibitLine.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(map["exhibit-2"], page);
        var text = pdf.Page(page).Text;
        Assert.Contains("Exhibit 2", text, StringComparison.Ordinal);
        Assert.Contains(SampleDocuments.SecondSha256, text, StringComparison.Ordinal);
        var sightingsLine = contents.Single(m => m.Groups[1].Value == "Where the images were seen");
        Assert.Contains("Where the images were seen", pdf.Page(int.Parse(sightingsLine.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_address_in_the_model_is_never_requested()
    {
        var document = SampleDocuments.Binder(secondSourceUrl: "https://example.org/x.png");

        var (pdf, report) = await PrintAsync(document, new Resources());

        Assert.Empty(report.BlockedRequests);
        Assert.Contains("https://example.org/x.png", PdfTools.Text(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_request_outside_the_document_resources_is_aborted_and_recorded()
    {
        var outside = new List<string>();
        Task<string> Page(string prefix, CancellationToken _)
        {
            // The same capability on another port and under another name for the host, another path on the same server.
            var address = new Uri(prefix);
            var capability = address.AbsolutePath;
            outside.Add($"http://127.0.0.1:{address.Port + 1}{capability}exhibit/2");
            outside.Add($"http://localhost:{address.Port}{capability}exhibit/2");
            outside.Add($"http://127.0.0.1:{address.Port}/other{capability}exhibit/2");
            outside.Add("https://binder.invalid/resource/exhibit/2");
            var images = string.Concat(outside.Select(url => $"<img src=\"{url}\" alt=\"\">"));
            return Task.FromResult($"""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>t</title>
                <link rel="stylesheet" href="https://example.org/style.css"></head>
                <body><h1>Outside</h1>
                <img src="https://example.org/x.png" alt="outside">
                <img src="{prefix}exhibit/1" alt="inside">
                {images}
                </body></html>
                """);
        }

        var resources = new Resources();
        using var destination = new MemoryStream();

        var report = await _printer.PrintAsync(Page, resources.ResolveAsync, destination, Options());

        Assert.Contains("https://example.org/x.png", report.BlockedRequests);
        Assert.Contains("https://example.org/style.css", report.BlockedRequests);
        Assert.All(outside, url => Assert.Contains(url, report.BlockedRequests));
        Assert.Equal(["exhibit/1"], resources.Requested);
        Assert.Equal(["exhibit/1"], report.ServedResources);
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
            Assert.True(PdfTools.Read(pdf).PageCount >= 3);
        }

        Assert.Contains("Second record", PdfTools.Text(results[1].Pdf), StringComparison.Ordinal);
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

        using var first = new MemoryStream();
        using var second = new MemoryStream();
        await Task.WhenAll(
            printer.PrintAsync(Rendered(SampleDocuments.Binder()), SlowResolveAsync, first, Options()),
            printer.PrintAsync(Rendered(SampleDocuments.Binder()), SlowResolveAsync, second, Options()));

        Assert.True(first.Length > 0);
        Assert.True(second.Length > 0);
        // One document asks for its two pictures at once; two documents printing together would reach four.
        Assert.InRange(mostAtOnce, 1, 2);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    public async Task A_documents_pictures_are_fetched_no_more_at_once_than_allowed(int allowed)
    {
        await using var printer = new ChromiumPdfPrinter(new ChromiumPdfPrinterOptions { MaxConcurrentResources = allowed });
        var inside = 0;
        var mostAtOnce = 0;
        var served = new ConcurrentQueue<string>();
        async Task<(byte[] Bytes, string ContentType)?> SlowResolveAsync(string name, CancellationToken cancellationToken)
        {
            InterlockedMax(ref mostAtOnce, Interlocked.Increment(ref inside));
            await Task.Delay(250, cancellationToken);
            Interlocked.Decrement(ref inside);
            served.Enqueue(name);
            return (FirstPicture, "image/png");
        }

        // Twelve pictures on one page: the browser asks for all of them together.
        static string Pictures(string prefix) =>
            string.Concat(Enumerable.Range(1, 12).Select(n => $"<img alt=\"\" src=\"{DocumentResources.UrlFor($"exhibit/{n}", prefix)}\">"));
        using var pdf = new MemoryStream();
        var report = await printer.PrintAsync(
            (prefix, _) => Task.FromResult($"<!doctype html><html><body>{Pictures(prefix)}</body></html>"), SlowResolveAsync, pdf, Options());

        Assert.Equal(12, served.Count);
        Assert.Equal(12, report.ServedResources.Count);
        // The bound is reached (the browser really asks for many at once) and never passed.
        Assert.Equal(allowed, mostAtOnce);
    }

    [Fact]
    public async Task A_missing_chromium_says_pdf_is_not_available_here()
    {
        await using var printer = new ChromiumPdfPrinter(new ChromiumPdfPrinterOptions { ExecutablePath = "/nonexistent/chromium" });
        using var destination = new MemoryStream();

        var exception = await Assert.ThrowsAsync<PdfRendererUnavailableException>(
            () => printer.PrintAsync(Fixed("<p>x</p>"), new Resources().ResolveAsync, destination, Options()));

        Assert.Contains("print view", exception.Message, StringComparison.Ordinal);
        Assert.False(printer.IsChromiumInstalled);
    }

    [Fact]
    public async Task A_failing_resource_fails_the_print_instead_of_waiting()
    {
        using var destination = new MemoryStream();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => _printer.PrintAsync(
            Rendered(SampleDocuments.Binder()),
            (_, _) => throw new IOException("The vault could not decrypt the picture."),
            destination,
            Options()));

        Assert.IsType<IOException>(exception.InnerException);
        Assert.Equal(0, destination.Length);
    }

    private static PdfOptions Options() => PdfOptions.For(SampleDocuments.Binder());

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private async Task<(byte[] Pdf, PrintReport Report)> PrintAsync(DocumentModel document, Resources resources)
    {
        using var destination = new MemoryStream();
        var report = await _printer.PrintAsync(Rendered(document), resources.ResolveAsync, destination, PdfOptions.For(document));
        return (destination.ToArray(), report);
    }

    /// <summary>The document's HTML with its pictures under the print's own prefix, as the app renders it.</summary>
    private Func<string, CancellationToken, Task<string>> Rendered(DocumentModel document, HtmlViewOptions? options = null) =>
        (prefix, ct) => _renderer.RenderAsync(document, (options ?? new HtmlViewOptions()) with { ResourcePrefix = prefix }, ct);

    private static Func<string, CancellationToken, Task<string>> Fixed(string html) => (_, _) => Task.FromResult(html);

    /// <summary>A printed line of the contents list: its number in the list, the entry, its page ("2. Exhibit 2 4").</summary>
    [GeneratedRegex(@"^(?:\d+\. )?(.+) (\d+)$")]
    private static partial Regex ContentsLine();

    /// <summary>Keeps what is written, counting the writes and the largest.</summary>
    private sealed class WriteRecordingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public int LargestWrite { get; private set; }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes++;
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            return base.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Writes++;
            LargestWrite = Math.Max(LargestWrite, count);
            return base.WriteAsync(buffer, offset, count, cancellationToken);
        }
    }

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
