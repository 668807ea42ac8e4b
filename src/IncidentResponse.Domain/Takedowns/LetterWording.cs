using System.Text.Json;

namespace IncidentResponse.Domain.Takedowns;

/// <summary>
/// The legal citations and statutory wording letters print, read from <c>Content/law/letter-wording.json</c>, where each
/// one names its citation, the page it should be checked against and when it was read (or that it still needs review).
/// An advocate corrects a citation there, not in C#. A missing key is a build-breaking mistake, not a blank in a letter.
/// Only the notes shown beside a letter (the <c>*.guidance*</c> keys) are translated (ADR 0030,
/// <c>Content/i18n/{language}/law/letter-wording.json</c>); a letter is composed in English, where every text reads as written.
/// </summary>
public static class LetterWording
{
    public const string ResourceName = "IncidentResponse.Domain.Content.law.letter-wording.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly Lazy<(Dictionary<string, Wording> English, Dictionary<string, Dictionary<string, Wording>> Translated)> All = new(LoadAll);

    /// <summary>Every wording by key, in English.</summary>
    public static IReadOnlyDictionary<string, Wording> Entries => All.Value.English;

    /// <summary>The text of a wording with its placeholders (<c>{name}</c>) filled.</summary>
    public static string Text(string key, params (string Name, string Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!ContentOverlays.InLanguage(All.Value.English, All.Value.Translated).TryGetValue(key, out var wording))
        {
            throw new KeyNotFoundException($"letter-wording.json has no wording \"{key}\".");
        }

        return values.Aggregate(wording.Text, (text, value) => text.Replace("{" + value.Name + "}", value.Value, StringComparison.Ordinal));
    }

    private static (Dictionary<string, Wording>, Dictionary<string, Dictionary<string, Wording>>) LoadAll() =>
        ContentOverlays.ReadEmbedded(typeof(LetterWording).Assembly, ResourceName, "letter wording", "law", "letter-wording.json", Load);

    private static Dictionary<string, Wording> Load(string json)
    {
        var file = ContentFiles.Parse<WordingFile>(json, JsonOptions, "letter wording", ResourceName);
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

    private sealed record WordingFile(int SchemaVersion, int ContentVersion, string EditorialNote, IReadOnlyList<Wording> Wording);
}

/// <summary>One citation or statutory wording a letter prints, with where it comes from.</summary>
public sealed record Wording(string Key, string Text, string Citation, string SourceUrl, string? LastVerified = null, bool NeedsReview = false);
