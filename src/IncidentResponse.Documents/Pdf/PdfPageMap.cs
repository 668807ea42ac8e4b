using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IncidentResponse.Documents.Pdf;

/// <summary>
/// Reads which page each named destination of a PDF lands on. Chromium writes a named destination for every element
/// an internal link points to (the contents list links to every section and exhibit), so a first print tells where
/// each heading falls. Only the plain PDF that Chromium writes is understood: a classic cross-reference table, the
/// catalog's <c>/Dests</c> dictionary and the page tree; anything else gives an empty map, never an exception.
/// </summary>
internal static partial class PdfPageMap
{
    /// <summary>Each destination's name and its 1-based page number (<see cref="ReadLinks"/>'s destinations).</summary>
    public static IReadOnlyDictionary<string, int> Read(ReadOnlySpan<byte> pdf)
    {
        try
        {
            return ReadLinks(pdf).Destinations.ToDictionary(d => d.Key, d => d.Value.PageNumber, StringComparer.Ordinal);
        }
        catch (FormatException)
        {
            return new Dictionary<string, int>(StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// The cross-reference table from just after its <c>xref</c> keyword: subsections of "first count", then count
    /// entries of "offset generation n|f". Each object in use by its offset; <paramref name="trailerStart"/> is where
    /// the trailer that follows begins.
    /// </summary>
    private static Dictionary<int, int> CrossReferences(string pdf, int start, out int trailerStart)
    {
        var offsets = new Dictionary<int, int>();
        var position = start;
        while (true)
        {
            var token = Token(pdf, position, out position);
            if (token == "trailer")
            {
                break;
            }

            var first = int.Parse(token, CultureInfo.InvariantCulture);
            var count = int.Parse(Token(pdf, position, out position), CultureInfo.InvariantCulture);
            for (var i = 0; i < count; i++)
            {
                var offset = int.Parse(Token(pdf, position, out position), CultureInfo.InvariantCulture);
                _ = Token(pdf, position, out position);
                if (Token(pdf, position, out position) == "n")
                {
                    offsets[first + i] = offset;
                }
            }
        }

        trailerStart = position;
        return offsets;
    }

    /// <summary>The page tree from its root, depth first in order: each page object's 1-based page number.</summary>
    private static Dictionary<int, int> PageNumbers(string pdf, Dictionary<int, int> offsets, int root)
    {
        var pageNumbers = new Dictionary<int, int>();
        var pending = new Stack<int>();
        pending.Push(root);
        while (pending.Count > 0 && pageNumbers.Count < offsets.Count)
        {
            var node = pending.Pop();
            var body = Body(pdf, offsets, node);
            if (PagesTypePattern().IsMatch(body))
            {
                var kids = KidsPattern().Match(body);
                var references = ReferencePattern().Matches(kids.Success ? kids.Groups[1].Value : "");
                for (var i = references.Count - 1; i >= 0; i--)
                {
                    pending.Push(Number(references[i].Groups[1].Value));
                }
            }
            else
            {
                pageNumbers.TryAdd(node, pageNumbers.Count + 1);
            }
        }

        return pageNumbers;
    }

    private static int Number(string digits) => int.Parse(digits, CultureInfo.InvariantCulture);

    private static string Body(string pdf, Dictionary<int, int> offsets, int number)
    {
        var start = offsets[number];
        var end = pdf.IndexOf("endobj", start, StringComparison.Ordinal);
        return end < 0 ? throw new FormatException("An object has no end.") : pdf[start..end];
    }

    private static string Token(string pdf, int start, out int next)
    {
        var i = start;
        while (i < pdf.Length && char.IsWhiteSpace(pdf[i]))
        {
            i++;
        }

        var begin = i;
        while (i < pdf.Length && !char.IsWhiteSpace(pdf[i]))
        {
            i++;
        }

        next = i;
        return begin == i ? throw new FormatException("The cross-reference table ends early.") : pdf[begin..i];
    }

    /// <summary>A PDF name with its <c>#xx</c> escapes undone.</summary>
    private static string DecodeName(string name) =>
        name.Contains('#', StringComparison.Ordinal)
            ? EscapePattern().Replace(name, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString())
            : name;

    [GeneratedRegex(@"/Root\s+(\d+)\s+0\s+R")]
    private static partial Regex RootPattern();

    [GeneratedRegex(@"/Pages\s+(\d+)\s+0\s+R")]
    private static partial Regex PagesPattern();

    [GeneratedRegex(@"/Dests\s+(\d+)\s+0\s+R")]
    private static partial Regex DestsPattern();

    [GeneratedRegex(@"/Type\s*/Pages\b")]
    private static partial Regex PagesTypePattern();

    [GeneratedRegex(@"/Kids\s*\[([^\]]*)\]")]
    private static partial Regex KidsPattern();

    [GeneratedRegex(@"(\d+)\s+0\s+R")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex("#([0-9A-Fa-f]{2})")]
    private static partial Regex EscapePattern();
}
