using IncidentResponse.Documents.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IncidentResponse.Documents.Html;

/// <summary>
/// Turns a <see cref="DocumentModel"/> into one self-contained HTML page with print CSS, using Razor components
/// rendered in process (no web server, no JavaScript). Every text is HTML-escaped by Razor. Pictures are referenced
/// under <see cref="DocumentResources.Origin"/>, never inlined, so their bytes reach only the printer.
/// </summary>
public sealed class DocumentHtmlRenderer
{
    private static readonly IServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();
    private readonly ILoggerFactory _loggerFactory;

    public DocumentHtmlRenderer(ILoggerFactory? loggerFactory = null)
    {
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    }

    public Task<string> RenderAsync(DocumentModel document, PaperSize paper = PaperSize.A4, CancellationToken cancellationToken = default) =>
        RenderAsync(document, new HtmlViewOptions { PaperSize = paper }, cancellationToken);

    /// <summary>
    /// The same page for a person's own browser: pictures under <see cref="HtmlViewOptions.ResourcePrefix"/> (an
    /// endpoint that checks who is asking), and a note shown on screen only.
    /// </summary>
    public async Task<string> RenderAsync(DocumentModel document, HtmlViewOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();

        return await RenderComponentAsync<DocumentView>(new Dictionary<string, object?>
        {
            [nameof(DocumentView.Document)] = document,
            [nameof(DocumentView.PaperSize)] = options.PaperSize,
            [nameof(DocumentView.ResourcePrefix)] = options.ResourcePrefix,
            [nameof(DocumentView.ScreenNote)] = options.ScreenNote,
            [nameof(DocumentView.ContentsPageNumbers)] = options.ContentsPageNumbers,
            [nameof(DocumentView.Part)] = options.Part,
        });
    }

    /// <summary>A letter as one printable page (<see cref="LetterView"/>): its lines as written, its title once, nothing around it.</summary>
    public async Task<string> RenderLetterAsync(PrintedLetter letter, PaperSize paper = PaperSize.A4, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        cancellationToken.ThrowIfCancellationRequested();
        return await RenderComponentAsync<LetterView>(new Dictionary<string, object?>
        {
            [nameof(LetterView.Letter)] = letter,
            [nameof(LetterView.PaperSize)] = paper,
        });
    }

    private async Task<string> RenderComponentAsync<TComponent>(Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(NoServices, _loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }

    /// <summary>
    /// The exact text of the page's one <c>&lt;style&gt;</c> element, so a web page serving the HTML can allow it by
    /// hash in its Content-Security-Policy instead of allowing inline styles.
    /// </summary>
    public static string StylesheetFor(PaperSize paper) => Stylesheet.For(paper);
}

/// <summary>How <see cref="DocumentHtmlRenderer"/> writes a page for a browser rather than the printer.</summary>
public sealed record HtmlViewOptions
{
    public PaperSize PaperSize { get; init; } = PaperSize.A4;

    /// <summary>Where pictures are fetched from; the printer's own origin unless a web page serves them.</summary>
    public string ResourcePrefix { get; init; } = DocumentResources.Prefix;

    /// <summary>A short note shown on screen and never printed, such as how to print the page.</summary>
    public string? ScreenNote { get; init; }

    /// <summary>
    /// Page numbers for the contents list, by the id of the section or exhibit each entry links to (as
    /// <see cref="Pdf.ChromiumPdfPrinter.MapPagesAsync"/> reads them from a first print). Null prints the list without
    /// numbers, as a person's own browser must. Otherwise every entry gets a fixed-width number column, blank where the
    /// map has no number: a first print with an empty map lays out exactly like the second print with the numbers.
    /// </summary>
    public IReadOnlyDictionary<string, int>? ContentsPageNumbers { get; init; }

    /// <summary>
    /// Only this part of the document, for a binder printed in parts (<see cref="DocumentPart.Split"/>, ADR 0025);
    /// null renders the whole document.
    /// </summary>
    public DocumentPart? Part { get; init; }

    /// <summary>
    /// Set when the HTML is for a print that only learns where things fall (pictures replaced by placeholders, ADR
    /// 0025). It changes nothing in the HTML; it tells a caller's render callback which print is asking (its progress).
    /// </summary>
    public bool LayoutOnly { get; init; }
}
