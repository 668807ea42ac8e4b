namespace IncidentResponse.Domain.Incidents;

[Flags]
public enum TriageMarks
{
    None = 0,
    FirstPost = 1,
    MostRecent = 2,
    MostConcerning = 4,
}

/// <summary>What triage needs to know of one incident.</summary>
public sealed record TriageInput(Guid Id, IncidentKind Kind, DateTime OccurredSortUtc, DateOnly LastOccurredOn, int Concern, DateTime CreatedUtc);

/// <summary>
/// Points to the entries someone helping would look at first: the first post (where it started), the three most
/// recent, and the three most concerning. "Most concerning" takes only what the survivor rated above "a little";
/// ties go to the more recent. Pure and deterministic: ties are broken by when entries were added, then by id.
/// </summary>
public static class Triage
{
    public const int RecentCount = 3;
    public const int ConcerningCount = 3;

    public static IReadOnlyDictionary<Guid, TriageMarks> Mark(IEnumerable<TriageInput> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var all = incidents.ToList();
        var marks = all.ToDictionary(i => i.Id, _ => TriageMarks.None);

        var firstPost = all.Where(i => i.Kind == IncidentKind.Post)
            .OrderBy(i => i.OccurredSortUtc).ThenBy(i => i.CreatedUtc).ThenBy(i => i.Id)
            .FirstOrDefault();
        if (firstPost is not null)
        {
            marks[firstPost.Id] |= TriageMarks.FirstPost;
        }

        foreach (var recent in MostRecentFirst(all).Take(RecentCount))
        {
            marks[recent.Id] |= TriageMarks.MostRecent;
        }

        foreach (var worrying in MostRecentFirst(all.Where(i => i.Concern > Incident.MinConcern)).OrderByDescending(i => i.Concern).Take(ConcerningCount))
        {
            marks[worrying.Id] |= TriageMarks.MostConcerning;
        }

        return marks;
    }

    public static IEnumerable<string> Describe(TriageMarks marks)
    {
        if (marks.HasFlag(TriageMarks.FirstPost))
        {
            yield return "First post";
        }

        if (marks.HasFlag(TriageMarks.MostRecent))
        {
            yield return "Most recent";
        }

        if (marks.HasFlag(TriageMarks.MostConcerning))
        {
            yield return "Most concerning";
        }
    }

    // A series counts as recent until its last day; OrderByDescending is stable, so earlier orderings break ties.
    private static IEnumerable<TriageInput> MostRecentFirst(IEnumerable<TriageInput> incidents) =>
        incidents.OrderByDescending(i => i.LastOccurredOn).ThenByDescending(i => i.OccurredSortUtc)
            .ThenByDescending(i => i.CreatedUtc).ThenBy(i => i.Id);
}
