using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Domain.Tests.Safety;

/// <summary>Builds answer sets for the threat assessment: everything "No" unless told otherwise.</summary>
internal static class Answers
{
    public static Dictionary<string, ThreatAnswer> AllNo() =>
        ThreatQuestionnaire.Questions.ToDictionary(q => q.Id, _ => ThreatAnswer.No, StringComparer.Ordinal);

    public static Dictionary<string, ThreatAnswer> With(params (string Id, ThreatAnswer Answer)[] answers)
    {
        var set = AllNo();
        foreach (var (id, answer) in answers)
        {
            set[id] = answer;
        }

        return set;
    }

    public static Dictionary<string, ThreatAnswer> Yes(params string[] ids) =>
        With(ids.Select(id => (id, ThreatAnswer.Yes)).ToArray());

    public static ThreatResult Score(params (string Id, ThreatAnswer Answer)[] answers) =>
        ThreatScorer.Score(With(answers));

    public static ThreatResult ScoreYes(params string[] ids) => ThreatScorer.Score(Yes(ids));
}
