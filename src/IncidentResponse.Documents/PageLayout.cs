namespace IncidentResponse.Documents;

/// <summary>
/// Page margins shared by the print stylesheet and the PDF printer, so the running header and footer Chromium draws in
/// the margins always have room.
/// </summary>
public static class PageLayout
{
    public const string MarginTop = "22mm";
    public const string MarginBottom = "20mm";
    public const string MarginSide = "18mm";

    /// <summary>The CSS <c>size</c> keyword for a paper size.</summary>
    public static string CssSize(PaperSize paper) => paper switch
    {
        PaperSize.A4 => "A4",
        PaperSize.Letter => "letter",
        _ => throw new ArgumentOutOfRangeException(nameof(paper), paper, "Unknown paper size."),
    };
}
