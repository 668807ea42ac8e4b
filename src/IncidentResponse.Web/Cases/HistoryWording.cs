using IncidentResponse.Domain.Audit;

namespace IncidentResponse.Web.Cases;

/// <summary>
/// How the history's check is put to someone who may not learn its size: an ally sees fewer events than the chain holds
/// (those about private items are left out), so a count, a raw sequence number or the number of the event where the
/// chain broke would tell them that hidden items exist.
/// </summary>
public static class HistoryWording
{
    // The history page says these in the person's language (CasesText: History.IntactForAlly, History.BrokenForAlly,
    // the same English); the binder and the export still say them in English from here.
    public const string IntactForAlly = "The server checked this case's whole history just now, and it is intact: nothing in it has been changed or removed.";

    public const string BrokenForAlly = "The server checked this case's whole history just now, and part of it does not match what was recorded.";

    /// <summary>An event's details as an ally's export gives them: a binder's details count what its maker saw (private
    /// items included) and name the history's newest number, so they are left out; so is the risk level a completed
    /// assessment names, unless the owner shares the risk assessment with this ally (ADR 0014).</summary>
    public static string DetailsForAlly(string action, string details, bool riskAssessmentShared = false) => action switch
    {
        AuditActions.BinderMade => "",
        AuditActions.AssessmentCompleted or AuditActions.AssessmentDraftSaved when !riskAssessmentShared => "",
        _ => details,
    };
}
