using System.Globalization;

namespace IncidentResponse.Domain.Safety;

/// <summary>
/// One question of the threat assessment. <see cref="Id"/> is the stable key stored with an answer; never reuse or
/// rename one. <see cref="Fact"/> is the plain phrase the reasons are built from ("the person has threatened to kill
/// you or someone close to you"); <see cref="Reported"/> is the same fact in the third person, as a document handed to
/// someone else reports it ("the other person has threatened to kill them or someone close to them").
/// <see cref="IntroducedIn"/> is the questionnaire version that first asked it: answers
/// saved under an earlier version are never counted as missing it.
/// </summary>
public sealed record ThreatQuestion(
    string Id,
    string Text,
    string? HelpText,
    bool Required,
    int Weight,
    string Fact,
    string Reported,
    int IntroducedIn = 1)
{
    /// <summary>Who a third-person report speaks of: the person whose case it is.</summary>
    public const string Subject = "The survivor";

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

    /// <summary>
    /// The sentence shown to the person for a "Not sure" answer: not sure is a fine answer, and it is counted with care
    /// (half the weight, and some floors) so that a doubt about danger is never read as safety.
    /// </summary>
    public string NotSureReason => string.Create(CultureInfo.InvariantCulture, $"You said you're not sure whether {Fact} — that's OK; we've taken it seriously to be safe.");

    /// <summary>A "Yes" answer reported in the third person, for a document someone else reads.</summary>
    public string YesReport => string.Create(CultureInfo.InvariantCulture, $"{Subject} said {Reported}.");

    /// <summary>A "Not sure" answer reported in the third person, for a document someone else reads.</summary>
    public string NotSureReport => string.Create(CultureInfo.InvariantCulture, $"{Subject} was not sure whether {Reported}.");
}
