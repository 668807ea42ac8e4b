using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentResponse.Domain.Safety;

/// <summary>
/// The jurisdiction packs shipped inside the Domain assembly (embedded from <c>Content/jurisdictions/*.json</c>),
/// with lookup by code and a fallback to the general international pack.
/// </summary>
public sealed class JurisdictionCatalog
{
    public const string FallbackCode = "INTL";

    /// <summary>Manifest resource names of the packs start with this.</summary>
    public const string ResourcePrefix = "IncidentResponse.Domain.Content.jurisdictions.";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Other codes people use for a shipped jurisdiction.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UK"] = "GB",
    };

    private readonly Dictionary<string, JurisdictionPack> _english;

    /// <summary>The packs in each language with translations (ADR 0030), by language; English is <see cref="_english"/>.</summary>
    private readonly Dictionary<string, Dictionary<string, JurisdictionPack>> _translated = new(StringComparer.Ordinal);

    private JurisdictionCatalog(Dictionary<string, JurisdictionPack> packs)
    {
        _english = packs;
    }

    /// <summary>
    /// The packs in the language of the request being served (<see cref="CultureInfo.CurrentUICulture"/>): a pack's
    /// translated texts where it has them, its English otherwise; numbers, addresses and sources are the same in all.
    /// </summary>
    private Dictionary<string, JurisdictionPack> Shown => ContentOverlays.InLanguage(_english, _translated);

    public IReadOnlyCollection<JurisdictionPack> Packs => Shown.Values;

    public JurisdictionPack Fallback => Shown[FallbackCode];

    /// <summary>The pack for a code (any case; "UK" means GB), or the international fallback.</summary>
    public JurisdictionPack Get(string? code) =>
        code is not null && TryGet(code, out var pack) ? pack : Fallback;

    public bool TryGet(string code, out JurisdictionPack pack)
    {
        ArgumentNullException.ThrowIfNull(code);
        var key = Aliases.GetValueOrDefault(code.Trim(), code.Trim()).ToUpperInvariant();
        return Shown.TryGetValue(key, out pack!);
    }

    /// <summary>
    /// Reads every embedded pack and validates it. Throws <see cref="InvalidDataException"/> listing every problem, so
    /// a broken content edit stops the app at start-up rather than showing a survivor a wrong number.
    /// </summary>
    /// <param name="todayUtc">Today's UTC date; facts checked later than this are rejected.</param>
    public static JurisdictionCatalog LoadEmbedded(DateOnly todayUtc)
    {
        var assembly = typeof(JurisdictionCatalog).Assembly;
        var packs = new List<JurisdictionPack>();
        var translated = new Dictionary<string, List<JurisdictionPack>>(StringComparer.Ordinal);
        foreach (var name in EmbeddedResourceNames(assembly))
        {
            var json = ContentFiles.ReadEmbedded(assembly, name, "jurisdiction pack");
            packs.Add(ParsePack(json, name));
            foreach (var (language, inLanguage) in ContentOverlays.Translations(assembly, "jurisdictions", name[ResourcePrefix.Length..], json))
            {
                translated.TryAdd(language, []);
                translated[language].Add(ParsePack(inLanguage, name));
            }
        }

        var catalog = FromPacks(packs, todayUtc);
        foreach (var (language, inLanguage) in translated)
        {
            // A language without a file's translation reads that pack in English.
            catalog._translated[language] = FromPacks(inLanguage.UnionBy(packs, p => p.Code), todayUtc)._english;
        }

        return catalog;
    }

    /// <summary>Builds a catalog from packs, validating each; it must include the INTL fallback.</summary>
    public static JurisdictionCatalog FromPacks(IEnumerable<JurisdictionPack> packs, DateOnly todayUtc)
    {
        var byCode = ContentFiles.Index(
            packs,
            pack => pack.Code,
            pack => JurisdictionPackValidator.Validate(pack, todayUtc),
            FallbackCode,
            "more than one pack has this code.",
            $"The {FallbackCode} fallback pack is missing.",
            "Jurisdiction");
        return new JurisdictionCatalog(byCode);
    }

    /// <summary>Reads one pack from JSON. Unknown properties are errors, so a misspelt field cannot pass silently.</summary>
    public static JurisdictionPack ParsePack(string json, string sourceName = "pack")
    {
        return ContentFiles.Parse<JurisdictionPack>(json, JsonOptions, "jurisdiction pack", sourceName);
    }

    /// <summary>The manifest resource names of the embedded packs, sorted.</summary>
    public static IReadOnlyList<string> EmbeddedResourceNames(Assembly assembly)
    {
        return ContentFiles.EmbeddedNames(assembly, ResourcePrefix);
    }
}
