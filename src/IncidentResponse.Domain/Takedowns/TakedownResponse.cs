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

    /// <summary>When it came, for ordering the case's timeline (<see cref="MomentOf"/> of <see cref="ReceivedOn"/>).</summary>
    public DateTime ReceivedUtc { get; set; }

    public TakedownOutcome Outcome { get; set; }

    /// <summary>The reason the platform gave for refusing, when it refused.</summary>
    public string Reason { get; set; } = "";

    public string Note { get; set; } = "";

    public Guid RecordedBy { get; set; }

    public DateTime RecordedUtc { get; set; }

    /// <summary>
    /// A day someone gave, as a moment to order by: now when the day is today (it happened just now, or earlier today),
    /// otherwise midday UTC of that day.
    /// </summary>
    public static DateTime MomentOf(DateOnly day, DateTime nowUtc) =>
        day == DateOnly.FromDateTime(nowUtc) ? nowUtc : day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);

    /// <summary>A response received on <paramref name="receivedOn"/>, recorded now.</summary>
    public static TakedownResponse Record(
        TakedownRequest request, DateOnly receivedOn, TakedownOutcome outcome, string? reason, string? note, Guid by, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new TakedownResponse
        {
            Id = Guid.NewGuid(),
            RequestId = request.Id,
            CaseId = request.CaseId,
            ReceivedOn = receivedOn,
            ReceivedUtc = MomentOf(receivedOn, nowUtc),
            Outcome = outcome,
            Reason = reason?.Trim() ?? "",
            Note = note?.Trim() ?? "",
            RecordedBy = by,
            RecordedUtc = nowUtc,
        };
    }

    public static string DisplayName(TakedownOutcome outcome) => outcome switch
    {
        TakedownOutcome.Removed => "Removed",
        TakedownOutcome.Refused => "Refused",
        TakedownOutcome.AskedForMore => "Asked for more information",
        _ => "No answer",
    };
}
