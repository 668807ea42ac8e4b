using System.Globalization;
using IncidentResponse.Documents.Model;
using IncidentResponse.Domain.Incidents;

namespace IncidentResponse.Documents.Binder;

public sealed partial class BinderComposer
{
    /// <summary>
    /// Every contact from the other person the survivor logged, in the order it happened: how they got in touch, what they
    /// demanded, the deadline they set, what they threatened, and any payment made, each pointing to its incident.
    /// </summary>
    private Section ContactsAndDemands()
    {
        var blocks = new List<Block>();
        var contacts = data.Incidents
            .Select((incident, index) => (Incident: incident, Number: index + 1, Contact: incident.Contact))
            .Where(c => c.Contact is not null)
            .ToList();
        if (contacts.Count == 0)
        {
            blocks.Add(new Paragraph("No contact or demand from the other person has been logged."));
            return new Section { Id = "contacts", Heading = BinderPresets.SectionName(BinderSection.ContactsAndDemands), Blocks = blocks };
        }

        blocks.Add(new Paragraph(
            "Each contact from the other person, or from someone acting for them, that the survivor logged, in the order it happened, "
            + "with any deadline they set. Payments already made are recorded as evidence of the demands."));
        var deadlines = contacts.Where(c => c.Contact!.HasDeadline).ToList();
        if (deadlines.Count > 0)
        {
            blocks.Add(new Table(
                ["Deadline they set", "Incident"],
                deadlines.Select(c => (IReadOnlyList<string>)[ContactWording.Deadline(c.Contact!.DeadlineOn!.Value, c.Contact.DeadlineAt, c.Incident.TimeZone), IncidentLabel(c.Number)]).ToList())
            { Caption = "Deadlines" });
        }

        for (var i = 0; i < contacts.Count; i++)
        {
            var (incident, number, contact) = contacts[i];
            var rows = new List<KeyValueRow>
            {
                new("When", wording.IncidentWhen(incident)),
                new("How", Channel(incident, contact!)),
            };
            AddIfAny(rows, "What they asked for", ContactWording.DemandsText(contact!));
            if (contact!.DeadlineOn is { } on)
            {
                rows.Add(new("Deadline they set", ContactWording.Deadline(on, contact.DeadlineAt, incident.TimeZone)));
            }

            AddIfAny(rows, "What they threatened", ContactWording.ThreatsText(contact.Threats));
            AddIfAny(rows, "Paid already", ContactWording.PaymentText(contact));
            rows.Add(new("In the incident log", IncidentLabel(number)));
            blocks.Add(new KeyValueTable(rows) { Caption = string.Create(CultureInfo.InvariantCulture, $"Contact {i + 1}") });
        }

        return new Section { Id = "contacts", Heading = BinderPresets.SectionName(BinderSection.ContactsAndDemands), Blocks = blocks };
    }

    private static string IncidentLabel(int number) => string.Create(CultureInfo.InvariantCulture, $"Incident {number}");

    private static string Channel(Incident incident, ContactDetails contact) =>
        string.Join("; ", new[]
        {
            Platforms.NameOf(incident.Platform),
            incident.AccountHandle.Length > 0 ? "account " + incident.AccountHandle : "",
            contact.Phone.Length > 0 ? "phone " + contact.Phone : "",
            contact.Email.Length > 0 ? "email " + contact.Email : "",
        }.Where(part => part.Length > 0));
}
