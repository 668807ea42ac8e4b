using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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
/// The page may reach nothing but the resources under <see cref="DocumentResources.Prefix"/>, answered from the
/// caller's callback in memory (decrypted evidence never touches the disk); every other request is aborted and
/// reported in <see cref="PrintReport.BlockedRequests"/>.
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
    /// Prints <paramref name="html"/> to <paramref name="destination"/>. Pictures under
    /// <see cref="DocumentResources.Prefix"/> are fetched from <paramref name="resolveResource"/> by resource name;
    /// null answers 404 and the page prints without that picture.
    /// </summary>
    /// <exception cref="PdfRendererUnavailableException">Chromium is missing or does not start.</exception>
    public async Task<PrintReport> PrintAsync(
        string html,
        Func<string, CancellationToken, Task<(byte[] Bytes, string ContentType)?>> resolveResource,
        Stream destination,
        PdfOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(resolveResource);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(options);
        return await PrintCoreAsync(html, resolveResource, destination, options, outlineAndTags: true, cancellationToken);
    }

    /// <summary>
    /// Prints <paramref name="html"/> once, without outline or tags, only to learn where things fall: the page each
    /// element that an internal link points to (<c>href="#id"</c>) starts on, by its id. The PDF is kept in memory
    /// for this and dropped, so feed it placeholder pictures of the same box size (a page whose pictures sit in
    /// fixed-size boxes lays out the same whatever the picture). An id missing from the answer could not be found.
    /// </summary>
    /// <exception cref="PdfRendererUnavailableException">Chromium is missing or does not start.</exception>
    public async Task<IReadOnlyDictionary<string, int>> MapPagesAsync(
        string html,
        Func<string, CancellationToken, Task<(byte[] Bytes, string ContentType)?>> resolveResource,
        PdfOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(resolveResource);
        ArgumentNullException.ThrowIfNull(options);
        using var pdf = new MemoryStream();
        await PrintCoreAsync(html, resolveResource, pdf, options, outlineAndTags: false, cancellationToken);
        return PdfPageMap.Read(pdf.GetBuffer().AsSpan(0, (int)pdf.Length));
    }

    private async Task<PrintReport> PrintCoreAsync(
        string html,
        Func<string, CancellationToken, Task<(byte[] Bytes, string ContentType)?>> resolveResource,
        Stream destination,
        PdfOptions options,
        bool outlineAndTags,
        CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);

        var browser = await GetBrowserAsync(cancellationToken);
        var pass = outlineAndTags ? "document" : "page-map";
        await PrintTelemetry.WaitForSlotAsync(_renders, pass, cancellationToken);
        using var printing = PrintTelemetry.StartPrinting(pass);
        try
        {
            var served = new ConcurrentQueue<string>();
            var blocked = new ConcurrentQueue<string>();
            var failures = new ConcurrentQueue<Exception>();
            using var answering = new SemaphoreSlim(_options.MaxConcurrentResources, _options.MaxConcurrentResources);
            var handedOver = new StrongBox<int>();
            int pages;
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
                await page.RouteAsync("**/*", route => AnswerAsync(route, resolveResource, answering, handedOver, served, blocked, failures, cancellationToken));

                await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
                cancellationToken.ThrowIfCancellationRequested();
                if (failures.TryDequeue(out var failure))
                {
                    throw new InvalidOperationException("A resource for the document could not be loaded.", failure);
                }

                pages = await StreamPdfAsync(page, options, outlineAndTags, destination, cancellationToken);
            }

            if (!blocked.IsEmpty)
            {
                LogBlockedRequests(blocked.Count);
            }

            printing.Printed(pages);
            return new PrintReport([.. served], [.. blocked]) { Pages = pages };
        }
        finally
        {
            _renders.Release();
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
        _startLock.Dispose();
        _renders.Dispose();
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "A document tried to reach {Count} addresses outside its own resources; all were blocked")]
    private partial void LogBlockedRequests(int count);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "The PDF browser had disconnected and is being restarted")]
    private partial void LogBrowserRestart();
}
