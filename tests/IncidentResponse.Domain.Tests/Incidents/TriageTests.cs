using IncidentResponse.Domain.Incidents;

namespace IncidentResponse.Domain.Tests.Incidents;

public sealed class TriageTests
{
    private static readonly DateTime Added = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    private static TriageInput Entry(int day, IncidentKind kind = IncidentKind.DirectMessage, int concern = 1, int? seriesEndDay = null) =>
        new(Guid.NewGuid(), kind, new DateTime(2026, 1, day, 12, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 1, seriesEndDay ?? day), concern, Added.AddDays(day));

    [Fact]
    public void Marks_the_first_post_the_three_most_recent_and_the_three_most_concerning()
    {
        var message = Entry(1);
        var firstPost = Entry(2, IncidentKind.Post);
        var laterPost = Entry(3, IncidentKind.Post, concern: 3);
        var threat = Entry(4, IncidentKind.Threat, concern: 3);
        var worrying = Entry(5, concern: 2);
        var older = Entry(6, concern: 2);
        var recent = new[] { Entry(10), Entry(11), Entry(12) };

        var marks = Triage.Mark([message, firstPost, laterPost, threat, worrying, older, .. recent]);

        Assert.Equal(TriageMarks.None, marks[message.Id]);
        Assert.Equal(TriageMarks.FirstPost, marks[firstPost.Id]);
        Assert.Equal(TriageMarks.MostConcerning, marks[laterPost.Id]);
        Assert.Equal(TriageMarks.MostConcerning, marks[threat.Id]);
        Assert.Equal(TriageMarks.MostConcerning, marks[older.Id]);
        Assert.Equal(TriageMarks.None, marks[worrying.Id]);
        Assert.All(recent, r => Assert.Equal(TriageMarks.MostRecent, marks[r.Id]));
    }

    [Fact]
    public void A_series_is_recent_until_its_last_day_and_marks_combine()
    {
        var series = Entry(1, IncidentKind.Post, concern: 3, seriesEndDay: 20);
        var others = Enumerable.Range(2, 5).Select(d => Entry(d)).ToList();

        var marks = Triage.Mark([series, .. others]);

        Assert.Equal(TriageMarks.FirstPost | TriageMarks.MostRecent | TriageMarks.MostConcerning, marks[series.Id]);
        Assert.Equal(["First post", "Most recent", "Most concerning"], Triage.Describe(marks[series.Id]));
        Assert.Equal(2, others.Count(o => marks[o.Id] == TriageMarks.MostRecent));
    }

    [Fact]
    public void Nothing_rated_a_little_is_called_most_concerning_and_no_post_means_no_first_post()
    {
        var marks = Triage.Mark([Entry(1), Entry(2)]);

        Assert.All(marks.Values, m => Assert.Equal(TriageMarks.MostRecent, m));
        Assert.Empty(Triage.Mark([]));
    }
}
