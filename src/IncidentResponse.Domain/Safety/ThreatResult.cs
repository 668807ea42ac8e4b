namespace IncidentResponse.Domain.Safety;

/// <summary>
/// One sentence explaining part of a level, shown to the person. <see cref="AtLeast"/> is the level this reason on
/// its own guarantees (an override), or null when it only adds <see cref="Points"/> to the score. <see cref="Report"/> is
/// the same answer in the third person, for the binder ("The survivor said …"). <see cref="NotSure"/>: the answer was
/// "Not sure".
/// </summary>
public sealed record ThreatReason(string Key, string Text, int Points, ThreatLevel? AtLeast, string Report = "", bool NotSure = false);

/// <summary>
/// The outcome of scoring one answer set. A draft (some required questions unanswered) has no score, no level, no
/// signals and no reasons: it lists what is missing and is never scored.
/// </summary>
public sealed record ThreatResult
{
    public required int QuestionnaireVersion { get; init; }

    /// <summary>Ids of required questions without an answer, in questionnaire order. Empty when complete.</summary>
    public required IReadOnlyList<string> MissingRequired { get; init; }

    /// <summary>The weighted score, or null for a draft.</summary>
    public int? Score { get; init; }

    /// <summary>The level the score alone gives, before overrides; null for a draft.</summary>
    public ThreatLevel? ScoreLevel { get; init; }

    /// <summary>The level to act on: the score's level raised by any overrides; null for a draft.</summary>
    public ThreatLevel? Level { get; init; }

    /// <summary>
    /// The level the same answers would give with every "Not sure" taken as "No": lower than <see cref="Level"/> when the
    /// level rests on answers the person was not sure about. Null for a draft.
    /// </summary>
    public ThreatLevel? LevelIfSureAnswersOnly { get; init; }

    /// <summary>
    /// The level is higher than the answers the person was sure of would give: "Not sure" answers raised it, because a
    /// doubt about danger is treated with caution. Say so wherever the level is shown.
    /// </summary>
    public bool RestsOnNotSure => Level is { } level && LevelIfSureAnswersOnly is { } sure && level > sure;

    public ThreatSignals Signals { get; init; }

    /// <summary>Why the level is what it is, most important first.</summary>
    public IReadOnlyList<ThreatReason> Reasons { get; init; } = [];

    public bool IsDraft => MissingRequired.Count > 0;

    /// <summary>The fixed sentence explaining what the level is for. Show it wherever the level is shown.</summary>
    public string Purpose => ThreatScorer.PurposeStatement;

    public bool Has(ThreatSignals signal) => (Signals & signal) == signal;
}
