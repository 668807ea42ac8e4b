using System.Reflection;
using IncidentResponse.Domain.Audit;

namespace IncidentResponse.Domain.Tests.Audit;

public class AuditActionsTests
{
    /// <summary>
    /// Each code as stored in existing histories and hashed into their chains: under a changed spelling older events
    /// would lose their words and escape the checks that look them up (the binder's, verify-audit's), so every one is
    /// pinned here by hand.
    /// </summary>
    [Fact]
    public void Every_action_code_is_spelled_as_it_is_stored()
    {
        var expected = new Dictionary<string, string>
        {
            [nameof(AuditActions.CaseOpened)] = "case.opened",
            [nameof(AuditActions.CaseDetailsChanged)] = "case.details-changed",
            [nameof(AuditActions.CaseAgeAnswersChanged)] = "case.age-answers-changed",
            [nameof(AuditActions.CaseHelpersSeeEachOther)] = "case.helpers-see-each-other",
            [nameof(AuditActions.CaseHelpersKeptApart)] = "case.helpers-kept-apart",
            [nameof(AuditActions.CasePlaceChecksOn)] = "case.place-checks-on",
            [nameof(AuditActions.CasePlaceChecksOff)] = "case.place-checks-off",
            [nameof(AuditActions.CaseExported)] = "case.exported",
            [nameof(AuditActions.PlanStepUpdated)] = "plan.step-updated",
            [nameof(AuditActions.AssessmentDraftSaved)] = "assessment.draft-saved",
            [nameof(AuditActions.AssessmentCompleted)] = "assessment.completed",
            [nameof(AuditActions.IncidentAdded)] = "incident.added",
            [nameof(AuditActions.IncidentEdited)] = "incident.edited",
            [nameof(AuditActions.IncidentMadePrivate)] = "incident.made-private",
            [nameof(AuditActions.IncidentMadeShared)] = "incident.made-shared",
            [nameof(AuditActions.SightingAdded)] = "sighting.added",
            [nameof(AuditActions.SightingStatusChanged)] = "sighting.status-changed",
            [nameof(AuditActions.EvidenceAdded)] = "evidence.added",
            [nameof(AuditActions.EvidenceMadePrivate)] = "evidence.made-private",
            [nameof(AuditActions.EvidenceMadeShared)] = "evidence.made-shared",
            [nameof(AuditActions.TakedownDrafted)] = "takedown.drafted",
            [nameof(AuditActions.TakedownEdited)] = "takedown.edited",
            [nameof(AuditActions.TakedownFinalised)] = "takedown.finalised",
            [nameof(AuditActions.TakedownRevised)] = "takedown.revised",
            [nameof(AuditActions.TakedownSent)] = "takedown.sent",
            [nameof(AuditActions.TakedownAnswerLogged)] = "takedown.answer-logged",
            [nameof(AuditActions.TakedownFollowUpDrafted)] = "takedown.follow-up-drafted",
            [nameof(AuditActions.BinderMade)] = "binder.made",
            [nameof(AuditActions.InvitationCreated)] = "invitation.created",
            [nameof(AuditActions.InvitationRevoked)] = "invitation.revoked",
            [nameof(AuditActions.AllyJoined)] = "ally.joined",
            [nameof(AuditActions.AllyLeft)] = "ally.left",
            [nameof(AuditActions.AllyRoleChanged)] = "ally.role-changed",
            [nameof(AuditActions.AllyRemoved)] = "ally.removed",
            [nameof(AuditActions.AllyEvidenceImagesGranted)] = "ally.evidence-images-granted",
            [nameof(AuditActions.AllyEvidenceImagesWithdrawn)] = "ally.evidence-images-withdrawn",
            [nameof(AuditActions.AllyExportAllowed)] = "ally.export-allowed",
            [nameof(AuditActions.AllyExportWithdrawn)] = "ally.export-withdrawn",
            [nameof(AuditActions.AllyOriginalsGranted)] = "ally.originals-granted",
            [nameof(AuditActions.AllyOriginalsWithdrawn)] = "ally.originals-withdrawn",
            [nameof(AuditActions.AllyRiskAssessmentShared)] = "ally.risk-assessment-shared",
            [nameof(AuditActions.AllyRiskAssessmentWithdrawn)] = "ally.risk-assessment-withdrawn",
        };

        var actual = typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);

        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_action_code_fits_its_column()
    {
        var codes = typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!);

        Assert.All(codes, code => Assert.InRange(code.Length, 1, AuditEvent.ActionMaxLength));
    }
}
