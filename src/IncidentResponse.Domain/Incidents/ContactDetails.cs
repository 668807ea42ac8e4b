using System.Resources;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IncidentResponse.Domain.Incidents;

/// <summary>What the person responsible (or someone acting for them) asked for in a contact. Stored by value, as flags.</summary>
[Flags]
public enum ContactDemands
{
    None = 0,
    Money = 1,
    MoreImages = 2,
    Contact = 4,
    GetBackTogether = 8,
    Silence = 16,
    Other = 32,
}

/// <summary>What they threatened in a contact. Stored by value, as flags.</summary>
[Flags]
public enum ContactThreats
{
    None = 0,
    ShareImages = 1,
    SendToFamilyOrEmployer = 2,
    Violence = 4,
    SelfHarmAsPressure = 8,
}

/// <summary>
/// A contact from the person responsible: how they got in touch (besides the platform and account on the entry), what
/// they demanded, the deadline they set, what they threatened, and any payment already made (kept as evidence for the
/// police, never judged). Part of an incident's fields, so every edit keeps the version it replaces.
/// </summary>
public sealed record ContactDetails(
    string Phone,
    string Email,
    ContactDemands Demands,
    string AmountAsked,
    string PaymentMethodAsked,
    string OtherDemand,
    DateOnly? DeadlineOn,
    TimeOnly? DeadlineAt,
    ContactThreats Threats,
    string PaidAmount,
    string PaidMethod,
    string PaidReference)
{
    public const int ShortMaxLength = 200;

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static ContactDetails Empty { get; } = new("", "", ContactDemands.None, "", "", "", null, null, ContactThreats.None, "", "", "");

    public bool HasDeadline => DeadlineOn is not null;

    public bool HasPayment => PaidAmount.Length + PaidMethod.Length + PaidReference.Length > 0;

    /// <summary>Whether anything at all is recorded.</summary>
    public bool IsEmpty => Tidy() == Empty;

    /// <summary>
    /// Trimmed, with the amount and payment method only when money was demanded and the other demand only when "something
    /// else" was: what is saved is what the page showed.
    /// </summary>
    public ContactDetails Tidy()
    {
        var money = Demands.HasFlag(ContactDemands.Money);
        return new ContactDetails(
            (Phone ?? "").Trim(),
            (Email ?? "").Trim(),
            Demands & AllDemands,
            money ? (AmountAsked ?? "").Trim() : "",
            money ? (PaymentMethodAsked ?? "").Trim() : "",
            Demands.HasFlag(ContactDemands.Other) ? (OtherDemand ?? "").Trim() : "",
            DeadlineOn,
            DeadlineOn is null ? null : DeadlineAt,
            Threats & AllThreats,
            (PaidAmount ?? "").Trim(),
            (PaidMethod ?? "").Trim(),
            (PaidReference ?? "").Trim());
    }

    public const ContactDemands AllDemands = ContactDemands.Money | ContactDemands.MoreImages | ContactDemands.Contact
        | ContactDemands.GetBackTogether | ContactDemands.Silence | ContactDemands.Other;

    public const ContactThreats AllThreats = ContactThreats.ShareImages | ContactThreats.SendToFamilyOrEmployer
        | ContactThreats.Violence | ContactThreats.SelfHarmAsPressure;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ContactDetails? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<ContactDetails>(json, Json);
}

/// <summary>The words for contact details, shared by the pages, the binder and the export.</summary>
public static class ContactWording
{
    public static IEnumerable<ContactDemands> Each(ContactDemands demands) =>
        Enum.GetValues<ContactDemands>().Where(d => d != ContactDemands.None && demands.HasFlag(d));

    public static IEnumerable<ContactThreats> Each(ContactThreats threats) =>
        Enum.GetValues<ContactThreats>().Where(t => t != ContactThreats.None && threats.HasFlag(t));

    public static string DemandText(ContactDemands demand) => demand switch
    {
        ContactDemands.Money => "Money",
        ContactDemands.MoreImages => "More images",
        ContactDemands.Contact => "To keep in contact or meet",
        ContactDemands.GetBackTogether => "To get back together",
        ContactDemands.Silence => "To keep quiet or not report",
        _ => "Something else",
    };

