using System.Globalization;
using System.Reflection;
using System.Resources;
using IncidentResponse.Domain;

namespace IncidentResponse.Web.Operator;

/// <summary>
/// Which translated texts are not yet checked by a fluent reader, or were made from an older English text (ADR 0030):
/// every resource of the app's words and every content translation, against each language's
/// <c>Content/i18n/{language}/reviewed.json</c>. Listed by <c>list-stale-facts</c> beside the stale facts.
/// </summary>
public static class TranslationStatus
{
    public const string NotReviewed = "not yet reviewed";

    public const string Missing = "missing (English shown)";

    public const string OutOfDate = "made from an older English text";

    /// <summary>One translated text that needs a fluent reader: its language, where it lives, its key, and why.</summary>
    public sealed record Entry(string Language, string File, string Key, string Status);

    public static IEnumerable<Entry> ToDo()
    {
        var domain = typeof(ContentOverlays).Assembly;
        var reviewed = ContentOverlays.Languages.ToDictionary(l => l, l => ContentOverlays.Reviewed(domain, l), StringComparer.Ordinal);
        return Resources([typeof(TranslationStatus).Assembly, domain], reviewed).Concat(Content(domain, reviewed));
    }

    private static IEnumerable<Entry> Resources(Assembly[] assemblies, Dictionary<string, IReadOnlySet<string>> reviewed)
    {
        foreach (var assembly in assemblies)
        {
            foreach (var baseName in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".resources", StringComparison.Ordinal)).Select(n => n[..^".resources".Length]).Order(StringComparer.Ordinal))
            {
                var resources = new ResourceManager(baseName, assembly);
                var english = Keys(resources, CultureInfo.InvariantCulture);
                foreach (var language in ContentOverlays.Languages)
                {
                    var translated = Keys(resources, CultureInfo.GetCultureInfo(language));
                    foreach (var key in english.Order(StringComparer.Ordinal))
                    {
                        var status = !translated.Contains(key) ? Missing : reviewed[language].Contains($"{baseName}:{key}") ? null : NotReviewed;
                        if (status is not null)
                        {
                            yield return new Entry(language, baseName, key, status);
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<Entry> Content(Assembly domain, Dictionary<string, IReadOnlySet<string>> reviewed)
    {
        foreach (var (language, file, overlay) in ContentOverlays.All(domain))
        {
            var outOfDate = ContentOverlays.EnglishVersion(domain, file) > overlay.TranslatedFrom;
            foreach (var path in overlay.Text.Keys.Order(StringComparer.Ordinal))
            {
                if (outOfDate)
                {
                    yield return new Entry(language, file, path, OutOfDate);
                }
                else if (!reviewed[language].Contains($"{file}:{path}"))
                {
                    yield return new Entry(language, file, path, NotReviewed);
                }
            }
        }
    }

    private static HashSet<string> Keys(ResourceManager resources, CultureInfo culture)
    {
        using var set = resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        return set is null ? [] : set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToHashSet(StringComparer.Ordinal);
    }
}
