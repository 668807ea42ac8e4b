using System.Resources;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace IncidentResponse.Domain.Takedowns;

/// <summary>
/// Which letter to suggest first, and which others to offer, for a platform and the country the person lives in. The
/// plain names and one-line explanations are content (<c>Content/law/letter-choice.json</c>), each line that states law
/// with its source; the rules are here: the platform's own report first (or, for a search engine, its own removal
/// request), then the other kinds that apply where the person lives, and last, only behind "Show other kinds", the kinds
/// made for other countries (a TAKE IT DOWN Act request outside the US, a DSA notice outside the EU).
/// </summary>
public static class LetterChoice
{
    public const string ResourceName = "IncidentResponse.Domain.Content.law.letter-choice.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    private static readonly ResourceManager Resources = new(typeof(LetterChoice));

    /// <summary>The guides in English, and in each language with a translation (ADR 0030).</summary>
    private static readonly Lazy<(Dictionary<LetterKind, LetterKindGuide> English, Dictionary<string, Dictionary<LetterKind, LetterKindGuide>> Translated)> All = new(LoadAll);

    /// <summary>
    /// Where the other-host phrase ("el sitio", "le site") follows a preposition it merges with: Spanish "de el" is
    /// "del", "a el" is "al"; French "de le" is "du", "à le" is "au".
    /// </summary>
    private static readonly Regex BeforePlatform = new(@"\b(de|a|à) \{platform\}", RegexOptions.CultureInvariant);

    private static readonly (string Apart, string Merged)[] Contractions = [("de el ", "del "), ("a el ", "al "), ("de le ", "du "), ("à le ", "au ")];

    /// <summary>Every kind's guide, by kind, in the language of the request being served.</summary>
    public static IReadOnlyDictionary<LetterKind, LetterKindGuide> Guides => ContentOverlays.InLanguage(All.Value.English, All.Value.Translated);

