using System.Globalization;
using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Domain.Tests.Safety;

/// <summary>
/// The safety questions as a person reads them (ADR 0030): in English exactly the words the questionnaire and the scorer
/// hold (which stay the stored and reported ones), in Spanish and French every question, hint, answer, reason and level
/// translated.
/// </summary>
public sealed class ThreatWordsShownTests
{
    public static TheoryData<ThreatAnswer> Answers() => [ThreatAnswer.Yes, ThreatAnswer.NotSure];

    [Theory]
    [MemberData(nameof(Answers))]
    public void In_English_every_question_reason_and_level_reads_as_it_is_held(ThreatAnswer answer)
    {
        var result = ThreatScorer.Score(ThreatQuestionnaire.Questions.ToDictionary(q => q.Id, _ => answer));
        InLanguage.Read("en", () =>
        {
            Assert.NotEmpty(result.Reasons);
            Assert.All(result.Reasons, r => Assert.Equal(r.Text, ThreatQuestionnaire.ReasonShown(r, toOwner: true)));
            Assert.All(result.Reasons, r => Assert.Equal(r.Report, ThreatQuestionnaire.ReasonShown(r, toOwner: false)));
            Assert.All(ThreatQuestionnaire.Questions, q => Assert.Equal(q.Text, ThreatQuestionnaire.TextShown(q)));
            Assert.All(ThreatQuestionnaire.Questions, q => Assert.Equal(q.HelpText, ThreatQuestionnaire.HelpShown(q)));
            Assert.All(ThreatQuestionnaire.AnswerOptions, o => Assert.Equal(o.Label, ThreatQuestionnaire.AnswerShown(o.Answer)));
            Assert.All(Enumerable.Range(1, ThreatQuestionnaire.Steps.Count), i => Assert.Equal(ThreatQuestionnaire.Steps[i - 1].Title, ThreatQuestionnaire.StepTitleShown(i)));
            Assert.All(Enum.GetValues<ThreatLevel>(), l => Assert.Equal(ThreatLevels.DisplayName(l), ThreatLevels.DisplayNameShown(l)));
            Assert.All(Enum.GetValues<ThreatLevel>(), l => Assert.Equal(ThreatLevels.Describe(l), ThreatLevels.DescribeShown(l)));
            Assert.Equal(ThreatScorer.PurposeStatement, ThreatScorer.PurposeShown);
            return 0;
        });
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public void In_Spanish_and_French_every_reason_is_translated(ThreatAnswer answer)
    {
        var result = ThreatScorer.Score(ThreatQuestionnaire.Questions.ToDictionary(q => q.Id, _ => answer));
        foreach (var language in new[] { "es", "fr" })
        {
            InLanguage.Read(language, () =>
            {
                Assert.All(result.Reasons, r => Assert.NotEqual(r.Text, ThreatQuestionnaire.ReasonShown(r, toOwner: true)));
                Assert.All(result.Reasons, r => Assert.NotEqual(r.Report, ThreatQuestionnaire.ReasonShown(r, toOwner: false)));
                Assert.All(ThreatQuestionnaire.Questions, q => Assert.NotEqual(q.Text, ThreatQuestionnaire.TextShown(q)));
                return 0;
            });
        }
    }
}
