using System.Globalization;
using System.Text.RegularExpressions;
using IncidentResponse.Documents.Html;
using IncidentResponse.Documents.Model;
using IncidentResponse.Documents.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Annotations;

namespace IncidentResponse.Documents.Tests;

/// <summary>
/// A binder of six pictures printed two a part (four Chromium prints and a join) against the same binder printed whole,
/// as a binder with fewer pictures than a part holds still is: the same pages, pictures, outline, contents numbers and
/// links, and "Page k of Y" counted across the parts. Its own printer (its own Chromium) for its own scratch directory.
/// </summary>
[Trait("Category", "Chromium")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes the printer through IAsyncLifetime.DisposeAsync.")]
public sealed partial class PartedPrintTests : IAsyncLifetime
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("ir-parts-test-").FullName;
    private readonly DocumentHtmlRenderer _renderer = new();
    private readonly List<HtmlViewOptions> _rendered = [];
    private ChromiumPdfPrinter _printer = default!;

    public Task InitializeAsync()
    {
        _printer = new ChromiumPdfPrinter(new ChromiumPdfPrinterOptions { PicturesPerPart = 2, ScratchDirectory = _scratch });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _printer.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
    }

    [Fact]
    public async Task A_binder_printed_in_parts_reads_as_the_same_binder_printed_whole()
    {
        var document = Binder();
        var parts = DocumentPart.Split(document, _printer.PicturesPerPart);
        Assert.Equal(3, parts.Count);

        var (whole, _) = await PrintWholeAsync(document);
        using var destination = new MemoryStream();
        var report = await PrintInPartsAsync(document, parts, Resolve, destination);
        var joined = PdfTools.Read(destination.ToArray());
        var reference = PdfTools.Read(whole);

        // Chromium never laid out the whole: the first part alone (the longest), the two light ones in one layout print,
        // then each part with its pictures.
        Assert.All(_rendered, o => Assert.NotNull(o.Part));
        Assert.Equal(
            [parts[0], DocumentPart.Span(parts[1], parts[2])],
            _rendered.Where(o => o.LayoutOnly && o.ResourcePrefix != DocumentResources.Prefix).Select(o => o.Part));
        Assert.Equal(parts, _rendered.Where(o => !o.LayoutOnly).Select(o => o.Part));

        // Three prints joined, every picture on its exhibit's page, each fetched once.
        Assert.Equal(3, report.Parts);
        Assert.Equal(Pictures.Keys.Order(), report.ServedResources.Order());
        Assert.Equal(reference.PageCount, joined.PageCount);
        Assert.Equal(reference.PageCount, report.Pages);
        foreach (var (name, picture) in Pictures)
        {
            var number = int.Parse(name["exhibit/".Length..], CultureInfo.InvariantCulture);
            var page = joined.FirstPageWith($"Exhibit {number}", from: 3);
            Assert.Equal([new PdfImage(picture.Width, picture.Height, IsMask: false)], joined.Page(page).Images);
        }

        // "Page k of Y" once on every page, k counting across the parts.
        foreach (var page in joined.Pages)
        {
            Assert.Equal([$"Page {page.Number} of {joined.PageCount}"], FooterNumber().Matches(page.FlatText).Select(m => m.Value));
        }

        // The outline: the same titles, nesting and pages as the whole print's.
        Assert.NotEmpty(joined.Bookmarks);
        Assert.Equal(reference.Bookmarks, joined.Bookmarks);

        // The contents list's numbers name the pages each heading is printed on.
        var contents = joined.ContentsEntries(out _);
        Assert.Equal(document.Sections.Count + Exhibits(document).Count, contents.Count);
        foreach (var (entry, page) in contents)
        {
            Assert.Contains(joined.Page(page).Lines, l => l.StartsWith(entry, StringComparison.Ordinal));
        }

        // The contents list's links open the same pages as the whole print's.
        Assert.Equal(Links(whole), Links(destination.ToArray()));
        Assert.Equal(contents.Count, Links(destination.ToArray()).Count);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_scratch));
    }

    [Fact]
    public async Task The_page_number_is_printed_where_chromium_prints_it()
    {
        var document = Binder();
        var (whole, _) = await PrintWholeAsync(document);
        using var destination = new MemoryStream();
        await PrintInPartsAsync(document, DocumentPart.Split(document, 2), Resolve, destination);

        var (wholeRight, wholeBaseline) = FooterPlace(whole);
        var (joinedRight, joinedBaseline) = FooterPlace(destination.ToArray());
        Assert.InRange(joinedRight - wholeRight, -1.5, 1.5);
        Assert.InRange(joinedBaseline - wholeBaseline, -1.0, 1.0);
    }

    [Fact]
    public async Task Parts_that_do_not_add_up_to_the_whole_are_not_joined_and_the_binder_is_printed_whole()
    {
        var document = Binder();
        var last = document.Sections[^1];
        var longer = document with { Sections = [.. document.Sections.SkipLast(1), last with { Blocks = [.. last.Blocks, new PageBreak(), new Paragraph("More")] }] };
        var parts = DocumentPart.Split(document, 2);
        using var destination = new MemoryStream();

        // The layout print of the last part sees a page its own print does not have, as when a part stops laying out alike.
        var report = await PartedDocumentPrint.PrintAsync(
            _printer,
            document,
            parts,
            (options, ct) => _renderer.RenderAsync(options.LayoutOnly && options.Part!.EndSection == parts[^1].EndSection ? longer : document, options, ct),
            (_, _) => Task.FromResult<(byte[] Bytes, string ContentType)?>((Placeholder, "image/svg+xml")),
            Resolve,
            destination,
            PdfOptions.For(document));

        var (whole, _) = await PrintWholeAsync(document);
        Assert.Equal(1, report.Parts);
        var printed = PdfTools.Read(destination.ToArray());
        Assert.Equal(PdfTools.Read(whole).PageCount, printed.PageCount);
        Assert.True(printed.Tagged);
        Assert.All(printed.Pages, p => Assert.Contains($"Page {p.Number} of {printed.PageCount}", p.FlatText, StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_scratch));
    }

    [Fact]
    public async Task A_part_that_fails_leaves_the_destination_untouched_and_no_file_behind()
    {
        var document = Binder();
        using var destination = new MemoryStream();

        await Assert.ThrowsAsync<InvalidOperationException>(() => PrintInPartsAsync(
            document,
            DocumentPart.Split(document, 2),
            (name, ct) => name == "exhibit/5" ? throw new IOException("The vault could not be read.") : Resolve(name, ct),
            destination));

        Assert.Equal(0, destination.Length);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_scratch));
    }

    [Fact]
    public async Task A_cancelled_print_in_parts_leaves_the_destination_untouched_and_no_file_behind()
    {
        var document = Binder();
        using var destination = new MemoryStream();
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PrintInPartsAsync(
            document,
            DocumentPart.Split(document, 2),
            async (name, ct) =>
            {
                if (name == "exhibit/4")
                {
                    await cancel.CancelAsync();
                }

                return await Resolve(name, ct);
            },
            destination,
            cancel.Token));

        Assert.Equal(0, destination.Length);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_scratch));
    }

    internal static readonly Dictionary<string, (int Width, int Height, byte[] Png)> Pictures =
        Enumerable.Range(1, 7).Where(n => n != 3).ToDictionary(
            n => $"exhibit/{n}",
            n => (20 + (n * 5), 30, TestImages.SolidPng(20 + (n * 5), 30, (byte)(n * 30), 40, 40)));

    private static Task<(byte[] Bytes, string ContentType)?> Resolve(string name, CancellationToken cancellationToken) =>
        Task.FromResult<(byte[] Bytes, string ContentType)?>(Pictures.TryGetValue(name, out var picture) ? (picture.Png, "image/png") : null);

    private static readonly byte[] Placeholder = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>"u8.ToArray();

    private Task<PrintReport> PrintInPartsAsync(
        DocumentModel document,
        IReadOnlyList<DocumentPart> parts,
        Func<string, CancellationToken, Task<(byte[] Bytes, string ContentType)?>> resolve,
        Stream destination,
        CancellationToken cancellationToken = default) =>
        PartedDocumentPrint.PrintAsync(
            _printer,
            document,
            parts,
            (options, ct) =>
            {
                _rendered.Add(options);
                return _renderer.RenderAsync(document, options, ct);
            },
            (_, _) => Task.FromResult<(byte[] Bytes, string ContentType)?>((Placeholder, "image/svg+xml")),
            resolve,
            destination,
            PdfOptions.For(document),
            cancellationToken);

    /// <summary>The binder printed whole, as today: a page map, then one print.</summary>
    private async Task<(byte[] Pdf, PrintReport Report)> PrintWholeAsync(DocumentModel document)
    {
        var map = await _printer.MapPagesAsync(
            (prefix, ct) => _renderer.RenderAsync(document, new HtmlViewOptions { ContentsPageNumbers = new Dictionary<string, int>(), ResourcePrefix = prefix }, ct),
            (_, _) => Task.FromResult<(byte[] Bytes, string ContentType)?>((Placeholder, "image/svg+xml")),
            PdfOptions.For(document));
        using var destination = new MemoryStream();
        var report = await _printer.PrintAsync(
            (prefix, ct) => _renderer.RenderAsync(document, new HtmlViewOptions { ContentsPageNumbers = map, ResourcePrefix = prefix }, ct),
            Resolve,
            destination,
            PdfOptions.For(document));
        return (destination.ToArray(), report);
    }

    /// <summary>Every internal link: its page, its area (to a point) and the page it opens.</summary>
    private static List<(int Page, int Left, int Bottom, int Target)> Links(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().SelectMany(page => page.GetAnnotations()
            .Where(a => a.Type == AnnotationType.Link && a.Action is GoToAction)
            .Select(a => (page.Number, (int)Math.Round(a.Rectangle.Left), (int)Math.Round(a.Rectangle.Bottom), ((GoToAction)a.Action!).Destination.PageNumber)))];
    }

    /// <summary>Where page 2's page number ends on the right, and its baseline: the letters in the footer's right half.</summary>
    private static (double Right, double Baseline) FooterPlace(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(2);
        var footer = page.Letters.Where(l => l.StartBaseLine.Y < 40 && l.StartBaseLine.X > page.Width / 2 && !string.IsNullOrWhiteSpace(l.Value)).ToList();
        Assert.Equal("Page2of" + document.NumberOfPages, string.Concat(footer.Select(l => l.Value)));
        return (page.Width - footer.Max(l => l.EndBaseLine.X), footer[0].StartBaseLine.Y);
    }

    private static List<ExhibitBlock> Exhibits(DocumentModel document) => [.. document.Sections.SelectMany(s => s.Blocks).OfType<ExhibitBlock>()];

    /// <summary>The sample binder with seven exhibits, six with a picture: three parts of two pictures each.</summary>
    internal static DocumentModel Binder() => SampleDocuments.Binder() with
    {
        Sections =
        [
            .. SampleDocuments.Binder().Sections.Take(2),
            new Section
            {
                Id = "exhibits",
                Heading = "Exhibits",
                Blocks = [.. Enumerable.Range(1, 7).Select(n => new ExhibitBlock
                {
                    Number = n,
                    OriginalFileName = $"screenshot-{n}.png",
                    Sha256 = new string((char)('a' + n), 64),
                    SizeBytes = 1000 * n,
                    ReceivedAtUtc = SampleDocuments.GeneratedAt.AddDays(-n),
                    ImageResource = Pictures.ContainsKey($"exhibit/{n}") ? $"exhibit/{n}" : null,
                })],
            },
            new Section
            {
                Id = "verification",
                Heading = "Verification",
                Blocks = [new Paragraph("Each fingerprint was checked again when this copy was made.")],
            },
        ],
    };

    [GeneratedRegex(@"Page \d+ of \d+")]
    private static partial Regex FooterNumber();
}
