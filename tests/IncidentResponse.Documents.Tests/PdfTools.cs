using System.Diagnostics;

namespace IncidentResponse.Documents.Tests;

/// <summary>Reads printed PDFs back with poppler-utils (<c>pdftotext</c>, <c>pdfinfo</c>).</summary>
internal static class PdfTools
{
    public static Task<string> TextAsync(byte[] pdf) => RunOnFileAsync(pdf, "pdftotext", "-layout", "{0}", "-");

    public static Task<string> InfoAsync(byte[] pdf) => RunOnFileAsync(pdf, "pdfinfo", "{0}");

    /// <summary>The text of one page (1-based).</summary>
    public static Task<string> PageTextAsync(byte[] pdf, int page)
    {
        var number = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return RunOnFileAsync(pdf, "pdftotext", "-layout", "-f", number, "-l", number, "{0}", "-");
    }

    private static async Task<string> RunOnFileAsync(byte[] pdf, string tool, params string[] arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ir-documents-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument == "{0}" ? path : argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} failed: {await error}");
            return await output;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
