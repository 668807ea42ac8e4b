using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace IncidentResponse.Domain;

/// <summary>
/// What the content files (jurisdiction packs, the platform directory) share: embedded JSON read strictly, each item
/// validated, and one exception listing every problem, so the app refuses to start on broken content.
/// </summary>
internal static class ContentFiles
{
    /// <summary>The manifest resource names under <paramref name="prefix"/> ending in .json, sorted.</summary>
    public static IReadOnlyList<string> EmbeddedNames(Assembly assembly, string prefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static string ReadEmbedded(Assembly assembly, string name, string what)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"The {what} {name} could not be opened.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Reads one item; unknown properties (and, per the options, enum values) are errors.</summary>
    public static T Parse<T>(string json, JsonSerializerOptions options, string what, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonSerializer.Deserialize<T>(json, options)
                ?? throw new InvalidDataException($"The {what} {sourceName} is empty.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"The {what} {sourceName} is not valid JSON for the schema: {exception.Message}"), exception);
        }
    }

    /// <summary>
    /// Indexes items by key after validating each; a duplicate key or a missing required item is a problem too. Throws
    /// one exception naming every problem.
    /// </summary>
    public static Dictionary<string, T> Index<T>(
        IEnumerable<T> items,
        Func<T, string> key,
        Func<T, IEnumerable<string>> validate,
        string requiredKey,
        string duplicateProblem,
        string missingProblem,
        string contentName)
    {
        ArgumentNullException.ThrowIfNull(items);
        var byKey = new Dictionary<string, T>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var item in items)
        {
            problems.AddRange(validate(item).Select(p => $"{key(item)}: {p}"));
            if (!byKey.TryAdd(key(item), item))
            {
                problems.Add($"{key(item)}: {duplicateProblem}");
            }
        }

        if (!byKey.ContainsKey(requiredKey))
        {
            problems.Add(missingProblem);
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{contentName} content is not valid:" + Environment.NewLine
                + string.Join(Environment.NewLine, problems));
        }

        return byKey;
    }
}

/// <summary>The checks every content file's validator makes the same way.</summary>
internal static class ContentChecks
{
    /// <summary>Words our own prose never uses; an organisation's or a law's own name is quoted as it is.</summary>
    public static readonly IReadOnlyList<string> WordsWeDoNotUse = ["revenge porn", "victim"];

    /// <summary>Every fact carries an https source and the date it was last checked, not in the future.</summary>
    public static void Source(List<string> problems, string path, string? sourceUrl, string? lastVerified, DateOnly today)
    {
        if (!Safety.JurisdictionPackValidator.IsHttpsUrl(sourceUrl))
        {
            problems.Add($"{path}.sourceUrl: must be an https address.");
        }

        if (!DateOnly.TryParseExact(lastVerified, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problems.Add($"{path}.lastVerified: must be a date written yyyy-MM-dd.");
        }
        else if (date > today)
        {
            problems.Add($"{path}.lastVerified: is in the future.");
        }
    }

    /// <summary>
    /// A jurisdiction fact: an https source that is not self-cited, and either a checked date (not in the future) or
    /// <c>needsReview</c> with no date, so a fact nobody has read is never stamped as checked.
    /// </summary>
    public static void Fact(List<string> problems, string path, Safety.ISourcedFact fact, DateOnly today)
    {
        if (Safety.JurisdictionPackValidator.IsHttpsUrl(fact.SourceUrl) && Safety.SourcedFacts.IsSelfCited(fact.SourceUrl))
        {
            problems.Add($"{path}.sourceUrl: cites this app or its repository; cite the organisation's or the law's own page.");
        }

        if (fact.NeedsReview)
        {
            if (!Safety.JurisdictionPackValidator.IsHttpsUrl(fact.SourceUrl))
            {
                problems.Add($"{path}.sourceUrl: must be an https address.");
            }

            if (!string.IsNullOrEmpty(fact.LastVerified))
            {
                problems.Add($"{path}.lastVerified: a fact that needs review has not been checked, so it carries no date.");
            }

            return;
        }

        Source(problems, path, fact.SourceUrl, fact.LastVerified, today);
    }

    public static void Required(List<string> problems, string path, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{path}: is required.");
        }
    }

    public static void OurProse(List<string> problems, string path, string? value)
    {
        if (value is null)
        {
            return;
        }

        foreach (var word in WordsWeDoNotUse)
        {
            if (value.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{path}: our own wording must not say \"{word}\" (say \"intimate image abuse\" or \"survivor\").");
            }
        }
    }
}
