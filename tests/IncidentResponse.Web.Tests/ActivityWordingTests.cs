using System.Reflection;
using System.Text.RegularExpressions;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Web.Pages.Cases;
using IncidentResponse.Web.Tests.Infrastructure;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The history and activity pages describe every event in words: an event code such as <c>takedown.finalised</c> means
/// nothing to the person reading. Every code is a constant of <see cref="AuditActions"/>, read here, so an event added
/// later without words fails here; and the app's source is read for event codes spelled anywhere else, so one cannot
/// slip past that list.
/// </summary>
public sealed partial class ActivityWordingTests
{
    /// <summary>Strings of the event shape that are file names, not events.</summary>
    private static readonly string[] NotEvents = ["case.json", "binder.pdf"];

    public static TheoryData<string> Actions() => new(Constants());

    private static List<string> Constants() =>
        typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    /// <summary>Every event-shaped string literal in the app's source, by the name of the file it is in.</summary>
    private static Dictionary<string, SortedSet<string>> FindCodesInSource()
    {
        var found = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(Path.Combine(AppProcess.RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (path.Contains($"{Path.DirectorySeparatorChar}Migrations", StringComparison.Ordinal)
                || path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match match in EventCode().Matches(File.ReadAllText(path)))
            {
                if (!NotEvents.Contains(match.Groups[1].Value))
                {
                    var name = Path.GetRelativePath(AppProcess.RepositoryRoot, path);
                    if (!found.TryGetValue(name, out var codes))
                    {
                        found[name] = codes = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    codes.Add(match.Groups[1].Value);
                }
            }
        }

        return found;
    }

    [Fact]
    public void The_constants_are_read_and_hold_the_events_we_know_of_each_once()
    {
        var actions = Constants();

        Assert.Contains("takedown.finalised", actions);
        Assert.Contains("binder.made", actions);
        Assert.Contains("case.age-answers-changed", actions);
        Assert.Contains("evidence.added", actions);
        Assert.Equal(actions.Count, actions.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_event_code_in_the_source_is_spelled_once_in_AuditActions()
    {
        var found = FindCodesInSource();
        var home = Path.Combine("src", "IncidentResponse.Domain", "Audit", "AuditActions.cs");

        // The scan reads the source: it finds each constant where it is spelled.
        List<string> spelledAtHome = found.TryGetValue(home, out var codes) ? [.. codes] : [];
        Assert.Equal(Constants().Order(StringComparer.Ordinal).ToList(), spelledAtHome);
        Assert.Empty(found.Where(f => f.Key != home).Select(f => $"{f.Key}: {string.Join(", ", f.Value)}"));
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Every_event_is_described_in_words_on_the_history_and_activity_pages(string action)
    {
        var text = TestText.For<CasesText>();
        var key = HistoryModel.DescribeKey(action);
        var words = text[key];
        var history = words.Value;
        var activity = ActivityModel.Describe(new ActivityModel.Item(1, DateTime.UtcNow, action, "Someone", "Sam"), text);

        Assert.NotEqual("Event.Unknown", key);
        Assert.False(words.ResourceNotFound, key);
        Assert.NotEqual("Did something on the case", history);
        Assert.False(string.IsNullOrWhiteSpace(activity));
        Assert.DoesNotContain(action, history, StringComparison.Ordinal);
        Assert.DoesNotContain(action, activity, StringComparison.Ordinal);
    }

    [GeneratedRegex("\"((?:case|ally|evidence|incident|sighting|takedown|binder|invitation|plan|assessment)\\.[a-z-]+)\"")]
    private static partial Regex EventCode();
}
