using IncidentResponse.Documents.Model;

namespace IncidentResponse.Documents.Pdf;

/// <summary>
/// What Chromium prints around the page content: the running header, the marking, page X of Y, and (for a record, not a
/// letter) the time it was made.
/// </summary>
public sealed record PdfOptions
{
    public required string RunningHeader { get; init; }

    public required DateTimeOffset GeneratedAtUtc { get; init; }

    public string ConfidentialityMarking { get; init; } = DocumentModel.DefaultConfidentialityMarking;

    /// <summary>Whether the footer says when the copy was made ("Generated …"): a record does, a letter has its own date.</summary>
    public bool PrintsGeneratedTime { get; init; } = true;

    /// <summary>Used when the HTML has no CSS page size; the HTML renderer always writes one.</summary>
    public PaperSize PaperSize { get; init; } = PaperSize.A4;

    public static PdfOptions For(DocumentModel document, PaperSize paper = PaperSize.A4)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new PdfOptions
        {
            RunningHeader = document.RunningHeader,
            GeneratedAtUtc = document.GeneratedAtUtc,
            ConfidentialityMarking = document.ConfidentialityMarking,
            PaperSize = paper,
        };
    }

    /// <summary>A letter's margins: no running title and no confidentiality marking (its own marking, such as "Draft", if any), and page X of Y.</summary>
    public static PdfOptions ForLetter(PrintedLetter letter, PaperSize paper = PaperSize.A4)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return new PdfOptions
        {
            RunningHeader = "",
            GeneratedAtUtc = letter.GeneratedAtUtc,
            ConfidentialityMarking = letter.Marking ?? "",
            PrintsGeneratedTime = false,
            PaperSize = paper,
        };
    }
}
