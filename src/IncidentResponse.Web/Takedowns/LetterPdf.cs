using IncidentResponse.Documents.Html;
using IncidentResponse.Documents.Model;
using IncidentResponse.Documents.Pdf;
using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Web.Takedowns;

/// <summary>
/// A letter as a PDF, printed by Chromium from the very text the plain-text download gives (as finalised, or the draft
/// as it reads now): one content, two forms. The running header carries only the letter's kind, never case content.
/// </summary>
public sealed class LetterPdf(DocumentHtmlRenderer renderer, ChromiumPdfPrinter printer, TimeProvider clock)
{
    public bool IsAvailable => printer.IsChromiumInstalled;

    public async Task WriteAsync(LetterKind kind, string text, Stream destination, CancellationToken cancellationToken)
    {
        var title = LetterComposer.TitleOf(kind);
        var paragraphs = text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => (Block)new Paragraph(p))
            .ToList();
        var document = new DocumentModel
        {
            Title = title,
            RunningHeader = title,
            GeneratedAtUtc = clock.GetUtcNow(),
            Sections = [new Section { Id = "letter", Heading = title, Blocks = paragraphs }],
        };
        var html = await renderer.RenderAsync(document, cancellationToken: cancellationToken);
        await printer.PrintAsync(html, (_, _) => Task.FromResult<(byte[] Bytes, string ContentType)?>(null), destination, PdfOptions.For(document), cancellationToken);
    }
}
