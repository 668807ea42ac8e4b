using System.Text.RegularExpressions;
using IncidentResponse.Domain.Safety;
using static IncidentResponse.Domain.Safety.ThreatQuestionnaire;

namespace IncidentResponse.Domain.Tests.Safety;

public sealed partial class ThreatQuestionnaireTests
{
    [Fact]
    public void Covers_every_topic_the_assessment_must_ask_about()
    {
        string[] topics =
        [
            ThreatToShare, Demands, ThreatOfHarm, ThreatToKill, KnowsLocation, Doxxing, DeviceAccess, Stalking,
            Escalation, PastViolence, Separation, Weapons, UnderEighteen, AfraidNow, MadeWithoutConsent,
            Strangulation, Controlling, ThreatenedSuicide, SelfHarm, Deadline,
        ];

        Assert.Equal(topics.Order(StringComparer.Ordinal), Questions.Select(q => q.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ids_are_unique_stable_kebab_case_keys()
    {
        Assert.Equal(Questions.Count, Questions.Select(q => q.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Questions, q => Assert.Matches(KebabCase(), q.Id));
    }

    [Fact]
    public void Every_question_has_plain_text_ending_in_a_question_mark()
    {
        Assert.All(Questions, q =>
        {
            Assert.False(string.IsNullOrWhiteSpace(q.Text));
            Assert.EndsWith("?", q.Text, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(q.Fact));
        });
    }

    [Fact]
    public void Weights_are_even_so_not_sure_counts_exactly_half()
    {
        Assert.All(Questions, q =>
        {
            Assert.True(q.Weight >= 0);
            Assert.Equal(0, q.Weight % 2);
            Assert.Equal(q.Weight / 2, q.PointsFor(ThreatAnswer.NotSure));
            Assert.Equal(q.Weight, q.PointsFor(ThreatAnswer.Yes));
            Assert.Equal(0, q.PointsFor(ThreatAnswer.No));
        });
    }

    [Fact]
    public void Only_the_relationship_violence_self_harm_consent_and_deadline_questions_may_be_skipped()
    {
        var optional = Questions.Where(q => !q.Required).Select(q => q.Id).Order(StringComparer.Ordinal);

        Assert.Equal([Deadline, MadeWithoutConsent, PastViolence, SelfHarm, Separation, Strangulation], optional);
    }

    [Fact]
    public void Asks_a_few_questions_per_step_each_question_on_exactly_one_step_in_order()
    {
        Assert.InRange(Steps.Count, 4, 6);
        Assert.All(Steps, step =>
        {
            Assert.False(string.IsNullOrWhiteSpace(step.Title));
            Assert.InRange(step.QuestionIds.Count, 3, 4);
        });
        Assert.Equal(Steps.SelectMany(s => s.QuestionIds), Questions.Select(q => q.Id));
        Assert.All(Questions, q => Assert.Contains(q, QuestionsOnStep(StepOf(q.Id))));
    }

    [Fact]
    public void The_answers_that_act_at_once_are_asked_before_the_last_step_so_help_shows_on_a_next_screen()
    {
        Assert.Equal(1, StepOf(AfraidNow));
        Assert.True(StepOf(SelfHarm) < Steps.Count);
    }

    [Fact]
    public void Questions_say_which_version_added_them()
    {
        string[] added = [Strangulation, Controlling, ThreatenedSuicide, SelfHarm];

        Assert.Equal(4, ThreatQuestionnaire.Version);
        Assert.All(Questions, q => Assert.Equal(q.Id == Deadline ? 4 : added.Contains(q.Id) ? 3 : q.Id == MadeWithoutConsent ? 2 : 1, q.IntroducedIn));
    }

    [Fact]
    public void Names_its_sources_each_with_its_own_https_page_and_an_honest_date()
    {
        var today = new DateOnly(2026, 12, 5);

        Assert.Contains(Sources, s => s.Name.Contains("Dash", StringComparison.Ordinal));
        Assert.Contains(Sources, s => s.Name.Contains("Danger Assessment", StringComparison.Ordinal));
        Assert.All(Sources, source =>
        {
            Assert.False(SourcedFacts.IsSelfCited(source.SourceUrl));
            Assert.False(string.IsNullOrWhiteSpace(source.Description));
            if (source.NeedsReview)
            {
                Assert.Equal("", source.LastVerified);
            }
            else
            {
                Assert.True(SourcedFacts.CheckedOn(source) <= today);
            }
        });
    }

    [Fact]
    public void Every_question_offers_yes_no_and_not_sure()
    {
        Assert.Equal(
            [ThreatAnswer.Yes, ThreatAnswer.No, ThreatAnswer.NotSure],
            AnswerOptions.Select(o => o.Answer));
        Assert.Equal(["Yes", "No", "Not sure"], AnswerOptions.Select(o => o.Label));
    }

    [Fact]
    public void Asks_first_whether_you_are_afraid_right_now()
    {
        Assert.Equal(AfraidNow, Questions[0].Id);
    }

    [Fact]
    public void Find_returns_null_for_an_unknown_id()
    {
        Assert.Null(Find("no-such-question"));
        Assert.Same(Questions[1], Find(Questions[1].Id));
    }

    [Fact]
    public void Wording_never_says_victim_or_revenge_porn()
    {
        var prose = Questions.SelectMany(q => new[] { q.Text, q.HelpText ?? "", q.YesReason, q.NotSureReason, q.YesReport, q.NotSureReport });

        Assert.All(prose, text =>
        {
            Assert.DoesNotContain("victim", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("revenge porn", text, StringComparison.OrdinalIgnoreCase);
        });
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
