using System.Text.RegularExpressions;
using IncidentResponse.Browser.Tests.Infrastructure;

namespace IncidentResponse.Browser.Tests;

/// <summary>
/// The user guide's pictures are taken by the browser tests on every full run (<see cref="Screenshots"/>), so they can
/// only stay true if every picture the guide shows is one a test takes, and no picture sits in <c>docs/images/</c> that
/// nothing takes any more (it would never be refreshed). No browser is needed: this reads the guide and the tests.
/// </summary>
public sealed partial class GuidePicturesTests
{
    private static readonly string Root = Screenshots.RepositoryRoot();

    [Fact]
    public void Every_picture_the_guide_shows_is_taken_by_a_browser_test()
    {
        var missing = GuidePictures().Except(TakenByTests()).Order().ToList();
        var absent = GuidePictures().Where(name => !File.Exists(Path.Combine(Root, "docs", "images", name + ".png"))).Order().ToList();

        Assert.True(missing.Count == 0,
            "The user guides show pictures no browser test takes (they would go stale): " + string.Join(", ", missing)
            + ". Take each with Screenshots.SaveForGuideAsync(page, name) where the journey reaches that page.");
        Assert.True(absent.Count == 0, "docs/images lacks pictures the guide shows: " + string.Join(", ", absent) + ". Run ./build.sh test.");
    }

    [Fact]
    public void Every_picture_a_test_takes_is_shown_in_the_guide_and_no_other_picture_is_kept()
    {
        var unused = TakenByTests().Except(GuidePictures()).Order().ToList();
        var orphans = Directory.GetFiles(Path.Combine(Root, "docs", "images"), "*.png")
            .Select(Path.GetFileNameWithoutExtension)
            .Except(TakenByTests())
            .Order()
            .ToList();

        Assert.True(unused.Count == 0, "Browser tests take guide pictures the guide never shows: " + string.Join(", ", unused));
        Assert.True(orphans.Count == 0, "docs/images holds pictures no test takes any more: " + string.Join(", ", orphans));
    }

    [Fact]
    public void The_full_run_writes_the_guide_pictures()
    {
        var build = File.ReadAllText(Path.Combine(Root, "build.sh"));

        Assert.Matches(TakesPicturesInFullRun(), build);
    }

    /// <summary>The guide in each language (ADR 0030): English, Spanish and French.</summary>
    private static readonly string[] Guides = ["user-guide.md", "user-guide.es.md", "user-guide.fr.md"];

    /// <summary>The languages a flow other than English takes its guide pictures in.</summary>
    private static readonly string[] OtherLanguages = ["es", "fr"];

    private static HashSet<string> GuidePictures() =>
        Guides.SelectMany(guide => GuidePicture().Matches(File.ReadAllText(Path.Combine(Root, "docs", guide))))
            .Select(m => m.Groups["name"].Value)
            .ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> TakenByTests() =>
        Directory.GetFiles(Path.Combine(Root, "tests", "IncidentResponse.Browser.Tests"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => SaveForGuide().Matches(File.ReadAllText(path)))
            .SelectMany(m => m.Groups["each"].Success
                ? OtherLanguages.Select(language => m.Groups["name"].Value + "-" + language)
                : [m.Groups["name"].Value])
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\]\(images/(?<name>[a-z0-9-]+)\.png\)")]
    private static partial Regex GuidePicture();

    [GeneratedRegex(@"SaveForGuide(?<each>InLanguage)?Async\([^,]+,\s*""(?<name>[a-z0-9-]+)""\)")]
    private static partial Regex SaveForGuide();

    [GeneratedRegex(@"export UPDATE_DOCS_SCREENSHOTS=""\$\{UPDATE_DOCS_SCREENSHOTS:-1\}""")]
    private static partial Regex TakesPicturesInFullRun();
}
