using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IncidentResponse.Domain;

/// <summary>
/// Content in other languages (ADR 0030): a content file's translation is an overlay, <c>Content/i18n/{language}/…</c>
/// beside the English file's own path, holding only translated text keyed by its path in the English file
/// (<c>"helplines[0].description"</c>). Numbers, addresses, sources and check dates stay in the one English file, so a
/// fact is checked once. Every path must name a text in the English file, or the app does not start.
/// </summary>
public static class ContentOverlays
{
    /// <summary>The languages content is translated into (besides the pseudo-language, made from their paths).</summary>
    public static IReadOnlyList<string> Languages { get; } = ["es", "fr"];

    private const string Prefix = "IncidentResponse.Domain.Content.i18n.";

    /// <summary>The overlay of one English content file in one language, or null when it has none.</summary>
    public static ContentOverlay? Find(Assembly assembly, string language, string folder, string file)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var name = $"{Prefix}{language}.{folder}.{file}";
        if (assembly.GetManifestResourceInfo(name) is null)
        {
            return null;
        }

        var json = ContentFiles.ReadEmbedded(assembly, name, "translation");
        return JsonSerializer.Deserialize<ContentOverlay>(json, JsonOptions)
            ?? throw new InvalidDataException($"The translation {name} is empty.");
    }

    /// <summary>
    /// Reads the embedded English file <paramref name="resourceName"/> (<c>Content/{folder}/{file}</c>) and every
    /// translation of it, each made into its content by <paramref name="load"/> (which validates it): the English, and
    /// the translations by language.
    /// </summary>
    public static (T English, Dictionary<string, T> Translated) ReadEmbedded<T>(
        Assembly assembly, string resourceName, string what, string folder, string file, Func<string, T> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var json = ContentFiles.ReadEmbedded(assembly, resourceName, what);
        var translated = Translations(assembly, folder, file, json).ToDictionary(t => t.Key, t => load(t.Value), StringComparer.Ordinal);
        return (load(json), translated);
    }

    /// <summary>
    /// One English content file in each language with texts translated, as JSON by language: each of
    /// <see cref="Languages"/> that has an overlay, and the pseudo-language (the English accented at every path any
    /// language translates). The caller parses and checks each as it does the English.
    /// </summary>
    public static Dictionary<string, string> Translations(Assembly assembly, string folder, string file, string englishJson)
    {
        var translated = new Dictionary<string, string>(StringComparer.Ordinal);
        var paths = new List<string>();
        foreach (var language in Languages)
        {
            if (Find(assembly, language, folder, file) is { } overlay)
            {
                paths.AddRange(overlay.Text.Keys);
                translated[language] = Apply(englishJson, overlay.Text, $"{language}/{folder}/{file}");
            }
        }

        translated[PseudoText.Culture] = Apply(englishJson, Pseudo(englishJson, paths), $"{PseudoText.Culture}/{folder}/{file}");
        return translated;
    }

    /// <summary>
    /// Until disposed, content reads in English whatever the request's language: for documents (letters), which keep
    /// one language whoever writes them, while the page around them speaks the person's.
    /// </summary>
    public static IDisposable InEnglish() => new EnglishScope();

    private sealed class EnglishScope : IDisposable
    {
        private readonly CultureInfo _before = CultureInfo.CurrentUICulture;

        public EnglishScope() => CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

        public void Dispose() => CultureInfo.CurrentUICulture = _before;
    }

    /// <summary>The value for the language being served (<see cref="CultureInfo.CurrentUICulture"/>), else the English.</summary>
    public static T InLanguage<T>(T english, IReadOnlyDictionary<string, T> translated)
    {
        ArgumentNullException.ThrowIfNull(translated);
        return LanguageOf(CultureInfo.CurrentUICulture) is { } language && translated.TryGetValue(language, out var value) ? value : english;
    }

    /// <summary>Every content translation shipped, as (language, "folder/file.json", overlay).</summary>
    public static IEnumerable<(string Language, string File, ContentOverlay Overlay)> All(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var language in Languages)
        {
            var prefix = $"{Prefix}{language}.";
            foreach (var name in ContentFiles.EmbeddedNames(assembly, prefix).Where(n => n.Count(c => c == '.') == prefix.Count(c => c == '.') + 2))
            {
                var relative = name[prefix.Length..];
                var folder = relative[..relative.IndexOf('.', StringComparison.Ordinal)];
                var file = relative[(folder.Length + 1)..];
                yield return (language, $"{folder}/{file}", Find(assembly, language, folder, file)!);
            }
        }
    }

    /// <summary>The content version of the English file a translation overlays ("jurisdictions/gb.json"), if it has one.</summary>
    public static int? EnglishVersion(Assembly assembly, string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var json = ContentFiles.ReadEmbedded(assembly, "IncidentResponse.Domain.Content." + file.Replace('/', '.'), "content file");
        return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })?["contentVersion"]?.GetValue<int>();
    }

    /// <summary>
    /// The translated texts a fluent reader of <paramref name="language"/> has checked (<c>Content/i18n/{language}/reviewed.json</c>),
    /// as "ResourceBaseName:Key" for a resource and "folder/file.json:path" for content.
    /// </summary>
    public static IReadOnlySet<string> Reviewed(Assembly assembly, string language)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var json = ContentFiles.ReadEmbedded(assembly, $"{Prefix}{language}.reviewed.json", "list of reviewed translations");
        var list = JsonSerializer.Deserialize<ReviewedList>(json, JsonOptions) ?? new ReviewedList("", []);
        return list.Reviewed.Select(r => r.Text).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The English file's JSON with each of <paramref name="text"/>'s paths replaced by its translation. Throws naming
    /// every path that is not a text of the English file.
    /// </summary>
    public static string Apply(string englishJson, IReadOnlyDictionary<string, string> text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var root = JsonNode.Parse(englishJson, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })
            ?? throw new InvalidDataException($"{sourceName} is empty.");
        var problems = new List<string>();
        foreach (var (path, translated) in text)
        {
            if (Find(root, path) is { } node && node.GetValueKind() == JsonValueKind.String && !string.IsNullOrWhiteSpace(translated))
            {
                node.ReplaceWith(JsonValue.Create(translated));
            }
            else
            {
                problems.Add($"{sourceName}: \"{path}\" is not a text of the English file, or its translation is empty.");
            }
        }

        return problems.Count == 0 ? root.ToJsonString() : throw new InvalidDataException(string.Join(Environment.NewLine, problems));
    }

    /// <summary>The English texts at the paths a translation covers, each in the pseudo-language.</summary>
    public static Dictionary<string, string> Pseudo(string englishJson, IEnumerable<string> paths)
    {
        var root = JsonNode.Parse(englishJson, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return paths.Distinct(StringComparer.Ordinal)
            .Where(p => Find(root, p) is { } node && node.GetValueKind() == JsonValueKind.String)
            .ToDictionary(p => p, p => PseudoText.Of(Find(root, p)!.GetValue<string>()), StringComparer.Ordinal);
    }

    /// <summary>The language whose content a culture reads: "es" for es-MX, the pseudo-language as itself, else null (English).</summary>
    public static string? LanguageOf(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.Name == PseudoText.Culture ? PseudoText.Culture
            : Languages.Contains(culture.TwoLetterISOLanguageName) ? culture.TwoLetterISOLanguageName
            : null;
    }

    private static JsonNode? Find(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            node = node?[bracket < 0 ? part : part[..bracket]];
            if (bracket >= 0 && node is JsonArray array
                && int.TryParse(part[(bracket + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                node = index < array.Count ? array[index] : null;
            }
        }

        return node;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };
}

/// <summary>
/// One content file's translation: the English file's content version it was made from (a later English version marks
/// it as possibly out of date), and the translated texts by path.
/// </summary>
public sealed record ContentOverlay(int TranslatedFrom, Dictionary<string, string> Text);

/// <summary>A language's list of translated texts a fluent reader has checked: what, by whom, when.</summary>
public sealed record ReviewedList(string Note, IReadOnlyList<ReviewedText> Reviewed);

public sealed record ReviewedText(string Text, string By, string On);
