using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentResponse.Domain.Takedowns;

/// <summary>
/// The platform entries shipped inside the Domain assembly (embedded from <c>Content/platforms/*.json</c>), with
/// lookup by id. The <see cref="OtherHostId"/> entry covers any website or host not listed.
/// </summary>
public sealed class PlatformDirectory
{
    public const string OtherHostId = "other-host";

    /// <summary>Manifest resource names of the entries start with this.</summary>
    public const string ResourcePrefix = "IncidentResponse.Domain.Content.platforms.";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private readonly Dictionary<string, PlatformEntry> _english;

    /// <summary>The entries in each language with translations (ADR 0030), by language; English is <see cref="_english"/>.</summary>
    private readonly Dictionary<string, Dictionary<string, PlatformEntry>> _translated = new(StringComparer.Ordinal);

    private PlatformDirectory(Dictionary<string, PlatformEntry> entries)
    {
        _english = entries;
    }

    /// <summary>
    /// The entries in the language of the request being served (<see cref="CultureInfo.CurrentUICulture"/>): an entry's
    /// translated steps and notes where it has them, its English otherwise; names, addresses and sources are the same in
    /// all. A letter is composed under <see cref="ContentOverlays.InEnglish"/>, so it reads the English.
    /// </summary>
    private Dictionary<string, PlatformEntry> Shown => ContentOverlays.InLanguage(_english, _translated);

    /// <summary>Every entry, ordered by name, with "other website or host" last.</summary>
    public IReadOnlyList<PlatformEntry> Entries =>
        Shown.Values
            .OrderBy(e => e.Id == OtherHostId)
            .ThenBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    public PlatformEntry OtherHost => Shown[OtherHostId];

    /// <summary>The entry for an id, or the "other website or host" entry.</summary>
    public PlatformEntry Get(string? id) => id is not null && TryGet(id, out var entry) ? entry : OtherHost;

    public bool TryGet(string id, out PlatformEntry entry)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Shown.TryGetValue(id.Trim().ToLowerInvariant(), out entry!);
    }

    /// <summary>
    /// Reads every embedded entry and validates it. Throws <see cref="InvalidDataException"/> listing every problem, so
    /// a broken content edit stops the app at start-up rather than sending a survivor to a wrong address.
    /// </summary>
    public static PlatformDirectory LoadEmbedded(DateOnly todayUtc)
    {
        var assembly = typeof(PlatformDirectory).Assembly;
        var entries = new List<PlatformEntry>();
        var translated = new Dictionary<string, List<PlatformEntry>>(StringComparer.Ordinal);
        foreach (var name in EmbeddedResourceNames(assembly))
        {
            var json = ContentFiles.ReadEmbedded(assembly, name, "platform entry");
            var entry = ParseEntry(json, name);
            var fileId = name[ResourcePrefix.Length..^".json".Length];
            if (!string.Equals(fileId, entry.Id, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"The platform entry {name} has the id \"{entry.Id}\"; name the file after its id.");
            }

            entries.Add(entry);
            foreach (var (language, inLanguage) in ContentOverlays.Translations(assembly, "platforms", name[ResourcePrefix.Length..], json))
            {
                translated.TryAdd(language, []);
                translated[language].Add(ParseEntry(inLanguage, name));
            }
        }

        var directory = FromEntries(entries, todayUtc);
        foreach (var (language, inLanguage) in translated)
        {
            // A language without a file's translation reads that entry in English.
            directory._translated[language] = FromEntries(inLanguage.UnionBy(entries, e => e.Id), todayUtc)._english;
        }

        return directory;
    }

    /// <summary>Builds a directory from entries, validating each; it must include the other-host entry.</summary>
    public static PlatformDirectory FromEntries(IEnumerable<PlatformEntry> entries, DateOnly todayUtc)
    {
        var byId = ContentFiles.Index(
            entries,
            entry => entry.Id,
            entry => PlatformEntryValidator.Validate(entry, todayUtc),
            OtherHostId,
            "more than one entry has this id.",
            $"The {OtherHostId} entry is missing.",
            "Platform");
        return new PlatformDirectory(byId);
    }

    /// <summary>Reads one entry from JSON. Unknown properties and enum values are errors.</summary>
    public static PlatformEntry ParseEntry(string json, string sourceName = "entry")
    {
        return ContentFiles.Parse<PlatformEntry>(json, JsonOptions, "platform entry", sourceName);
    }

    /// <summary>The manifest resource names of the embedded entries, sorted.</summary>
    public static IReadOnlyList<string> EmbeddedResourceNames(Assembly assembly)
    {
        return ContentFiles.EmbeddedNames(assembly, ResourcePrefix);
    }
}
