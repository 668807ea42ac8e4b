namespace IncidentResponse.Documents.Pdf;

/// <summary>
/// Chromium is not installed or would not start on this server. The web layer can answer with "PDF not available
/// here, use the print view": the same HTML prints from the person's own browser.
/// </summary>
public sealed class PdfRendererUnavailableException : Exception
{
    public PdfRendererUnavailableException()
    {
    }

    public PdfRendererUnavailableException(string message)
        : base(message)
    {
    }

    public PdfRendererUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
