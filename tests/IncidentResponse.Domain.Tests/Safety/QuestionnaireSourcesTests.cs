using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Domain.Tests.Safety;

/// <summary>The assessment's sources are content: read from their file, each sourced honestly, and checked when read.</summary>
public sealed class QuestionnaireSourcesTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public void The_sources_come_from_their_content_file_in_its_order()
    {
        Assert.Contains(QuestionnaireSources.ResourceName, typeof(ThreatQuestionnaire).Assembly.GetManifestResourceNames());
        Assert.Equal(
            ["Dash risk checklist (SafeLives)", "Danger Assessment (Jacquelyn Campbell, Johns Hopkins School of Nursing)",
             "Glass and others, \"Non-fatal strangulation is an important risk factor for homicide of women\" (2008)"],
            ThreatQuestionnaire.Sources.Select(s => s.Name));
        Assert.Equal(["2026-12-05", "", "2026-12-05"], ThreatQuestionnaire.Sources.Select(s => s.LastVerified));
        Assert.True(ThreatQuestionnaire.Sources[1].NeedsReview);
    }

    [Fact]
    public void A_source_without_a_primary_page_or_with_a_future_date_is_refused()
    {
        QuestionnaireSource[] bad =
        [
            new() { Name = "Ours", Description = "A copy.", SourceUrl = "https://github.com/someone/copy", LastVerified = "2026-01-01" },
            new() { Name = "Later", Description = "Not yet read.", SourceUrl = "https://example.org/", LastVerified = Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            new() { Name = "Unread", Description = "Dated though unread.", SourceUrl = "https://example.org/", LastVerified = "2026-01-01", NeedsReview = true },
            new() { Name = "", Description = "", SourceUrl = "https://example.org/", NeedsReview = true },
        ];

        var error = Assert.Throws<InvalidDataException>(() => QuestionnaireSources.Checked(bad, Today));

        Assert.Contains("sources[0].sourceUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("sources[1].lastVerified", error.Message, StringComparison.Ordinal);
        Assert.Contains("sources[2].lastVerified", error.Message, StringComparison.Ordinal);
        Assert.Contains("sources[3].name", error.Message, StringComparison.Ordinal);
        Assert.Contains("sources[3].description", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sourced_fact_check_reads_the_sources_file()
    {
        // SourcedFactTests checks every embedded resource named IncidentResponse.Domain.Content.*.json.
        Assert.StartsWith("IncidentResponse.Domain.Content.", QuestionnaireSources.ResourceName, StringComparison.Ordinal);
        Assert.EndsWith(".json", QuestionnaireSources.ResourceName, StringComparison.Ordinal);
        Assert.Contains(QuestionnaireSources.ResourceName, typeof(ThreatQuestionnaire).Assembly.GetManifestResourceNames());
    }
}
