using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace IncidentResponse.Documents.Pdf;

/// <summary>
/// Prints HTML to PDF with headless Chromium through Playwright. One browser is started on first use and kept warm;
/// each document gets its own isolated, in-memory browser context with JavaScript off, and at most
/// <see cref="ChromiumPdfPrinterOptions.MaxConcurrentRenders"/> documents print at once. Register it as a singleton.
/// </summary>
/// <remarks>
/// The page may reach nothing but its own print's resources, on the printer's loopback picture server under a
/// capability that ends with the print (<see cref="PictureServer"/>, ADR 0023), answered from the caller's callback in
/// memory (decrypted evidence never touches the disk) and each only once; every other request is aborted before it
/// leaves the browser and reported in <see cref="PrintReport.BlockedRequests"/>.
/// </remarks>
public sealed partial class ChromiumPdfPrinter : IAsyncDisposable
{
    /// <summary>
    /// Chromium's switches. Whether it runs in its sandbox is decided at start (see <see cref="LaunchAsync"/>); Playwright
    /// adds <c>--no-sandbox</c> itself when it does not.
    /// </summary>
    private static readonly string[] ChromiumArgs =
    [
        "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    /// <summary>How much of a printed PDF is read from Chromium at a time.</summary>
    internal const int ChunkBytes = 1024 * 1024;

    private readonly ChromiumPdfPrinterOptions _options;
    private readonly ILogger<ChromiumPdfPrinter> _logger;
    private readonly SemaphoreSlim _renders;
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private PictureServer? _pictures;
    private bool _disposed;

    public ChromiumPdfPrinter(ChromiumPdfPrinterOptions? options = null, ILogger<ChromiumPdfPrinter>? logger = null)
    {
        _options = options ?? new ChromiumPdfPrinterOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxConcurrentRenders, 1, nameof(options));
        _logger = logger ?? NullLogger<ChromiumPdfPrinter>.Instance;
        _renders = new SemaphoreSlim(_options.MaxConcurrentRenders, _options.MaxConcurrentRenders);
    }

    /// <summary>Whether a Chromium executable is where the options say, without starting it.</summary>
    public bool IsChromiumInstalled => File.Exists(_options.ExecutablePath);

    /// <summary>
    /// Prints the HTML <paramref name="renderHtml"/> gives for this print's resource prefix (render the document with
    /// <c>HtmlViewOptions.ResourcePrefix</c> set to it) to <paramref name="destination"/>. Each picture under the
    /// prefix is read from <paramref name="resolveResource"/> by resource name, once, when the page asks for it; null
    /// answers 404 and the page prints without that picture.
    /// </summary>
    /// <exception cref="PdfRendererUnavailableException">Chromium is missing or does not start.</exception>
    public async Task<PrintReport> PrintAsync(
        Func<string, CancellationToken, Task<string>> renderHtml,
        Func<string, CancellationToken, Task<(byte[] Bytes, string ContentType)?>> resolveResource,
        Stream destination,
        PdfOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(renderHtml);
        ArgumentNullException.ThrowIfNull(resolveResource);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(options);
        return await PrintCoreAsync(renderHtml, resolveResource, destination, options, PrintPass.Document, cancellationToken);
    }

    /// <summary>
    /// Prints the HTML <paramref name="renderHtml"/> gives once, without outline or tags, only to learn where things
    /// fall: the page each element that an internal link points to (<c>href="#id"</c>) starts on, by its id. The PDF is
    /// kept in memory for this and dropped, so feed it placeholder pictures of the same box size (a page whose pictures
    /// sit in fixed-size boxes lays out the same whatever the picture). An id missing from the answer could not be found.
    /// </summary>
    /// <exception cref="PdfRendererUnavailableException">Chromium is missing or does not start.</exception>
    public async Task<IReadOnlyDictionary<string, int>> MapPagesAsync(
        Func<string, CancellationToken, Task<string>> renderHtml,
        Func<string, CancellationToken, Task<(byte[] Bytes, string ContentType)?>> resolveResource,
        PdfOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(renderHtml);
        ArgumentNullException.ThrowIfNull(resolveResource);
        ArgumentNullException.ThrowIfNull(options);
        using var pdf = new MemoryStream();
        await PrintCoreAsync(renderHtml, resolveResource, pdf, options, PrintPass.PageMap, cancellationToken);
        return PdfPageMap.Read(pdf.GetBuffer().AsSpan(0, (int)pdf.Length));
    }

