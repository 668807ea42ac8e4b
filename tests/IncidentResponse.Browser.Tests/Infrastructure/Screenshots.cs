using Microsoft.Playwright;

namespace IncidentResponse.Browser.Tests.Infrastructure;

/// <summary>
/// Full-page PNGs: of the failing page when a test fails, and of the journey for the user guide. Guide pictures go to
/// <c>docs/images/</c> at the repository root when <c>UPDATE_DOCS_SCREENSHOTS=1</c>, which <c>./build.sh test</c> (the
/// full run, and so CI) sets: the guide shows the journey as the last full run saw it. A filtered
/// <c>dotnet test</c> leaves them beside the failure screenshots, so the inner loop never changes the working tree.
/// <see cref="GuidePicturesTests"/> keeps the guide's pictures and the tests that take them in step.
/// </summary>
public static class Screenshots
{
    public const string UpdateDocsVariable = "UPDATE_DOCS_SCREENSHOTS";

    /// <summary><c>TestResults/screenshots</c> next to the test assembly, emptied once per run so old failures do not linger.</summary>
    public static string OutputDirectory { get; } = EmptyOutputDirectory();

    public static bool UpdatingDocs => Environment.GetEnvironmentVariable(UpdateDocsVariable) == "1";

    /// <summary>
    /// Saves a user-guide picture named <paramref name="name"/> (for example <c>dashboard</c>) when the flow speaks
    /// English (<see cref="Words.Language"/>), and returns its path; a flow in another language takes its own pictures
    /// with <see cref="SaveForGuideInLanguageAsync"/> and leaves the English guide's alone (null).
    /// </summary>
    public static async Task<string?> SaveForGuideAsync(IPage page, string name)
    {
        if (Words.Language != "en")
        {
            return null;
        }


        var directory = UpdatingDocs ? Path.Combine(RepositoryRoot(), "docs", "images") : OutputDirectory;
        var path = Path.Combine(directory, (UpdatingDocs ? "" : "guide-") + name + ".png");
        await SaveAsync(page, path);
        return path;
    }

    /// <summary>
    /// Saves a picture for the guide in the flow's language (<c>docs/user-guide.es.md</c>, <c>.fr.md</c>):
    /// <paramref name="name"/> with the language after it (<c>dashboard-es</c>); returns its path.
    /// </summary>
    public static async Task<string> SaveForGuideInLanguageAsync(IPage page, string name)
    {
        if (Words.Language == "en")
        {
            throw new InvalidOperationException("An English flow takes the English guide's pictures with SaveForGuideAsync.");
        }

        var directory = UpdatingDocs ? Path.Combine(RepositoryRoot(), "docs", "images") : OutputDirectory;
        var path = Path.Combine(directory, (UpdatingDocs ? "" : "guide-") + name + "-" + Words.Language + ".png");
        await SaveAsync(page, path);
        return path;
    }

    /// <summary>Saves the page as it was when a test failed; returns the path, or null if the page could not be captured.</summary>
    public static async Task<string?> SaveFailureAsync(IPage page, string name)
    {
        var path = Path.Combine(OutputDirectory, name + ".png");
        try
        {
            await SaveAsync(page, path);
            return path;
        }
        catch (PlaywrightException)
        {
            // A closed or crashed page cannot be captured; the test's own failure is what matters.
            return null;
        }
    }

    private static async Task SaveAsync(IPage page, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = path,
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
            Caret = ScreenshotCaret.Hide,
            Timeout = 10_000,
        });
    }

    private static string EmptyOutputDirectory()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return directory;
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "IncidentResponse.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No IncidentResponse.sln above {AppContext.BaseDirectory}; cannot find docs/images.");
    }
}
