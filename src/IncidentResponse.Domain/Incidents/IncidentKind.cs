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
}
