using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace IncidentResponse.Documents.Pdf;

/// <summary>
/// Draws the first page of a saved PDF as a PNG with poppler's <c>pdftoppm</c>, so a PDF exhibit shows its first
/// page in the binder (Chromium does not print a PDF embedded in a page). The decrypted PDF goes to the tool's
/// standard input and the picture comes back on its standard output: nothing decrypted touches the disk. When the
/// tool is not installed the binder says so in words instead (<see cref="IsAvailable"/>). Register as a singleton.
/// </summary>
public sealed partial class PdfFirstPage(string executablePath, ILogger<PdfFirstPage> logger)
{
    public const string DebianPath = "/usr/bin/pdftoppm";

    /// <summary>The longest side of the picture, in pixels: about 150 dpi on A4, whatever size the PDF's page claims.</summary>
    public const int LongestSide = 1600;

    /// <summary>A hostile or broken PDF gets this long before the tool is stopped.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private const int MaxPictureBytes = 32 * 1024 * 1024;

    public bool IsAvailable => File.Exists(executablePath);

    /// <summary>The first page as a PNG, or null when the tool is missing or cannot draw it (not a PDF it can read, too slow).</summary>
    public async Task<byte[]?> DrawAsync(Stream pdf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        if (!IsAvailable)
        {
            return null;
        }

        using var process = new Process { StartInfo = StartInfo() };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            var feed = FeedAsync(pdf, process.StandardInput.BaseStream, deadline.Token);
            var errors = process.StandardError.BaseStream.CopyToAsync(Stream.Null, deadline.Token);
            var picture = await ReadPictureAsync(process.StandardOutput.BaseStream, deadline.Token);
            await process.WaitForExitAsync(deadline.Token);
            await Task.WhenAll(feed, errors);
            if (process.ExitCode != 0 || picture.Length == 0)
            {
                LogNotDrawn(logger, process.ExitCode);
                return null;
            }

            return picture;
        }
        catch (Exception exception) when (exception is OperationCanceledException or InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            LogNotDrawn(logger, -1);
            return null;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private ProcessStartInfo StartInfo()
    {
        var start = new ProcessStartInfo(executablePath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Nothing of the app's environment reaches the tool: a hostile PDF that took it over finds no secret there.
        RendererEnvironment.Apply(start);
        foreach (var argument in new[] { "-png", "-f", "1", "-l", "1", "-scale-to", LongestSide.ToString(CultureInfo.InvariantCulture), "-singlefile", "-" })
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>Reads the drawn page from the tool's output, refusing more than any page at this size can be.</summary>
    private static async Task<byte[]> ReadPictureAsync(Stream output, CancellationToken cancellationToken)
    {
        using var picture = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await output.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (picture.Length + read > MaxPictureBytes)
            {
                throw new InvalidDataException("The drawn page is larger than any page at this size can be.");
            }

            picture.Write(buffer, 0, read);
        }

        return picture.ToArray();
    }

    /// <summary>Copies the PDF in; the tool may stop reading early (a broken file), which is not our failure.</summary>
    private static async Task FeedAsync(Stream pdf, Stream input, CancellationToken cancellationToken)
    {
        try
        {
            await pdf.CopyToAsync(input, cancellationToken);
        }
        catch (IOException)
        {
        }
        finally
        {
            try
            {
                await input.DisposeAsync();
            }
            catch (IOException)
            {
            }
        }
    }

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "pdftoppm could not draw the first page of a PDF exhibit (exit code {ExitCode})")]
    private static partial void LogNotDrawn(ILogger logger, int exitCode);
}
