using System.Globalization;

namespace IncidentResponse.Documents.Html;

/// <summary>
/// The print stylesheets (embedded <c>print.css</c> for records, <c>letter.css</c> for letters), each preceded by the
/// page rule for the chosen paper.
/// </summary>
internal static class Stylesheet
{
    private static readonly Lazy<string> Body = new(() => Load("print.css"));
    private static readonly Lazy<string> LetterBody = new(() => Load("letter.css"));

    public static string For(PaperSize paper) => PageRule(paper) + Body.Value;

    public static string ForLetter(PaperSize paper) => PageRule(paper) + LetterBody.Value;

    private static string PageRule(PaperSize paper) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"@page {{ size: {PageLayout.CssSize(paper)}; margin: {PageLayout.MarginTop} {PageLayout.MarginSide} {PageLayout.MarginBottom}; }}\n");

    private static string Load(string name)
    {
        using var stream = typeof(Stylesheet).Assembly.GetManifestResourceStream("IncidentResponse.Documents." + name)
            ?? throw new InvalidOperationException($"The print stylesheet {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
