using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Domain.Tests.Incidents;

public sealed class ContactDetailsTests
{
    private static readonly DateTime Now = new(2026, 12, 6, 8, 0, 0, DateTimeKind.Utc);

    private static readonly ContactDetails Demand = ContactDetails.Empty with
    {
        Phone = " +44 7700 900123 ",
        Demands = ContactDemands.Money | ContactDemands.MoreImages,
        AmountAsked = " 500 pounds ",
        PaymentMethodAsked = "gift cards",
        DeadlineOn = new DateOnly(2026, 12, 8),
        DeadlineAt = new TimeOnly(18, 0),
        Threats = ContactThreats.SendToFamilyOrEmployer,
        PaidAmount = "100 pounds",
        PaidReference = "TX-42",
    };

    private static IncidentSnapshot Fields(ContactDetails? contact, string zone = "Europe/London") => new(
        IncidentKind.DemandOrExtortion, new DateOnly(2026, 12, 5), new TimeOnly(21, 0), zone, null, new DateOnly(2026, 12, 5), "instagram",
        "", "@collector", PerpetratorKnown.Unknown, "", "They said pay or they send them to my family", "", "", "", "", 3, contact);

    [Fact]
    public void A_contact_is_kept_tidied_with_its_deadline_as_an_instant_for_the_dashboard()
    {
        var incident = Incident.Add(Guid.NewGuid(), Fields(Demand), Guid.NewGuid(), Now);

        var kept = incident.Contact!;
        Assert.Equal("+44 7700 900123", kept.Phone);
        Assert.Equal("500 pounds", kept.AmountAsked);
        Assert.Equal(ContactDemands.Money | ContactDemands.MoreImages, kept.Demands);
        Assert.Equal(new DateTime(2026, 12, 8, 18, 0, 0, DateTimeKind.Utc), incident.DeadlineUtc);
        Assert.True(kept.HasPayment);
    }

    [Fact]
    public void The_deadline_instant_follows_the_entry_time_zone()
    {
        var incident = Incident.Add(Guid.NewGuid(), Fields(Demand, "America/New_York"), Guid.NewGuid(), Now);

        Assert.Equal(new DateTime(2026, 12, 8, 23, 0, 0, DateTimeKind.Utc), incident.DeadlineUtc);
    }

    [Fact]
    public void Money_details_are_kept_only_with_a_money_demand_and_an_empty_contact_is_no_contact()
    {
        var noMoney = Incident.Add(Guid.NewGuid(), Fields(Demand with { Demands = ContactDemands.MoreImages }), Guid.NewGuid(), Now);
        var empty = Incident.Add(Guid.NewGuid(), Fields(ContactDetails.Empty with { Phone = "   " }), Guid.NewGuid(), Now);

        Assert.Equal(("", ""), (noMoney.Contact!.AmountAsked, noMoney.Contact.PaymentMethodAsked));
        Assert.Null(empty.Contact);
        Assert.Null(empty.ContactJson);
        Assert.Null(empty.DeadlineUtc);
    }

    [Fact]
    public void An_edit_keeps_the_contact_it_replaces_and_an_old_revision_without_one_still_reads()
    {
        var incident = Incident.Add(Guid.NewGuid(), Fields(Demand), Guid.NewGuid(), Now);

        var kept = incident.Revise(Fields(Demand with { DeadlineOn = new DateOnly(2026, 12, 9) }), Guid.NewGuid(), Now.AddHours(1));
        var older = IncidentSnapshot.FromJson(Fields(null).ToJson().Replace(",\"Contact\":null", "", StringComparison.Ordinal));

        Assert.Equal(new DateOnly(2026, 12, 8), kept.Snapshot.Contact!.DeadlineOn);
        Assert.Equal(new DateOnly(2026, 12, 9), incident.Contact!.DeadlineOn);
        Assert.DoesNotContain("Contact", Fields(null).ToJson().Replace(",\"Contact\":null", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Null(older.Contact);
    }

    [Fact]
    public void Saving_the_same_contact_again_changes_nothing()
    {
        var incident = Incident.Add(Guid.NewGuid(), Fields(Demand), Guid.NewGuid(), Now);

        Assert.True(incident.Holds(Fields(Demand)));
        Assert.False(incident.Holds(Fields(Demand with { PaidMethod = "bank transfer" })));
    }

    [Fact]
    public void The_words_name_every_demand_threat_and_payment_detail()
    {
        var tidy = Demand.Tidy();

        Assert.Equal("Money: 500 pounds, by gift cards; More images", ContactWording.DemandsText(tidy));
        Assert.Equal("To send them to family, friends or an employer", ContactWording.ThreatsText(tidy.Threats));
        Assert.Equal("100 pounds; reference TX-42", ContactWording.PaymentText(tidy));
        Assert.Equal("8 Dec 2026, 18:00", ContactWording.Deadline(tidy.DeadlineOn!.Value, tidy.DeadlineAt));
    }
}
