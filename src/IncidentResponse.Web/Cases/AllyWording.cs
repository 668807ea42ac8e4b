using IncidentResponse.Domain.Cases;

namespace IncidentResponse.Web.Cases;

/// <summary>How roles and ally events are put in plain words.</summary>
public static class AllyWording
{
    public static readonly CaseRole[] InvitableRoles = [CaseRole.Viewer, CaseRole.Helper, CaseRole.Advocate];

    public static string RoleName(CaseRole role) => role switch
    {
        CaseRole.Owner => "Owner",
        CaseRole.Advocate => "Advocate",
        CaseRole.Helper => "Helper",
        CaseRole.Viewer => "Viewer",
        _ => "Unknown",
    };

    public static string RoleDescription(CaseRole role) => role switch
    {
        CaseRole.Owner => "This is your case: you decide who helps and what they see.",
        CaseRole.Advocate => "Can read and add to the record, draft letters, and finalise and send them for you.",
        CaseRole.Helper => "Can read and add to the record and draft letters, but not finalise or send them.",
        CaseRole.Viewer => "Can read your plan, your record and where takedowns stand. Changes nothing.",
        _ => "",
    };
}

/// <summary>The owner's private/shared switch on an entry or a file.</summary>
public sealed record PrivacyFormModel(bool IsPrivate, string Noun);
