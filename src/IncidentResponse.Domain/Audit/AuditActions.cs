namespace IncidentResponse.Domain.Audit;

/// <summary>
/// Every action code an audit event can carry (<see cref="AuditEvent.Action"/>): the one place they are spelled. Each
/// value is hashed into its case's chain and stored with it, so a value must never change once written; a new action
/// gets a new constant here and its words on the history and activity pages (a test reads this class to make sure).
/// </summary>
public static class AuditActions
{
    public const string CaseOpened = "case.opened";
    public const string CaseDetailsChanged = "case.details-changed";
    public const string CaseAgeAnswersChanged = "case.age-answers-changed";
    public const string CaseHelpersSeeEachOther = "case.helpers-see-each-other";
    public const string CaseHelpersKeptApart = "case.helpers-kept-apart";
    public const string CasePlaceChecksOn = "case.place-checks-on";
    public const string CasePlaceChecksOff = "case.place-checks-off";
    public const string CaseExported = "case.exported";

    public const string PlanStepUpdated = "plan.step-updated";

    /// <summary>No longer recorded (the questions now save nothing until the last step), but older histories hold it.</summary>
    public const string AssessmentDraftSaved = "assessment.draft-saved";
    public const string AssessmentCompleted = "assessment.completed";

    public const string IncidentAdded = "incident.added";
    public const string IncidentEdited = "incident.edited";
    public const string IncidentMadePrivate = "incident.made-private";
    public const string IncidentMadeShared = "incident.made-shared";

    public const string SightingAdded = "sighting.added";
    public const string SightingStatusChanged = "sighting.status-changed";

    /// <summary>Its details name the file's kind and SHA-256 as received (<see cref="Evidence.EvidenceItem.AddedEventDetails"/>).</summary>
    public const string EvidenceAdded = "evidence.added";
    public const string EvidenceMadePrivate = "evidence.made-private";
    public const string EvidenceMadeShared = "evidence.made-shared";

    public const string TakedownDrafted = "takedown.drafted";
    public const string TakedownEdited = "takedown.edited";
    public const string TakedownFinalised = "takedown.finalised";
    public const string TakedownRevised = "takedown.revised";
    public const string TakedownSent = "takedown.sent";
    public const string TakedownAnswerLogged = "takedown.answer-logged";
    public const string TakedownFollowUpDrafted = "takedown.follow-up-drafted";

    public const string BinderMade = "binder.made";

    public const string InvitationCreated = "invitation.created";
    public const string InvitationRevoked = "invitation.revoked";

    public const string AllyJoined = "ally.joined";
    public const string AllyLeft = "ally.left";
    public const string AllyRoleChanged = "ally.role-changed";
    public const string AllyRemoved = "ally.removed";
    public const string AllyEvidenceImagesGranted = "ally.evidence-images-granted";
    public const string AllyEvidenceImagesWithdrawn = "ally.evidence-images-withdrawn";
    public const string AllyExportAllowed = "ally.export-allowed";
    public const string AllyExportWithdrawn = "ally.export-withdrawn";
    public const string AllyOriginalsGranted = "ally.originals-granted";
    public const string AllyOriginalsWithdrawn = "ally.originals-withdrawn";
    public const string AllyRiskAssessmentShared = "ally.risk-assessment-shared";
    public const string AllyRiskAssessmentWithdrawn = "ally.risk-assessment-withdrawn";
}
