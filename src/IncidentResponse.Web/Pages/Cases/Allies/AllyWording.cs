using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Cases;

namespace IncidentResponse.Web.Pages.Cases.Allies;

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

    /// <summary>
    /// What an ally may do on the case, said to them: their role in a helper's words, then what the owner chose to share.
    /// Read from the same permissions the pages enforce.
    /// </summary>
    public static string YourPart(CaseMembership member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var role = member.Role switch
        {
            CaseRole.Advocate => "As their advocate you can read the plan and the record, add to the record, and write, finalise and send takedown letters for them.",
            CaseRole.Helper => "As a helper you can read the plan and the record, add to the record and draft takedown letters; they finalise and send them.",
            _ => "As a viewer you can read the plan, the record and where takedowns stand. You can't change anything.",
        };
        var shared = new List<string>();
        shared.Add(member.Can(CaseOperation.ViewRiskAssessment)
            ? "They share their risk level and their answers to the safety questions with you."
            : "Their risk level and their answers to the safety questions stay private to them.");
        if (member.Can(CaseOperation.ViewEvidence))
        {
            shared.Add("They share their evidence images with you.");
        }

        if (member.Can(CaseOperation.Export))
        {
            shared.Add("You may make an evidence binder and download the case.");
        }

        return role + " " + string.Join(" ", shared);
    }
}
