using System.Globalization;
using FluentValidation;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Web.Pages.Cases.Incidents;

/// <summary>
/// What the survivor types about an incident, shared by "add" and "edit". Dates and times stay text until they are
/// valid, so whatever was typed comes back exactly as typed.
/// </summary>
public class IncidentFields
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string TimeFormat = "HH:mm";

    public IncidentKind? Kind { get; set; }

    public string? OccurredOn { get; set; }

    public string? OccurredAt { get; set; }

    public string? TimeZone { get; set; }

    public string? SeriesEndOn { get; set; }

    public string? FoundOn { get; set; }

    public string? Platform { get; set; }

    public string? Url { get; set; }

    public string? AccountHandle { get; set; }

    public PerpetratorKnown? Perpetrator { get; set; }

    public string? PerpetratorName { get; set; }

    public string? Narrative { get; set; }

    public string? EvidenceOfIt { get; set; }

    public string? WhoYouThink { get; set; }

    public string? EvidenceOfWho { get; set; }

    public string? EvidenceStillNeeded { get; set; }

    public int? Concern { get; set; }

    /// <summary>For a contact from the person responsible: how they got in touch, what they demanded and threatened.</summary>
    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    public List<ContactDemands> Demands { get; set; } = [];

    public string? AmountAsked { get; set; }

    public string? PaymentMethodAsked { get; set; }

    public string? OtherDemand { get; set; }

    public string? DeadlineOn { get; set; }

    public string? DeadlineAt { get; set; }

    public List<ContactThreats> Threats { get; set; } = [];

    public string? PaidAmount { get; set; }

    public string? PaidMethod { get; set; }

    public string? PaidReference { get; set; }

    /// <summary>Whether the contact part of the form has anything in it (it opens by itself when it does).</summary>
    public bool HasContact => !ToContact().IsEmpty;

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static TimeOnly? ParseTime(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), [TimeFormat, "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>The validated fields as the domain takes them. Call only once the rules pass.</summary>
    public IncidentSnapshot ToSnapshot() => new(
        Kind!.Value,
        ParseDate(OccurredOn)!.Value,
        ParseTime(OccurredAt),
        TimeZone ?? "",
        ParseDate(SeriesEndOn),
        ParseDate(FoundOn)!.Value,
        Platform ?? Platforms.Other,
        Url ?? "",
        AccountHandle ?? "",
        Perpetrator ?? PerpetratorKnown.NotSure,
        PerpetratorName ?? "",
        Narrative ?? "",
        EvidenceOfIt ?? "",
        WhoYouThink ?? "",
        EvidenceOfWho ?? "",
        EvidenceStillNeeded ?? "",
        Concern ?? Incident.MinConcern,
        ToContact() is { IsEmpty: false } contact ? contact : null);

    /// <summary>The contact fields as the domain takes them (empty when nothing was given).</summary>
    public ContactDetails ToContact() => new(
        ContactPhone ?? "",
        ContactEmail ?? "",
        Demands.Where(Enum.IsDefined).Aggregate(ContactDemands.None, (all, d) => all | d),
        AmountAsked ?? "",
        PaymentMethodAsked ?? "",
        OtherDemand ?? "",
        ParseDate(DeadlineOn),
        ParseTime(DeadlineAt),
        Threats.Where(Enum.IsDefined).Aggregate(ContactThreats.None, (all, t) => all | t),
        PaidAmount ?? "",
        PaidMethod ?? "",
        PaidReference ?? "");

    public void CopyFrom(IncidentSnapshot saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        Kind = saved.Kind;
        OccurredOn = saved.OccurredOn.ToString(DateFormat, CultureInfo.InvariantCulture);
        OccurredAt = saved.OccurredAt?.ToString(TimeFormat, CultureInfo.InvariantCulture);
        TimeZone = saved.TimeZone;
        SeriesEndOn = saved.SeriesEndOn?.ToString(DateFormat, CultureInfo.InvariantCulture);
        FoundOn = saved.FoundOn.ToString(DateFormat, CultureInfo.InvariantCulture);
        Platform = saved.Platform;
        Url = saved.Url;
        AccountHandle = saved.AccountHandle;
        Perpetrator = saved.Perpetrator;
        PerpetratorName = saved.PerpetratorName;
        Narrative = saved.Narrative;
        EvidenceOfIt = saved.EvidenceOfIt;
        WhoYouThink = saved.WhoYouThink;
        EvidenceOfWho = saved.EvidenceOfWho;
        EvidenceStillNeeded = saved.EvidenceStillNeeded;
        Concern = saved.Concern;
        var contact = saved.Contact ?? ContactDetails.Empty;
        ContactPhone = contact.Phone;
        ContactEmail = contact.Email;
        Demands = ContactWording.Each(contact.Demands).ToList();
        AmountAsked = contact.AmountAsked;
        PaymentMethodAsked = contact.PaymentMethodAsked;
        OtherDemand = contact.OtherDemand;
        DeadlineOn = contact.DeadlineOn?.ToString(DateFormat, CultureInfo.InvariantCulture);
        DeadlineAt = contact.DeadlineAt?.ToString(TimeFormat, CultureInfo.InvariantCulture);
        Threats = ContactWording.Each(contact.Threats).ToList();
        PaidAmount = contact.PaidAmount;
        PaidMethod = contact.PaidMethod;
        PaidReference = contact.PaidReference;
    }
}

