namespace IncidentResponse.Domain.Safety;

/// <summary>When a step belongs: what to do now, what comes next, and what to think about.</summary>
public enum SafetySection
{
    Now = 0,
    Then = 1,
    Consider = 2,
}

/// <summary>Where the person is with a step. Stored by the web layer per case and step key.</summary>
public enum SafetyStepStatus
{
    ToDo = 0,
    Doing = 1,
    Done = 2,
    NotForMe = 3,
}

/// <summary>
/// One step of the guided safety plan. <see cref="Key"/> is stable: statuses are stored against it. Title and body
/// may contain placeholders such as <c>{EmergencyNumber}</c>, resolved by <see cref="SafetyText.Resolve"/>.
/// <see cref="LinkTarget"/> names the part of the app that helps with the step ("assessment", "log", "evidence",
/// "takedowns", "binder", "allies"), or is null.
/// </summary>
public sealed record SafetyStep(
    string Key,
    SafetySection Section,
    string Title,
    string Body,
    string? LinkTarget,
    bool Conditional);