    /// <summary>
    /// The kinds a new letter to <paramref name="platform"/> may be, for someone living in <paramref name="jurisdictionCode"/>:
    /// one recommended, the others that apply there (the preservation letters first when the person may take legal
    /// action), and the ones made for other countries.
    /// </summary>
    public static LetterChoices For(PlatformEntry platform, string? jurisdictionCode, bool mayTakeLegalAction = false)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var offered = (platform.LetterKinds ?? []).Where(k => k != LetterKind.FollowUp && platform.OffersIn(k, jurisdictionCode)).ToList();
        var here = offered.Where(k => AppliesIn(k, jurisdictionCode)).ToList();
        var elsewhere = offered.Where(k => !AppliesIn(k, jurisdictionCode)).ToList();
        LetterKind? recommended = here.Contains(LetterKind.PlatformPolicyReport) ? LetterKind.PlatformPolicyReport
            : here.Contains(LetterKind.SearchDelisting) ? LetterKind.SearchDelisting
            : here.Count > 0 ? here[0] : null;
        var others = here.Where(k => k != recommended)
            .OrderBy(k => mayTakeLegalAction && k is LetterKind.PreservationToPlatform or LetterKind.PreservationForPolice ? 0 : 1)
            .ToList();
        return new LetterChoices(recommended, others, elsewhere);
    }

    /// <summary>True when <paramref name="kind"/> is made for people living in <paramref name="jurisdictionCode"/> (a kind with no countries listed is made for everyone).</summary>
    public static bool AppliesIn(LetterKind kind, string? jurisdictionCode)
    {
        var countries = Guide(kind).AppliesIn;
        if (countries is null || countries.Count == 0)
        {
            return true;
        }

        var code = (jurisdictionCode ?? "").Trim().ToUpperInvariant();
        return countries.Any(c => c == code || (c == EuropeanUnion.Code && EuropeanUnion.IsMember(code)));
    }

    /// <summary>The kind's name in plain words, for this platform ("Reddit's own report").</summary>
    public static string NameOf(LetterKind kind, PlatformEntry platform) => Fill(Guide(kind).Name, platform);

    /// <summary>The words that recommend the kind ("Start with Reddit's own report").</summary>
    public static string RecommendationOf(LetterKind kind, PlatformEntry platform) =>
        Fill(Guide(kind).Recommendation ?? Localized.Format(Resources, "StartWith", Lower(Guide(kind).Name)), platform);

    /// <summary>One line on when the kind helps.</summary>
    public static string WhenItHelps(LetterKind kind, PlatformEntry platform) => Fill(Guide(kind).WhenItHelps, platform);

    /// <summary>One line on why the kind likely does not apply to someone living elsewhere.</summary>
    public static string WhyElsewhere(LetterKind kind, PlatformEntry platform) =>
        Fill(Guide(kind).WhyElsewhere ?? Localized.Text(Resources, "MadeForElsewhere"), platform);

    private static LetterKindGuide Guide(LetterKind kind) =>
        Guides.TryGetValue(kind, out var guide) ? guide : throw new KeyNotFoundException($"letter-choice.json has no kind \"{kind}\".");

    /// <summary>The platform's name, or "the site" for a host the directory does not name.</summary>
    private static string Fill(string text, PlatformEntry platform)
    {
        var name = platform.Name;
        if (platform.Kind == PlatformKind.OtherHost)
        {
            name = Localized.Text(Resources, "TheSite");
            text = BeforePlatform.Replace(text, m => Contractions.Aggregate($"{m.Groups[1].Value} {name}", (t, c) => t.StartsWith(c.Apart, StringComparison.Ordinal) ? c.Merged + t[c.Apart.Length..] : t));
        }

        var filled = text.Replace("{platform}", name, StringComparison.Ordinal);
        return filled.Length > 0 ? char.ToUpperInvariant(filled[0]) + filled[1..] : filled;
    }

    private static string Lower(string text) => text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static (Dictionary<LetterKind, LetterKindGuide>, Dictionary<string, Dictionary<LetterKind, LetterKindGuide>>) LoadAll() =>
        ContentOverlays.ReadEmbedded(typeof(LetterChoice).Assembly, ResourceName, "letter choice", "law", "letter-choice.json", Load);

    private static Dictionary<LetterKind, LetterKindGuide> Load(string json)
    {
        var file = ContentFiles.Parse<GuideFile>(json, JsonOptions, "letter choice", ResourceName);
        var byKind = new Dictionary<LetterKind, LetterKindGuide>();
        foreach (var guide in file.Kinds)
        {
            if (string.IsNullOrWhiteSpace(guide.Name) || string.IsNullOrWhiteSpace(guide.WhenItHelps) || !byKind.TryAdd(guide.Kind, guide))
            {
                throw new InvalidDataException($"letter-choice.json: \"{guide.Kind}\" is repeated, or has no name or line on when it helps.");
            }
        }

        var missing = Enum.GetValues<LetterKind>().Where(k => k != LetterKind.FollowUp && !byKind.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException("letter-choice.json has no guide for: " + string.Join(", ", missing) + ".");
        }

        return byKind;
    }

    private sealed record GuideFile(int SchemaVersion, int ContentVersion, string EditorialNote, IReadOnlyList<LetterKindGuide> Kinds);
}

/// <summary>What the choice of letter says about one kind, with <c>{platform}</c> where the platform's name goes.</summary>
public sealed record LetterKindGuide(
    LetterKind Kind, string Name, string WhenItHelps, string? Recommendation = null, string? WhyElsewhere = null,
    IReadOnlyList<string>? AppliesIn = null, string? SourceUrl = null, string? LastVerified = null, bool NeedsReview = false);

/// <summary>The kinds offered for a new letter: one recommended, the others that apply, and those made for elsewhere.</summary>
public sealed record LetterChoices(LetterKind? Recommended, IReadOnlyList<LetterKind> Others, IReadOnlyList<LetterKind> MadeForElsewhere)
{
    /// <summary>Every kind offered, in the order shown: the recommended one first.</summary>
    public IReadOnlyList<LetterKind> InOrder =>
        (Recommended is { } first ? [first] : Array.Empty<LetterKind>()).Concat(Others).Concat(MadeForElsewhere).ToList();
}
