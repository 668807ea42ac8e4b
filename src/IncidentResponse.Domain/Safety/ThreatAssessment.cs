using System.Text.Json;
using IncidentResponse.Domain.Data;

namespace IncidentResponse.Domain.Safety;

/// <summary>
/// One sitting of the threat assessment: dated answers, and once complete, the score and level they gave. A draft
/// (<see cref="CompletedUtc"/> null) is never scored. Every completed one is kept, so the history shows change over time.
/// </summary>
public sealed class ThreatAssessment : IVersioned
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public Guid TakenByUserId { get; set; }

    public DateTime StartedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public DateTime? CompletedUtc { get; set; }

    public int QuestionnaireVersion { get; set; }

    /// <summary>Question id to answer, as JSON (ids are stable; answers to unknown ids are ignored when scoring).</summary>
    public string AnswersJson { get; set; } = "{}";

    public int? Score { get; set; }

    public ThreatLevel? Level { get; set; }

    public ThreatSignals Signals { get; set; }

    public uint Version { get; set; }

    /// <summary>
    /// Set when logging a contact from the person responsible raised these answers (see <see cref="ContactFindings"/>):
    /// the entry that did. Null for answers given on the questionnaire.
    /// </summary>
    public Guid? FromIncidentId { get; set; }

    public bool IsDraft => CompletedUtc is null;

    public IReadOnlyDictionary<string, ThreatAnswer> Answers =>
        JsonSerializer.Deserialize<Dictionary<string, ThreatAnswer>>(AnswersJson) ?? [];

    public void SetAnswers(IReadOnlyDictionary<string, ThreatAnswer> answers, DateTime nowUtc)
    {
        AnswersJson = JsonSerializer.Serialize(answers.OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Value));
        UpdatedUtc = nowUtc;
    }

    /// <summary>Scores the answers; completes the assessment only when nothing required is missing.</summary>
    public ThreatResult Complete(DateTime nowUtc)
    {
        var result = ThreatScorer.Score(Answers);
        QuestionnaireVersion = result.QuestionnaireVersion;
        if (result.IsDraft)
        {
            return result;
        }

        CompletedUtc = nowUtc;
        UpdatedUtc = nowUtc;
        Score = result.Score;
        Level = result.Level;
        Signals = result.Signals;
        return result;
    }

    /// <summary>The result as the person saw it (reasons are re-derived from the stored answers).</summary>
    public ThreatResult? Result => IsDraft ? null : ThreatScorer.Score(Answers, QuestionnaireVersion);
}
