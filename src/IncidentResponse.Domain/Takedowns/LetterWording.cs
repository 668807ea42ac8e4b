using System.Text.Json;

namespace IncidentResponse.Domain.Takedowns;

/// <summary>
/// The legal citations and statutory wording letters print, read from <c>Content/law/letter-wording.json</c>, where each
/// one names its citation, the page it should be checked against and when it was read (or that it still needs review).
/// An advocate corrects a citation there, not in C#. A missing key is a build-breaking mistake, not a blank in a letter.
/// </summary>
public static class LetterWording
{
    public const string ResourceName = "IncidentResponse.Domain.Content.law.letter-wording.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly Lazy<Dictionary<string, Wording>> All = new(Load);

    /// <summary>Every wording by key.</summary>
    public static IReadOnlyDictionary<string, Wording> Entries => All.Value;

    /// <summary>The text of a wording with its placeholders (<c>{name}</c>) filled.</summary>
    public static string Text(string key, params (string Name, string Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!All.Value.TryGetValue(key, out var wording))
        {
            throw new KeyNotFoundException($"letter-wording.json has no wording \"{key}\".");
        }

        return values.Aggregate(wording.Text, (text, value) => text.Replace("{" + value.Name + "}", value.Value, StringComparison.Ordinal));
    }

    private static Dictionary<string, Wording> Load()
    {
        var assembly = typeof(LetterWording).Assembly;
        var file = ContentFiles.Parse<WordingFile>(ContentFiles.ReadEmbedded(assembly, ResourceName, "letter wording"), JsonOptions, "letter wording", ResourceName);
        var byKey = new Dictionary<string, Wording>(StringComparer.Ordinal);
        foreach (var wording in file.Wording)
        {
            if (string.IsNullOrWhiteSpace(wording.Text) || string.IsNullOrWhiteSpace(wording.Citation) || !byKey.TryAdd(wording.Key, wording))
            {
                throw new InvalidDataException($"letter-wording.json: \"{wording.Key}\" is repeated, or has no text or citation.");
            }
        }

        return byKey;
    }

    private sealed record WordingFile(int SchemaVersion, string EditorialNote, IReadOnlyList<Wording> Wording);
}

/// <summary>One citation or statutory wording a letter prints, with where it comes from.</summary>
public sealed record Wording(string Key, string Text, string Citation, string SourceUrl, string? LastVerified = null, bool NeedsReview = false);
