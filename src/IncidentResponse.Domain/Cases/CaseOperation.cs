namespace IncidentResponse.Domain.Cases;

/// <summary>Everything a person can ask to do with a case. Each page handler names the one it needs.</summary>
public enum CaseOperation
{
    View,
    AddEntry,
    ViewEvidence,
    FinaliseLetter,
    Share,
    Export,
    Rename,
    Delete,

    /// <summary>Marking an incident or evidence item private (hidden from every ally): the owner only.</summary>
    MarkPrivate,

    /// <summary>
    /// Fetching an evidence picture for a binder: both <see cref="Export"/> and <see cref="ViewEvidence"/>, since the
    /// owner grants those separately and an ally allowed to export is not thereby shown the pictures.
    /// </summary>
    PrintEvidence,

    /// <summary>
    /// Reading the sender details a letter's writer marked "keep private" (a phone, a postal address): the owner, and an
    /// advocate acting for them. A helper or viewer is told only that a detail is kept private.
    /// </summary>
    ViewPrivateSenderDetails,

    /// <summary>Answering the safety questions: the owner only. An ally never answers them for the owner.</summary>
    AnswerAssessment,

    /// <summary>
    /// Seeing the risk level and the answers behind it (and the plan as they shaped it): the owner, and an ally only when
    /// the owner shares it with them on the People page (ADR 0014).
    /// </summary>
    ViewRiskAssessment,

    /// <summary>Turn the server's re-checks of the places on or off (issue 24): the owner's choice alone.</summary>
    ChoosePlaceChecks,
}

/// <summary>The one table of which role may do what.</summary>
public static class CasePermissions
{
    public static bool Allows(CaseRole role, CaseOperation operation) => operation switch
    {
        CaseOperation.View => true,
        CaseOperation.AddEntry => role is CaseRole.Owner or CaseRole.Advocate or CaseRole.Helper,
        CaseOperation.FinaliseLetter or CaseOperation.ViewPrivateSenderDetails => role is CaseRole.Owner or CaseRole.Advocate,
        CaseOperation.ViewEvidence or CaseOperation.Share or CaseOperation.Export
            or CaseOperation.Rename or CaseOperation.Delete or CaseOperation.MarkPrivate
            or CaseOperation.PrintEvidence or CaseOperation.AnswerAssessment
            or CaseOperation.ViewRiskAssessment or CaseOperation.ChoosePlaceChecks => role is CaseRole.Owner,
        _ => false,
    };

    /// <summary>
    /// The role's table, widened only by what the owner granted this one member: evidence images, export, and the risk
    /// assessment.
    /// </summary>
    public static bool Allows(CaseRole role, CaseOperation operation, bool evidenceImagesGranted, bool exportAllowed, bool riskAssessmentShared = false) =>
        operation == CaseOperation.PrintEvidence
            ? Allows(role, CaseOperation.Export, evidenceImagesGranted, exportAllowed)
                && Allows(role, CaseOperation.ViewEvidence, evidenceImagesGranted, exportAllowed)
            : Allows(role, operation)
        || (operation == CaseOperation.ViewEvidence && evidenceImagesGranted)
        || (operation == CaseOperation.Export && exportAllowed)
        || (operation == CaseOperation.ViewRiskAssessment && riskAssessmentShared);

    /// <summary>
    /// Whether evidence files reach this member bit-exact, hidden details and all: the owner always, an ally only when
    /// the owner granted "originals". Anyone else who may see evidence gets a copy with the metadata removed.
    /// </summary>
    public static bool ReceivesOriginals(CaseRole role, bool originalsGranted) => role == CaseRole.Owner || originalsGranted;
}
