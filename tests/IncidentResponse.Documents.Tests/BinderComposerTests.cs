using IncidentResponse.Documents.Binder;
using IncidentResponse.Documents.Model;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Documents.Tests;

/// <summary>The binder's composer, on its own: no database, no web app, only the words it is handed.</summary>
public class BinderComposerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 30, 0, TimeSpan.Zero);

    private static readonly BinderWording Words = new(
        utc => "moment " + utc.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        date => "date " + date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => "when",
        (_, name) => name,
        status => "status " + status,
        "INTACT IN WORDS",
        "BROKEN IN WORDS");

    [Fact]
    public void The_cover_dates_the_binder_in_the_words_it_is_handed()
    {
        var document = Compose(BinderOptions.For(BinderPreset.Police));

        var cover = Assert.Single(document.Sections, s => s.Id == "cover");
        var rows = Assert.IsType<KeyValueTable>(cover.Blocks[0]).Rows;
        Assert.Contains(rows, r => r.Label == "Date" && r.Value == "moment 2026-12-05 09:30");
        Assert.Contains(rows, r => r.Label == "Prepared for" && r.Value == "The police");
    }

    [Fact]
    public void An_allys_binder_gives_the_history_in_words_without_its_size()
    {
        var ally = new BinderAudience(SeesWholeHistory: false, (_, name) => name ?? "someone no longer on this case");

        var verification = Assert.Single(Compose(BinderOptions.For(BinderPreset.Lawyer) with { Audience = ally }).Sections, s => s.Id == "verification");
        var owners = Assert.Single(Compose(BinderOptions.For(BinderPreset.Lawyer)).Sections, s => s.Id == "verification");

        var allyRows = verification.Blocks.OfType<KeyValueTable>().SelectMany(t => t.Rows).ToList();
        Assert.Contains(allyRows, r => r.Label == "Result" && r.Value == "INTACT IN WORDS");
        Assert.DoesNotContain(allyRows, r => r.Label == "Events in the history");
        Assert.DoesNotContain(verification.Blocks.OfType<Table>(), t => t.Headers.Contains("Latest event (head)"));
        Assert.Contains(owners.Blocks.OfType<KeyValueTable>().SelectMany(t => t.Rows), r => r.Label == "Events in the history" && r.Value == "3");
        Assert.Contains(owners.Blocks.OfType<Table>(), t => t.Headers.Contains("Latest event (head)"));
    }

    [Fact]
    public void A_platforms_preset_leaves_out_the_parts_a_platform_does_not_need()
    {
        var sections = Compose(BinderOptions.For(BinderPreset.Platform)).Sections.Select(s => s.Id).ToList();

        Assert.Equal(["cover", "contents", "summary", "exhibits", "sightings", "verification"], sections);
    }

    private static DocumentModel Compose(BinderOptions options)
    {
        var data = new BinderCase(
            new CaseFacts("Case title", new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc), "GB"),
            Assessment: null, [], [], [], [], [], [], [], new Dictionary<Guid, string>(), []);
        var verification = new AuditChainVerification(AuditChainFault.None, null, null, null, EventsChecked: 3);
        var head = new AuditChainHead(3, new byte[32]);
        return new BinderComposer(
            data, [], verification, head, options, PlatformDirectory.LoadEmbedded(DateOnly.FromDateTime(Now.UtcDateTime)), Now, new BinderPictures(false), Words)
            .Compose();
    }
}
