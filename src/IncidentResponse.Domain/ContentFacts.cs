using System.Globalization;
using System.Text.Json;
using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Domain;

/// <summary>One sourced fact found in a content file, as an editor would look for it.</summary>
public sealed record ContentFact(string File, string Key, string SourceUrl, string LastVerified, bool NeedsReview) : ISourcedFact;

/// <summary>
/// Finds every sourced fact (any object with <c>sourceUrl</c>, <c>lastVerified</c> or <c>needsReview</c>) in the content
/// files, whatever their schema: the jurisdiction packs and the platform directory alike.
/// </summary>
public static class ContentFacts
{
    /// <summary>The key of a whole entry marked <c>needsReview</c> (the platform directory's flag).</summary>
    public const string WholeEntry = "(entry)";

    private const string ResourcePrefix = "IncidentResponse.Domain.Content.";

    /// <summary>The shipped content files, as (file name such as <c>jurisdictions/gb.json</c>, JSON text).</summary>
    public static IEnumerable<(string File, string Json)> Embedded()
    {
        var assembly = typeof(ContentFacts).Assembly;
        foreach (var name in ContentFiles.EmbeddedNames(assembly, ResourcePrefix))
        {
            var relative = name[ResourcePrefix.Length..^".json".Length].Replace('.', '/') + ".json";
            yield return (relative, ContentFiles.ReadEmbedded(assembly, name, "content file"));
        }
    }

    /// <summary>The content files under a folder (such as a copy of <c>Content/</c>), named relative to it.</summary>
    public static IEnumerable<(string File, string Json)> FromFolder(string folder)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            yield return (Path.GetRelativePath(folder, path).Replace('\\', '/'), File.ReadAllText(path));
        }
    }

    /// <summary>Every fact in one file. A whole-entry <c>needsReview</c> (the platform directory's) is one fact keyed <c>(entry)</c>.</summary>
    public static IReadOnlyList<ContentFact> Scan(string file, string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var facts = new List<ContentFact>();
        Walk(file, document.RootElement, "", facts);
        return facts;
    }

    private static void Walk(string file, JsonElement element, string path, List<ContentFact> facts)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                Walk(file, item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]"), facts);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var source = Text(element, "sourceUrl");
        var date = Text(element, "lastVerified");
        var needsReview = element.TryGetProperty("needsReview", out var review) && review.ValueKind == JsonValueKind.True;
        if (source is not null || date is not null || needsReview)
        {
            var key = path.Length == 0 ? WholeEntry : path;
            if (Text(element, "name") is { } name && path.Length > 0)
            {
                key += $" ({name})";
            }

            facts.Add(new ContentFact(file, key, source ?? "", date ?? "", needsReview));
        }

        foreach (var property in element.EnumerateObject())
        {
            Walk(file, property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, facts);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
