using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using IncidentResponse.Domain;
using IncidentResponse.Web.Languages;
using IncidentResponse.Web.Tests.Infrastructure;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The resource files (ADR 0030): every English text has its Spanish and French, with the same placeholders and the
/// same markup, each formats without error in its culture, and the built app finds them all.
/// </summary>
public sealed partial class ResourceFilesTests
{
    private static readonly string Sources = Path.Combine(AppProcess.RepositoryRoot, "src");

    /// <summary>The projects whose words a person reads; each one's root namespace is its name.</summary>
    private static readonly System.Reflection.Assembly[] Projects =
        [typeof(AppLanguages).Assembly, typeof(IncidentResponse.Domain.Localized).Assembly];

    private static readonly string[] Translations = ["es", "fr"];

    public static TheoryData<string> NeutralFiles() => new(NeutralFileList());

    private static List<string> NeutralFileList()
    {
        var files = new List<string>();
        foreach (var file in Projects.SelectMany(p => Directory.EnumerateFiles(Path.Combine(Sources, p.GetName().Name!), "*.resx", SearchOption.AllDirectories))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Where(f => !Translations.Any(t => f.EndsWith($".{t}.resx", StringComparison.Ordinal))))
        {
            files.Add(Path.GetRelativePath(Sources, file));
        }

        return files;
    }

    [Fact]
    public void There_are_resource_files_to_check() => Assert.True(NeutralFileList().Count >= 2);

    [Theory]
    [MemberData(nameof(NeutralFiles))]
    public void Every_text_has_its_translations_with_the_same_placeholders_and_markup(string neutral)
    {
        var english = Read(Path.Combine(Sources, neutral));
        Assert.NotEmpty(english);
        foreach (var language in Translations)
        {
            var translated = Read(Path.Combine(Sources, neutral.Replace(".resx", $".{language}.resx", StringComparison.Ordinal)));
            Assert.Equal(english.Keys.Order(StringComparer.Ordinal), translated.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, text) in english)
            {
                var other = translated[key];
                Assert.False(string.IsNullOrWhiteSpace(other), $"{neutral} {language} {key} is empty");
                Assert.True(Placeholders(text).SetEquals(Placeholders(other)), $"{neutral} {language} {key}: placeholders differ");
                Assert.Equal(Tags(text), Tags(other));
                Formats(text, CultureInfo.GetCultureInfo("en"));
                Formats(other, CultureInfo.GetCultureInfo(language));
            }
        }
    }

    [Theory]
    [MemberData(nameof(NeutralFiles))]
    public void The_built_app_finds_every_text_in_every_language(string neutral)
    {
        var typeName = Path.ChangeExtension(neutral, null).Replace(Path.DirectorySeparatorChar, '.');
        var marker = Projects.Select(p => p.GetType(typeName)).SingleOrDefault(t => t is not null);
        Assert.True(marker is not null, $"{neutral} has no marker class {typeName}");
        var resources = new ResourceManager(marker);
        foreach (var language in Translations.Append("en"))
        {
            var file = language == "en" ? neutral : neutral.Replace(".resx", $".{language}.resx", StringComparison.Ordinal);
            foreach (var (key, text) in Read(Path.Combine(Sources, file)))
            {
                Assert.Equal(text, resources.GetString(key, CultureInfo.GetCultureInfo(language)));
            }
        }
    }

    [Fact]
    public void Every_key_a_page_asks_for_is_in_a_resource_file()
    {
        var known = NeutralFileList().SelectMany(f => Read(Path.Combine(Sources, f)).Keys).ToHashSet(StringComparer.Ordinal);
        var missing = Directory.EnumerateFiles(Path.Combine(Sources, "IncidentResponse.Web", "Pages"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(view => KeyUse().Matches(File.ReadAllText(view)).Select(m => (View: Path.GetFileName(view), Key: m.Groups["key"].Value)))
            .Where(use => !known.Contains(use.Key))
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void The_pseudo_language_accents_letters_and_keeps_markup_entities_and_placeholders()
    {
        Assert.Equal("[Ûšé <strong>Ǫûîçķ</strong> {0:d MMMM} &amp; ĝö!]", PseudoText.Of("Use <strong>Quick</strong> {0:d MMMM} &amp; go!"));
        Assert.DoesNotMatch("[A-Za-z]", PseudoText.Of("The quick brown fox jumps over the lazy dog THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG").Trim('[', ']'));
    }

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "", StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Groups["index"].Value).ToHashSet(StringComparer.Ordinal);

    private static List<string> Tags(string text) =>
        TagPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal).ToList();

    /// <summary>Formats as a page does (always through string.Format), with as many arguments as the text names.</summary>
    private static void Formats(string text, CultureInfo culture)
    {
        var count = Placeholders(text).Select(int.Parse).DefaultIfEmpty(-1).Max() + 1;
        var arguments = Enumerable.Range(0, count).Select(_ => (object)new DateTime(2026, 12, 5, 21, 15, 0, DateTimeKind.Utc)).ToArray();
        _ = string.Format(culture, text, arguments);
    }

    [GeneratedRegex(@"(?<!\{)\{(?<index>\d+)(?::[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\b[TSF]\[""(?<key>[A-Za-z0-9.]+)""|\b[TSF]\.GetString\(""(?<key>[A-Za-z0-9.]+)""")]
    private static partial Regex KeyUse();
}
