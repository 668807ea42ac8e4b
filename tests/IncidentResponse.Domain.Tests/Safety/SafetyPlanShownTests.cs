using System.Globalization;
using IncidentResponse.Domain.Safety;
using static IncidentResponse.Domain.Safety.SafetyStepCatalog;

namespace IncidentResponse.Domain.Tests.Safety;

/// <summary>
/// The plan as a person reads it (ADR 0030): in English exactly the words the builder gives, in Spanish and French every
/// title, body, reason and note translated, the same steps in the same order, and the words-only (under-18) route keeping
/// its words-only steps in every language.
/// </summary>
public sealed class SafetyPlanShownTests
{
    private static readonly ThreatResult EveryYes =
        ThreatScorer.Score(ThreatQuestionnaire.Questions.ToDictionary(q => q.Id, _ => ThreatAnswer.Yes));

    public static TheoryData<SafetyPlanInput> Inputs() =>
    [
        new SafetyPlanInput(PerpetratorKnown.Unknown, ThreatsReceived: false, LegalActionIntent.No, LatestThreatResult: null),
        new SafetyPlanInput(PerpetratorKnown.Known, ThreatsReceived: true, LegalActionIntent.Yes, EveryYes),
        new SafetyPlanInput(PerpetratorKnown.NotSure, ThreatsReceived: false, LegalActionIntent.Undecided, EveryYes, WordsOnly: true),
        new SafetyPlanInput(PerpetratorKnown.Known, ThreatsReceived: false, LegalActionIntent.No, LatestThreatResult: null, WordsOnly: true),
    ];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void In_English_the_plan_reads_exactly_as_built(SafetyPlanInput input)
    {
        var built = SafetyPlanBuilder.Build(input);
        var shown = InLanguage.Read("en", () => built.Select(SafetyPlanWords.Shown).ToList());

        Assert.Equal(built.Select(Words), shown.Select(Words));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void In_Spanish_and_French_every_word_is_translated_and_the_steps_are_the_same(SafetyPlanInput input)
    {
        var built = SafetyPlanBuilder.Build(input);
        foreach (var language in new[] { "es", "fr" })
        {
            var shown = InLanguage.Read(language, () => built.Select(SafetyPlanWords.Shown).ToList());

            Assert.Equal(built.Select(i => (i.Key, i.Section, i.MovedUp)), shown.Select(i => (i.Key, i.Section, i.MovedUp)));
            foreach (var (english, translated) in built.Zip(shown))
            {
                Assert.NotEqual(english.Step.Title, translated.Step.Title);
                Assert.NotEqual(english.Step.Body, translated.Step.Body);
                Assert.Equal(english.Why is null, translated.Why is null);
                Assert.NotEqual(english.Why ?? "-", translated.Why ?? "");
                Assert.Equal(english.Notes.Count, translated.Notes.Count);
                Assert.All(english.Notes.Zip(translated.Notes), pair => Assert.NotEqual(pair.First, pair.Second));
                Assert.Equal(Placeholders(english.Step.Body), Placeholders(translated.Step.Body));
            }
        }
    }

    [Fact]
    public void A_words_only_plan_keeps_its_words_only_steps_in_every_language()
    {
        var input = new SafetyPlanInput(PerpetratorKnown.Unknown, ThreatsReceived: false, LegalActionIntent.No, LatestThreatResult: null, WordsOnly: true);
        var built = SafetyPlanBuilder.Build(input);
        foreach (var language in new[] { "es", "fr" })
        {
            var shown = InLanguage.Read(language, () => built.Select(SafetyPlanWords.Shown).ToDictionary(i => i.Key));
            var usual = InLanguage.Read(language, () => SafetyPlanBuilder.Build(input with { WordsOnly = false }).Select(SafetyPlanWords.Shown).ToDictionary(i => i.Key));

            Assert.Contains(UnderEighteenRoutes, shown.Keys);
            foreach (var key in new[] { SaveEvidence, FindPosts, EvidenceBinder, MonitorNewPosts, KeepTakedownConfirmations, ManageCommunication })
            {
                Assert.NotEqual(usual[key].Step.Body, shown[key].Step.Body);
                Assert.Contains(InLanguage.Read(language, () => WordsOnlyAdvice.RecordInWordsShown), shown[SaveEvidence].Step.Body);
            }

            Assert.NotEqual(usual[SaveEvidence].Step.Title, shown[SaveEvidence].Step.Title);
        }
    }

    [Fact]
    public void Fallbacks_follow_the_language()
    {
        var pack = new JurisdictionPack();
        Assert.Equal("Call your local emergency number.", InLanguage.Read("en", () => SafetyText.Resolve("Call {EmergencyNumber}.", pack)));
        Assert.Equal("Call el número de emergencias de tu zona.", InLanguage.Read("es", () => SafetyText.Resolve("Call {EmergencyNumber}.", pack)));
    }

    private static (string Title, string Body, string? Why, string Notes) Words(SafetyPlanItem item) =>
        (item.Step.Title, item.Step.Body, item.Why, string.Join("|", item.Notes));

    private static List<string> Placeholders(string text) =>
        SafetyText.Placeholders.Where(p => text.Contains(p, StringComparison.Ordinal)).ToList();
}
