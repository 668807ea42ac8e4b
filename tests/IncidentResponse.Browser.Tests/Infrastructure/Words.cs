using System.Collections.Concurrent;
using System.Net;
using System.Xml.Linq;

namespace IncidentResponse.Browser.Tests.Infrastructure;

/// <summary>
/// The words a person reads, in the language a test walks in: the journeys are written with the English the pages
/// show, and <see cref="W"/> finds the same text in the app's own resource files (<c>X.resx</c> and its
/// <c>X.es.resx</c>, <c>X.fr.resx</c>) so one journey runs in every language. English is the default; a test that walks
/// in another language says so with <see cref="In"/> for the rest of its flow. A text with no translation, or with two
/// different ones, fails the test with its name rather than guessing.
/// </summary>
public static class Words
{
    private static readonly AsyncLocal<string?> Current = new();
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string[]>> Tables = new();

    /// <summary>The language the journeys speak in this flow ("en", "es" or "fr").</summary>
    public static string Language => Current.Value ?? "en";

    /// <summary>Speaks <paramref name="language"/> for the rest of this test's flow.</summary>
    public static void In(string language) => Current.Value = language;

    /// <summary><paramref name="english"/> as the app shows it in <see cref="Language"/>.</summary>
    public static string W(string english)
    {
        if (Language == "en")
        {
            return english;
        }

        var table = Tables.GetOrAdd(Language, Load);
        if (!table.TryGetValue(english, out var found))
        {
            throw new KeyNotFoundException($"No resource says \"{english}\" in English, so no {Language} text can be found for it.");
        }

        return found.Length == 1
            ? found[0]
            : throw new InvalidOperationException($"\"{english}\" has {found.Length} different {Language} texts: {string.Join(" | ", found)}.");
    }

    /// <summary><see cref="W(string)"/> of a text with placeholders (<c>Step {0} of {1}</c>), filled.</summary>
    public static string W(string english, params object[] arguments) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, System.Text.CompositeFormat.Parse(W(english)), arguments);

    /// <summary>Each English resource text (markup removed, as a page shows it) and its distinct translations.</summary>
    private static IReadOnlyDictionary<string, string[]> Load(string language)
    {
        var pairs = new List<(string English, string Translated)>();
        foreach (var english in Directory.GetFiles(Path.Combine(Screenshots.RepositoryRoot(), "src"), "*.resx", SearchOption.AllDirectories))
        {
            if (Path.GetFileNameWithoutExtension(english).Contains('.', StringComparison.Ordinal))
            {
                continue;
            }

            var translated = Path.ChangeExtension(english, null) + "." + language + ".resx";
            if (!File.Exists(translated))
            {
                continue;
            }

            var theirs = Values(translated);
            pairs.AddRange(Values(english).Where(e => theirs.ContainsKey(e.Key)).Select(e => (e.Value, theirs[e.Key])));
        }

        return pairs.GroupBy(p => p.English, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Translated).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    private static Dictionary<string, string> Values(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => Shown((string?)d.Element("value") ?? ""), StringComparer.Ordinal);

    /// <summary>A resource's text as the page shows it: tags removed, entities decoded, doubled braces single.</summary>
    private static string Shown(string value) =>
        WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(value, "<[^>]+>", "")).Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal);
}
