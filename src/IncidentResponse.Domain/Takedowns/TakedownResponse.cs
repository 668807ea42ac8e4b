namespace IncidentResponse.Domain.Takedowns;

/// <summary>What the platform did. Stored by name.</summary>
public enum TakedownOutcome
{
    Removed,
    Refused,
    AskedForMore,
    NoAnswer,
}

/// <summary>One answer (or the lack of one) to a sent <see cref="TakedownRequest"/>.</summary>
public sealed class TakedownResponse
{
    public const int NoteMaxLength = 2000;

    public Guid Id { get; set; }

    public Guid RequestId { get; set; }

    public Guid CaseId { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public TakedownOutcome Outcome { get; set; }

    /// <summary>The reason the platform gave for refusing, when it refused.</summary>
    public string Reason { get; set; } = "";

    public string Note { get; set; } = "";

    public Guid RecordedBy { get; set; }

    public DateTime RecordedUtc { get; set; }

    public static string DisplayName(TakedownOutcome outcome) => outcome switch
    {
        TakedownOutcome.Removed => "Removed",
        TakedownOutcome.Refused => "Refused",
        TakedownOutcome.AskedForMore => "Asked for more information",
        _ => "No answer",
    };
}
