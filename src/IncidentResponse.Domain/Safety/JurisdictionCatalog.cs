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

    private readonly Dictionary<string, JurisdictionPack> _packs;

    private JurisdictionCatalog(Dictionary<string, JurisdictionPack> packs)
    {
        _packs = packs;
        Fallback = packs[FallbackCode];
    }

    public IReadOnlyCollection<JurisdictionPack> Packs => _packs.Values;

    public JurisdictionPack Fallback { get; }

    /// <summary>The pack for a code (any case; "UK" means GB), or the international fallback.</summary>
    public JurisdictionPack Get(string? code) =>
        code is not null && TryGet(code, out var pack) ? pack : Fallback;

    public bool TryGet(string code, out JurisdictionPack pack)
    {
        ArgumentNullException.ThrowIfNull(code);
        var key = Aliases.GetValueOrDefault(code.Trim(), code.Trim()).ToUpperInvariant();
        return _packs.TryGetValue(key, out pack!);
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
        foreach (var name in EmbeddedResourceNames(assembly))
        {
            packs.Add(ParsePack(ContentFiles.ReadEmbedded(assembly, name, "jurisdiction pack"), name));
        }

        return FromPacks(packs, todayUtc);
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
