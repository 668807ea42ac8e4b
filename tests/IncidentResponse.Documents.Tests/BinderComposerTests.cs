using IncidentResponse.Documents.Binder;
using IncidentResponse.Documents.Model;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;
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

    [Fact]
    public void Contacts_and_demands_follow_the_incident_log_in_order_with_each_deadline()
    {
        var post = Entry(IncidentKind.Post, 1, null);
        var first = Entry(IncidentKind.DemandOrExtortion, 2, ContactDetails.Empty with
        {
            Demands = ContactDemands.Money,
            AmountAsked = "500 pounds",
            PaymentMethodAsked = "gift cards",
            DeadlineOn = new DateOnly(2026, 12, 8),
            DeadlineAt = new TimeOnly(18, 0),
            Threats = ContactThreats.SendToFamilyOrEmployer,
        });
        var second = Entry(IncidentKind.Threat, 3, ContactDetails.Empty with { Email = "them@example.org", Threats = ContactThreats.Violence, PaidAmount = "100 pounds", PaidReference = "TX-42" });

        var document = Compose(BinderOptions.For(BinderPreset.Police), [post, first, second]);

        var ids = document.Sections.Select(s => s.Id).ToList();
        Assert.Equal(ids.IndexOf("incident-log") + 1, ids.IndexOf("contacts"));
        var section = Assert.Single(document.Sections, s => s.Id == "contacts");
        Assert.Equal("Contact and demands", section.Heading);
        var deadlines = Assert.Single(section.Blocks.OfType<Table>());
        Assert.Equal(["8 Dec 2026, 18:00 London time", "Incident 2"], deadlines.Rows.Single());
        var contacts = section.Blocks.OfType<KeyValueTable>().ToList();
        Assert.Equal(["Contact 1", "Contact 2"], contacts.Select(c => c.Caption));
        Assert.Contains(contacts[0].Rows, r => r.Label == "What they asked for" && r.Value == "Money: 500 pounds, by gift cards");
        Assert.Contains(contacts[0].Rows, r => r.Label == "How" && r.Value == "Instagram; account @collector");
        Assert.Contains(contacts[1].Rows, r => r.Label == "Paid already" && r.Value == "100 pounds; reference TX-42");
        Assert.Contains(contacts[1].Rows, r => r.Label == "In the incident log" && r.Value == "Incident 3");
        Assert.DoesNotContain("contacts", Compose(BinderOptions.For(BinderPreset.Platform), [first]).Sections.Select(s => s.Id));
    }

    private static Incident Entry(IncidentKind kind, int day, ContactDetails? contact) => Incident.Add(
        Guid.NewGuid(),
        new IncidentSnapshot(kind, new DateOnly(2026, 12, day), new TimeOnly(21, 0), "Europe/London", null, new DateOnly(2026, 12, day), "instagram",
            "", "@collector", PerpetratorKnown.Unknown, "", "What they said", "", "", "", "", 2, contact),
        Guid.NewGuid(),
        new DateTime(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc));

    private static DocumentModel Compose(BinderOptions options, IReadOnlyList<Incident>? incidents = null)
    {
        var data = new BinderCase(
            new CaseFacts("Case title", new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc), "GB"),
            Assessment: null, incidents ?? [], [], [], [], [], [], [], new Dictionary<Guid, string>(), []);
        var verification = new AuditChainVerification(AuditChainFault.None, null, null, null, EventsChecked: 3);
        var head = new AuditChainHead(3, new byte[32]);
        return new BinderComposer(
            data, [], verification, head, options, PlatformDirectory.LoadEmbedded(DateOnly.FromDateTime(DateTime.UtcNow)), Now, new BinderPictures(false), Words)
            .Compose();
    }
}
