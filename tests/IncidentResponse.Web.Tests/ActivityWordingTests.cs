using System.Text.RegularExpressions;
using IncidentResponse.Web.Pages.Cases;
using IncidentResponse.Web.Tests.Infrastructure;

namespace IncidentResponse.Web.Tests;

/// <summary>
/// The history and activity pages describe every event in words: an event code such as <c>takedown.finalised</c> means
/// nothing to the person reading. This reads every event code written in the app's source, so an event added later
/// without words fails here.
/// </summary>
public sealed partial class ActivityWordingTests
{
    /// <summary>Strings of the event shape that are file names, not events.</summary>
    private static readonly string[] NotEvents = ["case.json", "binder.pdf"];

    public static TheoryData<string> Actions() => new(FindActions());

    private static SortedSet<string> FindActions()
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
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
                    found.Add(match.Groups[1].Value);
                }
            }
        }

        return found;
    }

    [Fact]
    public void The_source_is_read_and_holds_the_events_we_know_of()
    {
        var actions = FindActions();

        Assert.Contains("takedown.finalised", actions);
        Assert.Contains("binder.made", actions);
        Assert.Contains("case.age-answers-changed", actions);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Every_event_is_described_in_words_on_the_history_and_activity_pages(string action)
    {
        var history = HistoryModel.Describe(action);
        var activity = ActivityModel.Describe(new ActivityModel.Item(1, DateTime.UtcNow, action, "Someone", "Sam"));

        Assert.NotEqual("Did something on the case", history);
        Assert.DoesNotContain(action, history, StringComparison.Ordinal);
        Assert.DoesNotContain(action, activity, StringComparison.Ordinal);
    }

    [GeneratedRegex("\"((?:case|ally|evidence|incident|sighting|takedown|binder|invitation|plan|assessment)\\.[a-z-]+)\"")]
    private static partial Regex EventCode();
}
