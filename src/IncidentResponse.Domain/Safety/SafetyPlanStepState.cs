using IncidentResponse.Domain.Data;

namespace IncidentResponse.Domain.Safety;

/// <summary>Where the person is with one step of their plan, and their private note about it.</summary>
public sealed class SafetyPlanStepState : IVersioned
{
    public const int NoteMaxLength = 4000;

    public Guid CaseId { get; set; }

    public string StepKey { get; set; } = "";

    public SafetyStepStatus Status { get; set; }

    /// <summary>The owner's note: seen by the owner only unless <see cref="NoteShared"/>.</summary>
    public string Note { get; set; } = "";

    /// <summary>The owner chose to let the people helping read (and, if they may edit the plan, change) the note.</summary>
    public bool NoteShared { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public Guid UpdatedByUserId { get; set; }

    public uint Version { get; set; }
}
