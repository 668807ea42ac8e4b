using System.Globalization;

namespace IncidentResponse.Documents.Html;

/// <summary>The print stylesheet (embedded <c>print.css</c>) preceded by the page rule for the chosen paper.</summary>
internal static class Stylesheet
{
    private static readonly Lazy<string> Body = new(Load);

    public static string For(PaperSize paper) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"@page {{ size: {PageLayout.CssSize(paper)}; margin: {PageLayout.MarginTop} {PageLayout.MarginSide} {PageLayout.MarginBottom}; }}\n")
        + Body.Value;

    private static string Load()
    {
        using var stream = typeof(Stylesheet).Assembly.GetManifestResourceStream("IncidentResponse.Documents.print.css")
            ?? throw new InvalidOperationException("The print stylesheet is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
