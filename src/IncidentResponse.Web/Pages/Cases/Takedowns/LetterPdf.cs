using IncidentResponse.Documents.Html;
using IncidentResponse.Documents.Model;
using IncidentResponse.Documents.Pdf;
using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Web.Pages.Cases.Takedowns;

/// <summary>
/// A letter as a PDF, printed by Chromium from the very text the plain-text download gives (as finalised, or the draft
/// as it reads now): one content, two forms. It is laid out as a letter, line for line as the text reads, its title
/// once, with no cover, no running title and no confidentiality marking; a draft is marked "Draft" at the top of each
/// page. The margins carry nothing of the case.
/// </summary>
public sealed class LetterPdf(DocumentHtmlRenderer renderer, ChromiumPdfPrinter printer, TimeProvider clock)
{
    /// <summary>The word at the top of each page of a letter not yet finalised.</summary>
    public const string DraftMarking = "Draft";

    public bool IsAvailable => printer.IsChromiumInstalled;

    public async Task WriteAsync(LetterKind kind, string text, bool isDraft, Stream destination, CancellationToken cancellationToken)
    {
        var letter = new PrintedLetter
        {
            Title = LetterComposer.HeadingOf(kind),
            Blocks = PrintedLetter.BlocksOf(text),
            Marking = isDraft ? DraftMarking : null,
            GeneratedAtUtc = clock.GetUtcNow(),
        };
        await printer.PrintAsync((_, ct) => renderer.RenderLetterAsync(letter, cancellationToken: ct), (_, _) => Task.FromResult<(byte[] Bytes, string ContentType)?>(null), destination, PdfOptions.ForLetter(letter), cancellationToken);
    }
}
