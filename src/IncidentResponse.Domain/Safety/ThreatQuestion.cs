using System.Globalization;

namespace IncidentResponse.Domain.Safety;

/// <summary>
/// One question of the threat assessment. <see cref="Id"/> is the stable key stored with an answer; never reuse or
/// rename one. <see cref="Fact"/> is the plain phrase the reasons are built from ("the person has threatened to kill
/// you or someone close to you"). <see cref="IntroducedIn"/> is the questionnaire version that first asked it: answers
/// saved under an earlier version are never counted as missing it.
/// </summary>
public sealed record ThreatQuestion(
    string Id,
    string Text,
    string? HelpText,
    bool Required,
    int Weight,
    string Fact,
    int IntroducedIn = 1)
{
    /// <summary>Points a "Not sure" answer contributes: half the weight. Weights are even so this is exact.</summary>
    public int NotSurePoints => Weight / 2;

    /// <summary>Points the given answer contributes to the score.</summary>
    public int PointsFor(ThreatAnswer answer) => answer switch
    {
        ThreatAnswer.Yes => Weight,
        ThreatAnswer.NotSure => NotSurePoints,
        _ => 0,
    };

    /// <summary>The sentence shown to the person for a "Yes" answer.</summary>
    public string YesReason => string.Create(CultureInfo.InvariantCulture, $"Because you said {Fact}.");

    /// <summary>The sentence shown to the person for a "Not sure" answer.</summary>
    public string NotSureReason => string.Create(CultureInfo.InvariantCulture, $"Because you weren't sure whether {Fact}.");
}
