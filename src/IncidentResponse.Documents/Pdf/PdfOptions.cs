using IncidentResponse.Documents.Model;

namespace IncidentResponse.Documents.Pdf;

/// <summary>What Chromium prints around the page content: the running header, the marking, page X of Y, and the time.</summary>
public sealed record PdfOptions
{
    public required string RunningHeader { get; init; }

    public required DateTimeOffset GeneratedAtUtc { get; init; }

    public string ConfidentialityMarking { get; init; } = DocumentModel.DefaultConfidentialityMarking;

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
}
