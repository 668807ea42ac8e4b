namespace IncidentResponse.Domain.Takedowns;

/// <summary>
/// When to expect an answer to a letter, counted from when it was sent: the date and time the person recorded for its
/// submission, never the letter's own date (a letter is finalised before it is sent).
/// </summary>
/// <remarks>
/// A TAKE IT DOWN Act request: 48 hours, the removal duty the Act puts on covered platforms. Every other kind: 7 days.
/// The DMCA asks for action "expeditiously" and the DSA "in a timely manner"; neither gives a number, and platforms
/// mostly do not publish one, so 7 days is our own default: long enough for a review, short enough that a follow-up is
/// not left for weeks. Preservation letters use the same 7 days to check that records were kept. A data protection
/// delisting request: one calendar month, the answer period GDPR / UK GDPR Article 12(3) gives the controller (the
/// date the letter itself states), so it is not marked overdue before the search engine's time is up.
/// </remarks>
public static class TakedownDeadlines
{
    public static readonly TimeSpan TakeItDownWindow = TimeSpan.FromHours(48);

    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(7);

    public static TimeSpan WindowFor(LetterKind kind) =>
        kind == LetterKind.TakeItDownRequest ? TakeItDownWindow : DefaultWindow;

    /// <summary>When an answer is due for a letter of this kind sent at <paramref name="sentAt"/>.</summary>
    public static DateTimeOffset DueBy(LetterKind kind, DateTimeOffset sentAt) =>
        kind == LetterKind.DataProtectionDelisting ? sentAt.AddMonths(1) : sentAt + WindowFor(kind);

    /// <summary>True when the answer is overdue at <paramref name="now"/>.</summary>
    public static bool IsOverdue(LetterKind kind, DateTimeOffset sentAt, DateTimeOffset now) => now > DueBy(kind, sentAt);
}
