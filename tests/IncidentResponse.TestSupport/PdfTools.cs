using System.Diagnostics;
using System.Globalization;

namespace IncidentResponse.TestSupport;

/// <summary>
/// Reads PDFs back with poppler-utils: the text (<c>pdftotext</c>), the document's facts (<c>pdfinfo</c>) and the images
/// embedded (<c>pdfimages -list</c>).
/// </summary>
public static class PdfTools
{
    public static Task<string> TextAsync(byte[] pdf) => RunOnFileAsync(pdf, "pdftotext", "-layout", "{0}", "-");

    /// <summary>
    /// The text in the order it was printed (a table row by row, each cell whole), every run of white space made one
    /// space, so wrapped lines read as one.
    /// </summary>
    public static async Task<string> FlatTextAsync(byte[] pdf) =>
        string.Join(' ', (await RunOnFileAsync(pdf, "pdftotext", "-raw", "{0}", "-")).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The printed text with no white space at all, for long addresses a table cell may have wrapped.</summary>
    public static async Task<string> SqueezedTextAsync(byte[] pdf) =>
        string.Concat((await RunOnFileAsync(pdf, "pdftotext", "-raw", "{0}", "-")).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Every image the PDF embeds, as its width and height in pixels (soft masks included).</summary>
    public static async Task<IReadOnlyList<(int Width, int Height, string Type)>> ImagesAsync(byte[] pdf)
    {
        var list = await RunOnFileAsync(pdf, "pdfimages", "-list", "{0}");
        return list.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Skip(2)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(cells => cells.Length > 5)
            .Select(cells => (int.Parse(cells[3], CultureInfo.InvariantCulture), int.Parse(cells[4], CultureInfo.InvariantCulture), cells[2]))
            .ToList();
    }

    /// <summary>The text of one page (1-based), laid out as printed.</summary>
    public static Task<string> PageTextAsync(byte[] pdf, int page)
    {
        var number = page.ToString(CultureInfo.InvariantCulture);
        return RunOnFileAsync(pdf, "pdftotext", "-layout", "-f", number, "-l", number, "{0}", "-");
    }

    /// <summary>What <c>pdfinfo</c> says of the document: its title, page count, page size and the like.</summary>
    public static Task<string> InfoAsync(byte[] pdf) => RunOnFileAsync(pdf, "pdfinfo", "{0}");

    public static async Task<int> PagesAsync(byte[] pdf)
    {
        var info = await RunOnFileAsync(pdf, "pdfinfo", "{0}");
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), CultureInfo.InvariantCulture);
    }

    private static async Task<string> RunOnFileAsync(byte[] pdf, string tool, params string[] arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ir-test-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument == "{0}" ? path : argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"{tool} failed: {await error}");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