/// <summary>The rules for an incident's fields, shared by "add" and "edit". Messages say what to do, never blame.</summary>
public sealed class IncidentFieldRules<T> : AbstractValidator<T>
    where T : IncidentFields
{
    public IncidentFieldRules(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Kind).NotNull().WithMessage("Please choose what kind of thing happened. \"Something else\" is fine.")
            .IsInEnum().WithMessage("Please choose what kind of thing happened from the list.");

        WhenRules(IncidentTime.LatestPossibleToday(clock.GetUtcNow().UtcDateTime));
        WhereRules();
        WhoAndWhatRules();
        ContactRules();

        RuleFor(x => x.Concern).NotNull().WithMessage("Please choose how worrying this feels to you.")
            .InclusiveBetween(Incident.MinConcern, Incident.MaxConcern).WithMessage("Please choose how worrying this feels to you.");
    }

    /// <summary>When it happened (until when, for a series) and when it was found: real dates, none in the future, in order.</summary>
    private void WhenRules(DateOnly latest)
    {
        RuleFor(x => x.OccurredOn).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Please give the date it happened. If you're not sure, your best guess is fine.")
            .Must(t => IncidentFields.ParseDate(t) is not null).WithMessage("Please give the date as year-month-day, for example 2026-03-01.")
            .Must(t => IncidentFields.ParseDate(t) <= latest).WithMessage("This date is in the future. Please check it.");

        RuleFor(x => x.OccurredAt).Must(t => IncidentFields.ParseTime(t) is not null)
            .When(x => !string.IsNullOrWhiteSpace(x.OccurredAt))
            .WithMessage("Please give the time as hours and minutes, for example 21:30, or leave it empty.");

        RuleFor(x => x.TimeZone).Must(IncidentTime.IsValidZone)
            .WithMessage("Please choose where in the world that time was from the list, or \"Not sure\".");

        RuleFor(x => x.SeriesEndOn).Cascade(CascadeMode.Stop)
            .Must(t => IncidentFields.ParseDate(t) is not null).WithMessage("Please give the last date as year-month-day, or leave it empty.")
            .Must(t => IncidentFields.ParseDate(t) <= latest).WithMessage("This date is in the future. Please check it.")
            .Must((x, t) => IncidentFields.ParseDate(x.OccurredOn) is not { } start || IncidentFields.ParseDate(t) > start)
            .WithMessage("The last time it happened needs to be after the first. For something that happened once, leave this empty.")
            .When(x => !string.IsNullOrWhiteSpace(x.SeriesEndOn));

        RuleFor(x => x.FoundOn).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Please give the date you found out about it.")
            .Must(t => IncidentFields.ParseDate(t) is not null).WithMessage("Please give the date as year-month-day, for example 2026-03-02.")
            .Must(t => IncidentFields.ParseDate(t) <= latest).WithMessage("This date is in the future. Please check it.")
            .Must((x, t) => IncidentFields.ParseDate(x.OccurredOn) is not { } start || IncidentFields.ParseDate(t) >= start)
            .WithMessage("You can't have found it before it happened. Please check both dates.");
    }

    /// <summary>Where it happened: a platform from the list, a real web address, a short account name.</summary>
    private void WhereRules()
    {
        RuleFor(x => x.Platform).Must(Platforms.IsKnown)
            .WithMessage("Please choose where it happened. If it isn't listed, choose \"Somewhere else\".");

        RuleFor(x => x.Url).Cascade(CascadeMode.Stop)
            .Must(u => u!.Trim().Length <= WebAddress.MaxLength).WithMessage($"Web addresses can be up to {WebAddress.MaxLength} characters.")
            .Must(WebAddress.IsValid).WithMessage("Please give a web address starting with http:// or https://, or leave it empty.")
            .When(x => !string.IsNullOrWhiteSpace(x.Url));

        RuleFor(x => x.AccountHandle).MaximumLength(Incident.ShortTextMaxLength)
            .WithMessage($"Please keep the account name to {Incident.ShortTextMaxLength} characters or fewer.");
    }

    /// <summary>A contact's details: short texts within the length kept, a real deadline date and time.</summary>
    private void ContactRules()
    {
        foreach (var text in new System.Linq.Expressions.Expression<Func<T, string?>>[]
                 { x => x.ContactPhone, x => x.ContactEmail, x => x.AmountAsked, x => x.PaymentMethodAsked, x => x.OtherDemand, x => x.PaidAmount, x => x.PaidMethod, x => x.PaidReference })
        {
            RuleFor(text).Must(t => (t?.Trim().Length ?? 0) <= ContactDetails.ShortMaxLength)
                .WithMessage($"Please keep this to {ContactDetails.ShortMaxLength} characters or fewer.");
        }

        RuleFor(x => x.DeadlineOn).Must(t => IncidentFields.ParseDate(t) is not null)
            .When(x => !string.IsNullOrWhiteSpace(x.DeadlineOn))
            .WithMessage("Please give the date as year-month-day, for example 2026-03-01, or leave it empty.");
        RuleFor(x => x.DeadlineAt).Cascade(CascadeMode.Stop)
            .Must(t => IncidentFields.ParseTime(t) is not null)
            .WithMessage("Please give the time as hours and minutes, for example 18:00, or leave it empty.")
            .Must((x, _) => IncidentFields.ParseDate(x.DeadlineOn) is not null)
            .WithMessage("Please give the date of the deadline too, or leave the time empty.")
            .When(x => !string.IsNullOrWhiteSpace(x.DeadlineAt));
    }

    /// <summary>Who did it and what happened, in the person's own words, within the lengths kept.</summary>
    private void WhoAndWhatRules()
    {
        RuleFor(x => x.Perpetrator).IsInEnum();
        RuleFor(x => x.PerpetratorName).MaximumLength(Incident.ShortTextMaxLength)
            .WithMessage($"Please keep the name to {Incident.ShortTextMaxLength} characters or fewer.");

        RuleFor(x => x.Narrative).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Please say a little about what happened. A sentence is enough; you can add more later.")
            .Must(t => t!.Trim().Length <= Incident.NarrativeMaxLength)
            .WithMessage($"Please keep this to {Incident.NarrativeMaxLength} characters or fewer. You can add another entry for the rest.");

        foreach (var note in new System.Linq.Expressions.Expression<Func<T, string?>>[] { x => x.EvidenceOfIt, x => x.WhoYouThink, x => x.EvidenceOfWho, x => x.EvidenceStillNeeded })
        {
            RuleFor(note).Must(t => (t?.Trim().Length ?? 0) <= Incident.NoteMaxLength)
                .WithMessage($"Please keep this to {Incident.NoteMaxLength} characters or fewer.");
        }
    }
}
