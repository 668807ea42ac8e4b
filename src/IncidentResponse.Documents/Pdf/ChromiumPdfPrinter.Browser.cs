using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace IncidentResponse.Documents.Pdf;

/// <summary>
/// The one warm browser: started on first use, sandboxed where the machine allows, restarted when it disconnects; and
/// the loopback picture server that feeds it, started with it and kept for the printer's life.
/// </summary>
public sealed partial class ChromiumPdfPrinter
{
    private async Task<(IBrowser Browser, PictureServer Pictures)> GetBrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } warm && _pictures is { } serving)
        {
            return (warm, serving);
        }

        await _startLock.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } started && _pictures is not null)
            {
                return (started, _pictures);
            }

            if (!IsChromiumInstalled)
            {
                throw new PdfRendererUnavailableException(
                    $"Chromium is not installed at {_options.ExecutablePath}, so PDFs cannot be made here; "
                    + "the print view still works. Install it with 'apt-get install chromium'.");
            }

            _pictures ??= await PictureServer.StartAsync(cancellationToken);

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

            return (_browser, _pictures);
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
}