    /// <summary>How many prints hold a capability on the picture server now (none between prints).</summary>
    internal int OpenPictureGrants => _pictures?.OpenGrants ?? 0;

    private async Task<PrintReport> PrintCoreAsync(
        Func<string, CancellationToken, Task<string>> renderHtml,
        Func<string, CancellationToken, Task<(byte[] Bytes, string ContentType)?>> resolveResource,
        Stream destination,
        PdfOptions options,
        PrintPass pass,
        CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);

        var (browser, pictures) = await GetBrowserAsync(cancellationToken);
        var passName = pass switch
        {
            PrintPass.Document => "document",
            PrintPass.PageMap => "page-map",
            PrintPass.Layout => "layout",
            _ => "part",
        };
        await PrintTelemetry.WaitForSlotAsync(_renders, passName, cancellationToken);
        using var printing = PrintTelemetry.StartPrinting(passName);
        try
        {
            // The capability lives exactly as long as this print: ended here on success, failure or cancellation.
            using var grant = pictures.Grant(resolveResource, _options.MaxConcurrentResources, cancellationToken);
            grant.Document = await renderHtml(grant.Prefix, cancellationToken);
            var blocked = new ConcurrentQueue<string>();
            var pages = await PrintPageAsync(browser, grant, blocked, destination, options, pass, cancellationToken);
            if (!blocked.IsEmpty)
            {
                LogBlockedRequests(blocked.Count);
            }

            printing.Printed(pages);
            return new PrintReport(grant.Served, [.. blocked]) { Pages = pages };
        }
        finally
        {
            _renders.Release();
        }
    }

    /// <summary>
    /// Loads the grant's document in a fresh, isolated context with JavaScript off, where the page may fetch nothing but
    /// its own capability's document and resources, and prints it. The page navigates to the capability's address and
    /// the picture server answers it with the HTML: a binder's text (megabytes) is not copied into a Playwright message
    /// and its pooled buffers, as <c>SetContentAsync</c> did. Returns the number of pages.
    /// </summary>
    private async Task<int> PrintPageAsync(
        IBrowser browser,
        PictureGrant grant,
        ConcurrentQueue<string> blocked,
        Stream destination,
        PdfOptions options,
        PrintPass pass,
        CancellationToken cancellationToken)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = false,
            ServiceWorkers = ServiceWorkerPolicy.Block,
            AcceptDownloads = false,
            Offline = false,
        });
        await using (context)
        {
            var page = await context.NewPageAsync();
            var timeout = (float)_options.RenderTimeout.TotalMilliseconds;
            page.SetDefaultTimeout(timeout);
            page.SetDefaultNavigationTimeout(timeout);
            await page.RouteAsync("**/*", route => FilterAsync(route, grant.Prefix, blocked));

            var loaded = await page.GotoAsync(grant.Prefix, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            cancellationToken.ThrowIfCancellationRequested();
            if (loaded is not { Ok: true })
            {
                throw new InvalidOperationException("Chromium could not load the document from the picture server.");
            }

            if (grant.FirstFailure is { } failure)
            {
                throw new InvalidOperationException("A resource for the document could not be loaded.", failure);
            }

            return await StreamPdfAsync(page, options, pass, destination, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_pictures is not null)
        {
            await _pictures.DisposeAsync();
        }

        _startLock.Dispose();
        _renders.Dispose();
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "A document tried to reach {Count} addresses outside its own resources; all were blocked")]
    private partial void LogBlockedRequests(int count);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "The PDF browser had disconnected and is being restarted")]
    private partial void LogBrowserRestart();
}
