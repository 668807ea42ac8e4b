using IncidentResponse.Domain.Cases;
using IncidentResponse.Web.Cases;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Cases.Allies;

/// <summary>How roles and ally events are put in plain words, in the request's language (<c>CasesText</c>).</summary>
public static class AllyWording
{
    public static readonly CaseRole[] InvitableRoles = [CaseRole.Viewer, CaseRole.Helper, CaseRole.Advocate];

    public static string RoleName(CaseRole role, IStringLocalizer<CasesText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Enum.IsDefined(role) ? text[$"Role.{role}"] : text["Role.Unknown"];
    }

    public static string RoleDescription(CaseRole role, IStringLocalizer<CasesText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Enum.IsDefined(role) ? text[$"Role.{role}.Text"] : "";
    }

    /// <summary>
    /// What an ally may do on the case, said to them: their role in a helper's words, then what the owner chose to share.
    /// Read from the same permissions the pages enforce.
    /// </summary>
    public static string YourPart(CaseMembership member, IStringLocalizer<CasesText> text)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(text);
        var role = member.Role switch
        {
            CaseRole.Advocate => text["YourPart.Advocate"],
            CaseRole.Helper => text["YourPart.Helper"],
            _ => text["YourPart.Viewer"],
        };
        var shared = new List<string>();
        shared.Add(text[member.Can(CaseOperation.ViewRiskAssessment) ? "YourPart.RiskShared" : "YourPart.RiskPrivate"]);
        if (member.Can(CaseOperation.ViewEvidence))
        {
            shared.Add(text["YourPart.Evidence"]);
        }

        if (member.Can(CaseOperation.Export))
        {
            shared.Add(text["YourPart.Export"]);
        }

        return role + " " + string.Join(" ", shared);
    }
}
