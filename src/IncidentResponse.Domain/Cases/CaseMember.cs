namespace IncidentResponse.Domain.Cases;

/// <summary>A person's place on a case: the owner, or an ally with a role.</summary>
public sealed class CaseMember
{
    public Guid CaseId { get; set; }

    public Guid UserId { get; set; }

    public CaseRole Role { get; set; }

    public DateTime JoinedUtc { get; set; }

    /// <summary>An ally sees evidence images only when the owner grants it (the owner always does).</summary>
    public bool EvidenceImagesGranted { get; set; }

    /// <summary>An ally may export the case only when the owner allows it (the owner always may).</summary>
    public bool ExportAllowed { get; set; }

    /// <summary>
    /// An ally receives evidence files exactly as they were received (with whatever they reveal: where a photo was
    /// taken, which phone took it) only when the owner grants it; otherwise a copy without those details. The owner
    /// always receives the originals.
    /// </summary>
    public bool OriginalsGranted { get; set; }

    /// <summary>
    /// An ally sees the owner's risk level and their answers to the safety questions (the result, the plan as the answers
    /// shaped it, the binder's summary of them, the assessments in an export) only when the owner grants it. Off by default.
    /// </summary>
    public bool RiskAssessmentShared { get; set; }

    public Case? Case { get; set; }
}
