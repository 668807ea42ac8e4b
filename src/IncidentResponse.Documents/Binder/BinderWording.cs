using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Documents.Binder;

/// <summary>
/// The app's own words for what the binder prints, handed in by the web app, so a moment, a date, an incident's time,
/// a person or a letter's status reads in the binder exactly as it does on the case's pages.
/// </summary>
/// <param name="Moment">A moment in UTC, with the person's own time beside it once they have chosen a zone.</param>
/// <param name="Date">A calendar date.</param>
/// <param name="IncidentWhen">When an incident happened, with the same moment in UTC beside it when it is known.</param>
/// <param name="Perpetrator">Who is behind an incident, as the person put it.</param>
/// <param name="LetterStatus">Where a takedown letter stands.</param>
/// <param name="HistoryIntactForAlly">The history's check, put to someone helping, when it is intact.</param>
/// <param name="HistoryBrokenForAlly">The history's check, put to someone helping, when part of it does not match.</param>
public sealed record BinderWording(
    Func<DateTime, string> Moment,
    Func<DateOnly, string> Date,
    Func<Incident, string> IncidentWhen,
    Func<PerpetratorKnown, string, string> Perpetrator,
    Func<TakedownStatus, string> LetterStatus,
    string HistoryIntactForAlly,
    string HistoryBrokenForAlly);

/// <summary>
/// Who the binder is made by, for what it may say of the people on the case and of the case's history: another ally
/// may be "someone helping", and the history's size and sequence numbers are the owner's.
/// </summary>
/// <param name="SeesWholeHistory">Whether the history's size and sequence numbers may be printed (the owner only).</param>
/// <param name="NameOf">The name to print for a person, from their id and username (null when the account is gone).</param>
public sealed record BinderAudience(bool SeesWholeHistory, Func<Guid, string?, string> NameOf);
