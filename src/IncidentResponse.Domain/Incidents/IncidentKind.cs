using System.Resources;

namespace IncidentResponse.Domain.Incidents;

/// <summary>What kind of thing happened. Stored by name, so the order may change.</summary>
public enum IncidentKind
{
    Post,
    DirectMessage,
    Threat,
    DemandOrExtortion,
    ImpersonationAccount,
    PersonalDetailsPublished,
    Other,
}

public static class IncidentKinds
{
    /// <summary>The words the survivor sees for each kind.</summary>
    public static string DisplayName(IncidentKind kind) => kind switch
    {
        IncidentKind.Post => "A post or upload",
        IncidentKind.DirectMessage => "A direct message",
        IncidentKind.Threat => "A threat",
        IncidentKind.DemandOrExtortion => "A demand (money, images or anything else)",
        IncidentKind.ImpersonationAccount => "A fake account pretending to be you",
        IncidentKind.PersonalDetailsPublished => "Your personal details shared",
        _ => "Something else",
    };

    private static readonly ResourceManager Resources = new(typeof(IncidentKinds));

    /// <summary><see cref="DisplayName"/> as the person reads it on a page, in the request's language (documents keep the English).</summary>
    public static string DisplayNameShown(IncidentKind kind) =>
        Localized.Text(Resources, "Kind." + (Enum.IsDefined(kind) ? kind : IncidentKind.Other));
}
