using IncidentResponse.Documents.Pdf;

namespace IncidentResponse.Documents.Tests;

/// <summary>One warm printer (one Chromium) shared by the PDF tests, as the app would hold it.</summary>
public sealed class PrinterFixture : IAsyncLifetime
{
    public ChromiumPdfPrinter Printer { get; } = new(new ChromiumPdfPrinterOptions { MaxConcurrentRenders = 2 });

    public Task InitializeAsync()
    {
        if (!Printer.IsChromiumInstalled)
        {
            throw new InvalidOperationException(
                $"The PDF tests drive Debian's Chromium at {ChromiumPdfPrinterOptions.DebianChromiumPath}, which is not installed. "
                + "Install it with 'apt-get install chromium'; do not run 'playwright install'.");
        }

        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Printer.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SharedPrinter : ICollectionFixture<PrinterFixture>
{
    public const string Name = "Chromium printer";
}
