using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
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
        await _renders.WaitAsync(cancellationToken);
        try
        {
            var served = new ConcurrentQueue<string>();
            var blocked = new ConcurrentQueue<string>();
            var failures = new ConcurrentQueue<Exception>();
            using var answering = new SemaphoreSlim(_options.MaxConcurrentResources, _options.MaxConcurrentResources);
            var handedOver = new StrongBox<int>();
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

                await StreamPdfAsync(page, options, outlineAndTags, destination, cancellationToken);
            }

            if (!blocked.IsEmpty)
            {
                LogBlockedRequests(blocked.Count);
            }

            return new PrintReport([.. served], [.. blocked]);
        }
        finally
        {
            _renders.Release();
        }
    }

    /// <summary>
    /// A heavily pixelated copy of a picture: Chromium decodes <paramref name="image"/> (fed from memory, like a
    /// document's pictures) into an element <paramref name="width"/> CSS pixels wide, keeping its proportions, and
    /// the element is captured as a PNG of that many pixels across. Every pixel of the result is an average of a large
    /// block of the original, so the original's detail cannot be recovered from it. Null when Chromium cannot decode
    /// the picture.
    /// </summary>
    /// <exception cref="PdfRendererUnavailableException">Chromium is missing or does not start.</exception>
    public async Task<byte[]?> PixelateAsync(byte[] image, string contentType, int width, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 256);
        ObjectDisposedException.ThrowIf(_disposed, this);

        var browser = await GetBrowserAsync(cancellationToken);
        await _renders.WaitAsync(cancellationToken);
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                JavaScriptEnabled = false,
                ServiceWorkers = ServiceWorkerPolicy.Block,
                AcceptDownloads = false,
                DeviceScaleFactor = 1,
                ViewportSize = new ViewportSize { Width = 400, Height = 400 },
            });
            await using (context)
            {
                var page = await context.NewPageAsync();
                var timeout = (float)_options.RenderTimeout.TotalMilliseconds;
                page.SetDefaultTimeout(timeout);
                page.SetDefaultNavigationTimeout(timeout);
                var source = DocumentResources.UrlFor("pixelate/source");
                await page.RouteAsync("**/*", route => route.Request.Url == source && route.Request.Method == "GET"
                    ? route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = contentType, BodyBytes = image })
                    : route.AbortAsync("blockedbyclient"));
                var html = string.Create(
                    CultureInfo.InvariantCulture,
                    $"<!DOCTYPE html><html><head><style>html,body{{margin:0;padding:0;background:#fff}}img{{display:block;width:{width}px;height:auto}}</style></head><body><img id=\"p\" alt=\"\" src=\"{source}\"></body></html>");
                await page.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
                cancellationToken.ThrowIfCancellationRequested();
                var element = page.Locator("#p");
                if (await element.BoundingBoxAsync() is not { Height: >= 1 })
                {
                    return null;
                }

                return await element.ScreenshotAsync(new LocatorScreenshotOptions { Type = ScreenshotType.Png, Animations = ScreenshotAnimations.Disabled });
            }
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

    internal static string HeaderTemplate(PdfOptions options) =>
        $"""
        <div style="width:100%;font-size:8pt;font-family:sans-serif;color:#000;margin:0 18mm;display:flex;justify-content:space-between;">
        <span>{Encode(options.RunningHeader)}</span><span style="font-weight:bold;text-transform:uppercase;">{Encode(options.ConfidentialityMarking)}</span>
        </div>
        """;

    internal static string FooterTemplate(PdfOptions options) =>
        $"""
        <div style="width:100%;font-size:8pt;font-family:sans-serif;color:#000;margin:0 18mm;display:flex;justify-content:space-between;">
        <span>{(options.PrintsGeneratedTime ? "Generated " + Encode(Html.Formats.Utc(options.GeneratedAtUtc)) : "")}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>
        </div>
        """;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>
    /// Prints through the DevTools protocol with the PDF returned as a stream Chromium holds, read in
    /// <see cref="ChunkBytes"/> pieces straight into <paramref name="destination"/>: this process never holds more than
    /// one chunk of the PDF, whatever its size. (Playwright's <c>PdfAsync</c> returns the whole PDF as one array, sent
    /// as one base64 message, several hundred megabytes for a case with many pictures.) Nothing is written until
    /// Chromium has finished printing, so a failed print leaves the destination untouched.
    /// </summary>
    private static async Task StreamPdfAsync(IPage page, PdfOptions options, bool outlineAndTags, Stream destination, CancellationToken cancellationToken)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        var printed = await session.SendAsync("Page.printToPDF", PrintParameters(options, outlineAndTags))
            ?? throw new InvalidOperationException("Chromium printed nothing.");
        var handle = printed.GetProperty("stream").GetString()
            ?? throw new InvalidOperationException("Chromium returned no PDF stream.");
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        var chunks = 0;
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
                    await destination.WriteAsync(buffer.AsMemory(0, length), cancellationToken);
                }

                if (read.TryGetProperty("eof", out var eof) && eof.ValueKind == JsonValueKind.True)
                {
                    break;
                }

                if (++chunks % CollectEvery == 0)
                {
                    CollectLargeGarbage();
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
    internal static Dictionary<string, object> PrintParameters(PdfOptions options, bool outlineAndTags)
    {
        var (width, height) = options.PaperSize == PaperSize.Letter ? (8.5, 11.0) : (8.27, 11.7);
        return new Dictionary<string, object>
        {
            ["transferMode"] = "ReturnAsStream",
            ["landscape"] = false,
            ["displayHeaderFooter"] = true,
            ["headerTemplate"] = HeaderTemplate(options),
            ["footerTemplate"] = FooterTemplate(options),
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

    /// <summary>How many pictures a document is handed, or PDF chunks read, between two full garbage collections.</summary>
    private const int CollectEvery = 4;

    /// <summary>
    /// Each picture leaves several large copies behind on its way to Chromium (its bytes, their base64, the JSON
    /// message), and each PDF chunk on its way back (its base64 and the message). Left to itself the collector lets
    /// hundreds of megabytes of them pile up in the large-object heap before it looks (nothing makes it hurry on a
    /// machine with memory to spare); a full collection every few of them keeps the app near what it holds live,
    /// at tens of milliseconds each: 408 against 704 MiB at the peak for a binder of 200 screenshots (docs/performance.md).
    /// </summary>
    private static void CollectLargeGarbage() => GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

    private static async Task AnswerAsync(
        IRoute route,
        Func<string, CancellationToken, Task<(byte[] Bytes, string ContentType)?>> resolveResource,
        SemaphoreSlim answering,
        StrongBox<int> handedOver,
        ConcurrentQueue<string> served,
        ConcurrentQueue<string> blocked,
        ConcurrentQueue<Exception> failures,
        CancellationToken cancellationToken)
    {
        var url = route.Request.Url;
        if (!DocumentResources.TryGetResourceName(url, out var name) || route.Request.Method != "GET")
        {
            blocked.Enqueue(url);
            await route.AbortAsync("blockedbyclient");
            return;
        }

        served.Enqueue(name);
        // From reading the picture until the browser has it: the picture and its copies on the way live only this long.
        await answering.WaitAsync(cancellationToken);
        try
        {
            (byte[] Bytes, string ContentType)? resource;
            try
            {
                resource = await resolveResource(name, cancellationToken);
            }
            catch (Exception exception)
            {
                // Playwright swallows a route handler's exception and the page would wait for the picture until it times out.
                failures.Enqueue(exception);
                await route.AbortAsync("failed");
                return;
            }

            if (resource is not { } found)
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 404, ContentType = "text/plain", Body = "" });
                return;
            }

            try
            {
                await route.FulfillAsync(new RouteFulfillOptions
                {
                    Status = 200,
                    ContentType = found.ContentType,
                    BodyBytes = found.Bytes,
                    Headers = new Dictionary<string, string> { ["Cache-Control"] = "no-store" },
                });

                // Counted as handed over, not as asked for: the browser asks for every picture at once.
                if (Interlocked.Increment(ref handedOver.Value) % CollectEvery == 0)
                {
                    CollectLargeGarbage();
                }
            }
            catch (Exception exception) when (exception is not PlaywrightException)
            {
                // Not handing the picture over (out of memory under a heap limit, say) must fail the print at once;
                // swallowed by Playwright, it would leave the page waiting for the picture until the render timeout.
                failures.Enqueue(exception);
                await route.AbortAsync("failed");
            }
        }
        finally
        {
            answering.Release();
        }
    }

    private async Task<IBrowser> GetBrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } warm)
        {
            return warm;
        }

        await _startLock.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }

            if (!IsChromiumInstalled)
            {
                throw new PdfRendererUnavailableException(
                    $"Chromium is not installed at {_options.ExecutablePath}, so PDFs cannot be made here; "
                    + "the print view still works. Install it with 'apt-get install chromium'.");
            }

            if (_browser is not null)
            {
                LogBrowserRestart();
                await _browser.DisposeAsync();
                _browser = null;
            }

            try
            {
                if (_playwright is null)
                {
                    // The driver, and Chromium after it, start with a cleared environment: nothing of the app's.
                    RendererEnvironment.RouteDriverThroughCleanEnvironment();
                    _playwright = await Playwright.CreateAsync();
                }

                _browser = await LaunchAsync(_playwright);
            }
            catch (PlaywrightException exception)
            {
                throw new PdfRendererUnavailableException(
                    $"Chromium at {_options.ExecutablePath} did not start, so PDFs cannot be made here; the print view still works.",
                    exception);
            }

            return _browser;
        }
        finally
        {
            _startLock.Release();
        }
    }

    /// <summary>
    /// Starts Chromium in its sandbox where it can run (not as root; with unprivileged user namespaces, as the published
    /// image's uid 10001 has), proven by opening a page in it, and without it otherwise. Which one is logged.
    /// </summary>
    private async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        var environment = RendererEnvironment.Variables().ToDictionary(v => v.Key, v => v.Value);
        BrowserTypeLaunchOptions Options(bool sandbox) => new()
        {
            ExecutablePath = _options.ExecutablePath,
            Headless = true,
            Args = ChromiumArgs,
            ChromiumSandbox = sandbox,
            Env = environment,
        };

        if (RunsAsRoot())
        {
            var unsandboxed = await playwright.Chromium.LaunchAsync(Options(sandbox: false));
            LogSandbox(false, "the app runs as root, where Chromium's sandbox cannot start");
            return unsandboxed;
        }

        IBrowser? sandboxed = null;
        try
        {
            sandboxed = await playwright.Chromium.LaunchAsync(Options(sandbox: true));
            var probe = await sandboxed.NewPageAsync();
            await probe.SetContentAsync("<p>probe</p>");
            await probe.CloseAsync();
            LogSandbox(true, "its sandbox started");
            return sandboxed;
        }
        catch (PlaywrightException)
        {
            if (sandboxed is not null)
            {
                await sandboxed.DisposeAsync();
            }
        }

        var fallback = await playwright.Chromium.LaunchAsync(Options(sandbox: false));
        LogSandbox(false, "its sandbox could not start here (no unprivileged user namespaces)");
        return fallback;
    }

    private static bool RunsAsRoot() => OperatingSystem.IsLinux() && NativeMethods.geteuid() == 0;

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "The PDF browser runs sandboxed: {Sandboxed} ({Reason})")]
    private partial void LogSandbox(bool sandboxed, string reason);

    private static class NativeMethods
    {
        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "geteuid")]
        [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
        internal static extern uint geteuid();
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "A document tried to reach {Count} addresses outside its own resources; all were blocked")]
    private partial void LogBlockedRequests(int count);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "The PDF browser had disconnected and is being restarted")]
    private partial void LogBrowserRestart();
}