    public static string ThreatText(ContactThreats threat) => threat switch
    {
        ContactThreats.ShareImages => "To share the images",
        ContactThreats.SendToFamilyOrEmployer => "To send them to family, friends or an employer",
        ContactThreats.Violence => "Violence",
        ContactThreats.SelfHarmAsPressure => "To harm themselves, as pressure",
        _ => "Something else",
    };

    /// <summary>Every demand in words, with the amount, payment method and "something else" where given.</summary>
    public static string DemandsText(ContactDetails contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return string.Join("; ", Each(contact.Demands).Select(d => d switch
        {
            ContactDemands.Money => Joined(DemandText(d), contact.AmountAsked.Length > 0 ? contact.AmountAsked : null,
                contact.PaymentMethodAsked.Length > 0 ? "by " + contact.PaymentMethodAsked : null),
            ContactDemands.Other when contact.OtherDemand.Length > 0 => Joined(DemandText(d), contact.OtherDemand),
            _ => DemandText(d),
        }));
    }

    public static string ThreatsText(ContactThreats threats) => string.Join("; ", Each(threats).Select(ThreatText));

    public static string PaymentText(ContactDetails contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return string.Join("; ", new[]
        {
            contact.PaidAmount,
            contact.PaidMethod.Length > 0 ? "by " + contact.PaidMethod : "",
            contact.PaidReference.Length > 0 ? "reference " + contact.PaidReference : "",
        }.Where(p => p.Length > 0));
    }

    /// <summary>A deadline as the entry gave it: "11 Dec 2026, 18:00 London time", in the entry's own time zone.</summary>
    public static string Deadline(DateOnly date, TimeOnly? time, string zone = "") =>
        time is { } at
            ? $"{IncidentWording.Date(date)}, {at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)}{IncidentWording.ZoneText(zone)}"
            : IncidentWording.Date(date);

    private static readonly ResourceManager Resources = new(typeof(ContactWording));

    /// <summary><see cref="DemandText"/> as the person reads it on a page, in the request's language.</summary>
    public static string DemandTextShown(ContactDemands demand) =>
        Localized.Text(Resources, "Demand." + (demand is ContactDemands.Money or ContactDemands.MoreImages or ContactDemands.Contact
            or ContactDemands.GetBackTogether or ContactDemands.Silence ? demand : ContactDemands.Other));

    /// <summary><see cref="ThreatText"/> as the person reads it on a page, in the request's language.</summary>
    public static string ThreatTextShown(ContactThreats threat) =>
        Localized.Text(Resources, "Threat." + (threat is ContactThreats.ShareImages or ContactThreats.SendToFamilyOrEmployer
            or ContactThreats.Violence or ContactThreats.SelfHarmAsPressure ? threat.ToString() : "Other"));

    /// <summary><see cref="DemandsText"/> as the person reads it on a page (what they typed stays as typed).</summary>
    public static string DemandsTextShown(ContactDetails contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return string.Join("; ", Each(contact.Demands).Select(d => d switch
        {
            ContactDemands.Money => Joined(DemandTextShown(d), contact.AmountAsked.Length > 0 ? contact.AmountAsked : null,
                contact.PaymentMethodAsked.Length > 0 ? Localized.Format(Resources, "By", contact.PaymentMethodAsked) : null),
            ContactDemands.Other when contact.OtherDemand.Length > 0 => Joined(DemandTextShown(d), contact.OtherDemand),
            _ => DemandTextShown(d),
        }));
    }

    /// <summary><see cref="ThreatsText"/> as the person reads it on a page.</summary>
    public static string ThreatsTextShown(ContactThreats threats) => string.Join("; ", Each(threats).Select(ThreatTextShown));

    /// <summary><see cref="PaymentText"/> as the person reads it on a page.</summary>
    public static string PaymentTextShown(ContactDetails contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return string.Join("; ", new[]
        {
            contact.PaidAmount,
            contact.PaidMethod.Length > 0 ? Localized.Format(Resources, "By", contact.PaidMethod) : "",
            contact.PaidReference.Length > 0 ? Localized.Format(Resources, "Reference", contact.PaidReference) : "",
        }.Where(p => p.Length > 0));
    }

    private static string Joined(string first, params string?[] rest) =>
        string.Join(": ", new[] { first, string.Join(", ", rest.Where(r => !string.IsNullOrEmpty(r))) }.Where(p => p.Length > 0));
}
