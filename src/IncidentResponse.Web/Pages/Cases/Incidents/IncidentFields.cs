using System.Globalization;
using FluentValidation;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;
using Microsoft.Extensions.Localization;

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
    private readonly IStringLocalizer<IncidentsText> _text;

    public IncidentFieldRules(TimeProvider clock, IStringLocalizer<IncidentsText> text)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _text = text;
        RuleFor(x => x.Kind).NotNull().WithMessage(_ => _text["Rule.KindMissing"])
            .IsInEnum().WithMessage(_ => _text["Rule.KindUnknown"]);

        WhenRules(IncidentTime.LatestPossibleToday(clock.GetUtcNow().UtcDateTime));
        WhereRules();
        WhoAndWhatRules();
        ContactRules();

        RuleFor(x => x.Concern).NotNull().WithMessage(_ => _text["Rule.Concern"])
            .InclusiveBetween(Incident.MinConcern, Incident.MaxConcern).WithMessage(_ => _text["Rule.Concern"]);
    }

    /// <summary>When it happened (until when, for a series) and when it was found: real dates, none in the future, in order.</summary>
    private void WhenRules(DateOnly latest)
    {
        RuleFor(x => x.OccurredOn).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => _text["Rule.OccurredOnMissing"])
            .Must(t => IncidentFields.ParseDate(t) is not null).WithMessage(_ => _text["Rule.DateFormat"])
            .Must(t => IncidentFields.ParseDate(t) <= latest).WithMessage(_ => _text["Rule.Future"]);

        RuleFor(x => x.OccurredAt).Must(t => IncidentFields.ParseTime(t) is not null)
            .When(x => !string.IsNullOrWhiteSpace(x.OccurredAt))
            .WithMessage(_ => _text["Rule.TimeFormat"]);

        RuleFor(x => x.TimeZone).Must(IncidentTime.IsValidZone)
            .WithMessage(_ => _text["Rule.Zone"]);

        RuleFor(x => x.SeriesEndOn).Cascade(CascadeMode.Stop)
            .Must(t => IncidentFields.ParseDate(t) is not null).WithMessage(_ => _text["Rule.SeriesEndFormat"])
            .Must(t => IncidentFields.ParseDate(t) <= latest).WithMessage(_ => _text["Rule.Future"])
            .Must((x, t) => IncidentFields.ParseDate(x.OccurredOn) is not { } start || IncidentFields.ParseDate(t) > start)
            .WithMessage(_ => _text["Rule.SeriesEndOrder"])
            .When(x => !string.IsNullOrWhiteSpace(x.SeriesEndOn));

        RuleFor(x => x.FoundOn).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => _text["Rule.FoundOnMissing"])
            .Must(t => IncidentFields.ParseDate(t) is not null).WithMessage(_ => _text["Rule.FoundOnFormat"])
            .Must(t => IncidentFields.ParseDate(t) <= latest).WithMessage(_ => _text["Rule.Future"])
            .Must((x, t) => IncidentFields.ParseDate(x.OccurredOn) is not { } start || IncidentFields.ParseDate(t) >= start)
            .WithMessage(_ => _text["Rule.FoundBeforeOccurred"]);
    }

    /// <summary>Where it happened: a platform from the list, a real web address, a short account name.</summary>
    private void WhereRules()
    {
        RuleFor(x => x.Platform).Must(Platforms.IsKnown)
            .WithMessage(_ => _text["Rule.Platform"]);

        RuleFor(x => x.Url).Cascade(CascadeMode.Stop)
            .Must(u => u!.Trim().Length <= WebAddress.MaxLength).WithMessage(_ => _text["Rule.UrlLength", WebAddress.MaxLength])
            .Must(WebAddress.IsValid).WithMessage(_ => _text["Rule.Url"])
            .When(x => !string.IsNullOrWhiteSpace(x.Url));

        RuleFor(x => x.AccountHandle).MaximumLength(Incident.ShortTextMaxLength)
            .WithMessage(_ => _text["Rule.AccountLength", Incident.ShortTextMaxLength]);
    }

    /// <summary>A contact's details: short texts within the length kept, a real deadline date and time.</summary>
    private void ContactRules()
    {
        foreach (var text in new System.Linq.Expressions.Expression<Func<T, string?>>[]
                 { x => x.ContactPhone, x => x.ContactEmail, x => x.AmountAsked, x => x.PaymentMethodAsked, x => x.OtherDemand, x => x.PaidAmount, x => x.PaidMethod, x => x.PaidReference })
        {
            RuleFor(text).Must(t => (t?.Trim().Length ?? 0) <= ContactDetails.ShortMaxLength)
                .WithMessage(_ => _text["Rule.ContactLength", ContactDetails.ShortMaxLength]);
        }

        RuleFor(x => x.DeadlineOn).Must(t => IncidentFields.ParseDate(t) is not null)
            .When(x => !string.IsNullOrWhiteSpace(x.DeadlineOn))
            .WithMessage(_ => _text["Rule.DeadlineFormat"]);
        RuleFor(x => x.DeadlineAt).Cascade(CascadeMode.Stop)
            .Must(t => IncidentFields.ParseTime(t) is not null)
            .WithMessage(_ => _text["Rule.DeadlineTimeFormat"])
            .Must((x, _) => IncidentFields.ParseDate(x.DeadlineOn) is not null)
            .WithMessage(_ => _text["Rule.DeadlineTimeWithoutDate"])
            .When(x => !string.IsNullOrWhiteSpace(x.DeadlineAt));
    }

    /// <summary>Who did it and what happened, in the person's own words, within the lengths kept.</summary>
    private void WhoAndWhatRules()
    {
        RuleFor(x => x.Perpetrator).IsInEnum();
        RuleFor(x => x.PerpetratorName).MaximumLength(Incident.ShortTextMaxLength)
            .WithMessage(_ => _text["Rule.NameLength", Incident.ShortTextMaxLength]);

        RuleFor(x => x.Narrative).Cascade(CascadeMode.Stop)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage(_ => _text["Rule.NarrativeMissing"])
            .Must(t => t!.Trim().Length <= Incident.NarrativeMaxLength)
            .WithMessage(_ => _text["Rule.NarrativeLength", Incident.NarrativeMaxLength]);

        foreach (var note in new System.Linq.Expressions.Expression<Func<T, string?>>[] { x => x.EvidenceOfIt, x => x.WhoYouThink, x => x.EvidenceOfWho, x => x.EvidenceStillNeeded })
        {
            RuleFor(note).Must(t => (t?.Trim().Length ?? 0) <= Incident.NoteMaxLength)
                .WithMessage(_ => _text["Rule.NoteLength", Incident.NoteMaxLength]);
        }
    }
}
