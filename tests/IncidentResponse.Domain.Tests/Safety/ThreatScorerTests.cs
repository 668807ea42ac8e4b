using IncidentResponse.Domain.Safety;
using static IncidentResponse.Domain.Safety.ThreatQuestionnaire;

namespace IncidentResponse.Domain.Tests.Safety;

public sealed class ThreatScorerTests
{
    private const ThreatAnswer Yes = ThreatAnswer.Yes;
    private const ThreatAnswer NotSure = ThreatAnswer.NotSure;

    public static TheoryData<string> AllQuestionIds() => new(Questions.Select(q => q.Id));

    [Fact]
    public void All_no_is_standard_with_nothing_to_explain()
    {
        var result = ThreatScorer.Score(Answers.AllNo());

        Assert.False(result.IsDraft);
        Assert.Equal(0, result.Score);
        Assert.Equal(ThreatLevel.Standard, result.Level);
        Assert.Equal(ThreatLevel.Standard, result.ScoreLevel);
        Assert.Equal(ThreatSignals.None, result.Signals);
        Assert.Empty(result.Reasons);
        Assert.Equal(ThreatQuestionnaire.Version, result.QuestionnaireVersion);
    }

    [Theory]
    [MemberData(nameof(AllQuestionIds))]
    public void Yes_adds_the_full_weight_and_not_sure_adds_half(string id)
    {
        var question = Find(id)!;

        Assert.Equal(question.Weight, Answers.Score((id, Yes)).Score);
        Assert.Equal(question.Weight / 2, Answers.Score((id, NotSure)).Score);
    }

    [Fact]
    public void Scores_add_up_across_questions()
    {
        var result = Answers.Score((ThreatToShare, Yes), (Escalation, NotSure), (Separation, Yes));

        Assert.Equal(4 + 3 + 4, result.Score);
    }

    [Theory]
    [InlineData(0, ThreatLevel.Standard)]
    [InlineData(9, ThreatLevel.Standard)]
    [InlineData(10, ThreatLevel.Elevated)]
    [InlineData(19, ThreatLevel.Elevated)]
    [InlineData(20, ThreatLevel.High)]
    [InlineData(34, ThreatLevel.High)]
    [InlineData(35, ThreatLevel.ImmediateDanger)]
    [InlineData(82, ThreatLevel.ImmediateDanger)]
    public void Score_thresholds_map_to_levels(int score, ThreatLevel expected)
    {
        Assert.Equal(expected, ThreatScorer.LevelForScore(score));
    }

    [Fact]
    public void Maximum_score_is_reachable_and_immediate_danger()
    {
        var result = ThreatScorer.Score(Questions.ToDictionary(q => q.Id, _ => Yes));

        Assert.Equal(ThreatQuestionnaire.MaximumScore, result.Score);
        Assert.Equal(ThreatLevel.ImmediateDanger, result.Level);
    }

    [Fact]
    public void Score_alone_can_reach_elevated_without_any_override()
    {
        var result = Answers.ScoreYes(ThreatToShare, Escalation);

        Assert.Equal(10, result.Score);
        Assert.Equal(ThreatLevel.Elevated, result.ScoreLevel);
        Assert.Equal(ThreatLevel.Elevated, result.Level);
        Assert.All(result.Reasons, r => Assert.Null(r.AtLeast));
    }

    [Fact]
    public void Score_alone_can_reach_high_without_any_override()
    {
        var result = Answers.ScoreYes(ThreatToShare, KnowsLocation, Escalation, PastViolence);

        Assert.Equal(22, result.Score);
        Assert.Equal(ThreatLevel.High, result.Level);
        Assert.All(result.Reasons, r => Assert.Null(r.AtLeast));
    }

    [Theory]
    [InlineData(AfraidNow, Yes, ThreatLevel.ImmediateDanger)]
    [InlineData(AfraidNow, NotSure, ThreatLevel.High)]
    [InlineData(ThreatToKill, Yes, ThreatLevel.ImmediateDanger)]
    [InlineData(ThreatToKill, NotSure, ThreatLevel.High)]
    [InlineData(Weapons, Yes, ThreatLevel.ImmediateDanger)]
    [InlineData(Weapons, NotSure, ThreatLevel.Elevated)]
    [InlineData(ThreatOfHarm, Yes, ThreatLevel.High)]
    [InlineData(ThreatOfHarm, NotSure, ThreatLevel.Elevated)]
    [InlineData(Demands, Yes, ThreatLevel.Elevated)]
    [InlineData(Stalking, Yes, ThreatLevel.Elevated)]
    [InlineData(Doxxing, Yes, ThreatLevel.Elevated)]
    [InlineData(DeviceAccess, Yes, ThreatLevel.Elevated)]
    [InlineData(Strangulation, Yes, ThreatLevel.High)]
    [InlineData(Strangulation, NotSure, ThreatLevel.Elevated)]
    [InlineData(Controlling, Yes, ThreatLevel.Elevated)]
    [InlineData(ThreatenedSuicide, Yes, ThreatLevel.Elevated)]
    public void A_single_answer_override_sets_a_floor_above_its_score(string id, ThreatAnswer answer, ThreatLevel floor)
    {
        var result = Answers.Score((id, answer));

        Assert.True(result.ScoreLevel < floor, "The override must be what raises the level in this case.");
        Assert.Equal(floor, result.Level);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(id, reason.Key);
        Assert.Equal(floor, reason.AtLeast);
    }

    [Theory]
    [InlineData(Demands, NotSure)]
    [InlineData(Stalking, NotSure)]
    [InlineData(Doxxing, NotSure)]
    [InlineData(DeviceAccess, NotSure)]
    [InlineData(ThreatToShare, Yes)]
    [InlineData(KnowsLocation, Yes)]
    [InlineData(Controlling, NotSure)]
    [InlineData(ThreatenedSuicide, NotSure)]
    public void Answers_without_an_override_only_add_points(string id, ThreatAnswer answer)
    {
        var result = Answers.Score((id, answer));

        Assert.Equal(ThreatLevel.Standard, result.Level);
        Assert.Null(Assert.Single(result.Reasons).AtLeast);
    }

    [Fact]
    public void Past_violence_with_a_recent_separation_is_at_least_high()
    {
        var result = Answers.ScoreYes(PastViolence, Separation);

        Assert.Equal(12, result.Score);
        Assert.Equal(ThreatLevel.Elevated, result.ScoreLevel);
        Assert.Equal(ThreatLevel.High, result.Level);
        Assert.Contains(result.Reasons, r => r.Key == "past-violence-and-separation" && r.AtLeast == ThreatLevel.High);
    }

    [Theory]
    [InlineData(PastViolence)]
    [InlineData(Separation)]
    public void Past_violence_or_separation_alone_has_no_override(string id)
    {
        Assert.Equal(ThreatLevel.Standard, Answers.ScoreYes(id).Level);
    }

    [Fact]
    public void Past_violence_not_sure_with_separation_does_not_trigger_the_combination()
    {
        var result = Answers.Score((PastViolence, NotSure), (Separation, Yes));

        Assert.Equal(ThreatLevel.Standard, result.Level);
    }

    [Fact]
    public void Knowing_where_you_live_with_stalking_is_at_least_high()
    {
        var result = Answers.ScoreYes(KnowsLocation, Stalking);

        Assert.Equal(ThreatLevel.Elevated, result.ScoreLevel);
        Assert.Equal(ThreatLevel.High, result.Level);
        Assert.Contains(result.Reasons, r => r.Key == "knows-location-and-stalking");
    }

    [Fact]
    public void A_higher_score_is_never_lowered_by_a_lower_override()
    {
        var result = Answers.ScoreYes(ThreatOfHarm, Stalking, Doxxing, DeviceAccess, Demands, ThreatToShare, Escalation);

        Assert.Equal(38, result.Score);
        Assert.Equal(ThreatLevel.ImmediateDanger, result.ScoreLevel);
        Assert.Equal(ThreatLevel.High, result.Reasons.Max(r => r.AtLeast));
        Assert.Equal(ThreatLevel.ImmediateDanger, result.Level);
    }

    [Fact]
    public void Overrides_raise_but_never_lower_across_many_answer_sets()
    {
        var random = new Random(20261121);
        var answers = new[] { ThreatAnswer.No, NotSure, Yes };
        for (var run = 0; run < 2000; run++)
        {
            var set = Questions.ToDictionary(q => q.Id, _ => answers[random.Next(answers.Length)]);
            var result = ThreatScorer.Score(set);

            Assert.NotNull(result.Level);
            Assert.True(result.Level >= result.ScoreLevel);
            Assert.Equal(ThreatScorer.LevelForScore(result.Score!.Value), result.ScoreLevel);
            foreach (var rule in ThreatScorer.Overrides.Where(o => set[o.QuestionId] == o.When))
            {
                Assert.True(result.Level >= rule.AtLeast, $"{rule.QuestionId}={rule.When} must give at least {rule.AtLeast}.");
            }

            var expected = result.Reasons.Select(r => r.AtLeast).OfType<ThreatLevel>()
                .Aggregate(result.ScoreLevel!.Value, ThreatLevels.Max);
            Assert.Equal(expected, result.Level);
        }
    }

    [Fact]
    public void Strangulation_weighs_as_much_as_a_threat_to_kill_among_the_strongest_signs()
    {
        var strongest = Questions.Max(q => q.Weight);

        Assert.Equal(strongest, Find(Strangulation)!.Weight);
        Assert.Equal(Find(ThreatToKill)!.Weight, Find(Strangulation)!.Weight);
        Assert.True(Find(Strangulation)!.Weight > Find(PastViolence)!.Weight);
    }

    [Fact]
    public void Strangulation_with_escalation_reaches_immediate_danger_by_score_alone()
    {
        var result = Answers.ScoreYes(Strangulation, Controlling, Escalation, ThreatToShare, KnowsLocation, Separation, Doxxing);

        Assert.Equal(10 + 6 + 6 + 4 + 4 + 4 + 4, result.Score);
        Assert.Equal(ThreatLevel.ImmediateDanger, result.ScoreLevel);
    }

    [Theory]
    [InlineData(Yes)]
    [InlineData(NotSure)]
    public void Sextortion_of_someone_under_18_is_always_the_most_urgent(ThreatAnswer underEighteen)
    {
        var result = Answers.Score((Demands, Yes), (UnderEighteen, underEighteen));

        Assert.Equal(ThreatLevel.ImmediateDanger, result.Level);
        Assert.True(result.ScoreLevel < ThreatLevel.ImmediateDanger, "The rule, not the score, must be what sets the level.");
        var first = result.Reasons[0];
        Assert.Equal(ThreatScorer.UnderEighteenSextortion, first.Key);
        Assert.Equal(ThreatLevel.ImmediateDanger, first.AtLeast);
        Assert.Contains("done nothing wrong", first.Text, StringComparison.Ordinal);
        Assert.True(result.Has(ThreatSignals.Sextortion | ThreatSignals.UnderEighteen));
    }

    [Theory]
    [InlineData(NotSure, Yes)]
    [InlineData(Yes, ThreatAnswer.No)]
    public void Without_both_demands_and_a_possible_under_18_the_sextortion_rule_does_not_apply(ThreatAnswer demands, ThreatAnswer underEighteen)
    {
        var result = Answers.Score((Demands, demands), (UnderEighteen, underEighteen));

        Assert.True(result.Level < ThreatLevel.ImmediateDanger);
        Assert.DoesNotContain(result.Reasons, r => r.Key == ThreatScorer.UnderEighteenSextortion);
    }

    [Theory]
    [InlineData(Yes, true)]
    [InlineData(NotSure, true)]
    [InlineData(ThreatAnswer.No, false)]
    public void Thoughts_of_self_harm_raise_the_self_harm_signal_and_nothing_else(ThreatAnswer answer, bool expected)
    {
        var result = Answers.Score((SelfHarm, answer));

        Assert.Equal(expected, result.Has(ThreatSignals.SelfHarm));
        Assert.Equal(0, result.Score);
        Assert.Equal(ThreatLevel.Standard, result.Level);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void Skipping_the_self_harm_question_raises_no_signal_and_is_complete()
    {
        var answers = Answers.AllNo();
        answers.Remove(SelfHarm);
        answers.Remove(Strangulation);

        var result = ThreatScorer.Score(answers);

        Assert.False(result.IsDraft);
        Assert.False(result.Has(ThreatSignals.SelfHarm));
    }

    [Fact]
    public void Answers_saved_under_version_1_are_not_missing_the_questions_added_later()
    {
        var version1 = Answers.AllNo();
        foreach (var added in Questions.Where(q => q.IntroducedIn > 1))
        {
            version1.Remove(added.Id);
        }

        Assert.False(ThreatScorer.Score(version1, questionnaireVersion: 1).IsDraft);
        Assert.Equal([Controlling, ThreatenedSuicide], ThreatScorer.Score(version1).MissingRequired.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_stored_version_1_assessment_still_shows_its_result()
    {
        var assessment = new ThreatAssessment { QuestionnaireVersion = 1, CompletedUtc = DateTime.UnixEpoch };
        var answers = Answers.With((AfraidNow, Yes));
        foreach (var added in Questions.Where(q => q.IntroducedIn > 1))
        {
            answers.Remove(added.Id);
        }

        assessment.SetAnswers(answers, DateTime.UnixEpoch);

        Assert.Equal(ThreatLevel.ImmediateDanger, assessment.Result!.Level);
    }

    [Fact]
    public void Missing_required_answers_make_a_draft_that_is_never_scored()
    {
        var answers = Answers.Yes(ThreatToKill, AfraidNow, Demands);
        answers.Remove(Weapons);
        answers.Remove(Stalking);

        var result = ThreatScorer.Score(answers);

        Assert.True(result.IsDraft);
        Assert.Equal([Stalking, Weapons], result.MissingRequired);
        Assert.Null(result.Score);
        Assert.Null(result.ScoreLevel);
        Assert.Null(result.Level);
        Assert.Equal(ThreatSignals.None, result.Signals);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public void An_empty_answer_set_lists_every_required_question_in_order()
    {
        var result = ThreatScorer.Score(new Dictionary<string, ThreatAnswer>());

        Assert.Equal(Questions.Where(q => q.Required).Select(q => q.Id), result.MissingRequired);
        Assert.Null(result.Level);
    }

    [Fact]
    public void An_answer_outside_the_enum_counts_as_unanswered()
    {
        var answers = Answers.AllNo();
        answers[Weapons] = (ThreatAnswer)42;

        Assert.Equal([Weapons], ThreatScorer.Score(answers).MissingRequired);
    }

    [Fact]
    public void Skipped_optional_questions_still_give_a_complete_result()
    {
        var answers = Answers.AllNo();
        answers.Remove(PastViolence);
        answers.Remove(Separation);

        var result = ThreatScorer.Score(answers);

        Assert.False(result.IsDraft);
        Assert.Equal(ThreatLevel.Standard, result.Level);
    }

    [Fact]
    public void Answers_to_unknown_questions_are_ignored()
    {
        var answers = Answers.AllNo();
        answers["retired-question"] = Yes;

        var result = ThreatScorer.Score(answers);

        Assert.Equal(0, result.Score);
        Assert.Equal(ThreatLevel.Standard, result.Level);
    }

    [Fact]
    public void Demands_raise_the_sextortion_signal_and_not_sure_does_not()
    {
        Assert.True(Answers.ScoreYes(Demands).Has(ThreatSignals.Sextortion));
        Assert.False(Answers.Score((Demands, NotSure)).Has(ThreatSignals.Sextortion));
        Assert.False(ThreatScorer.Score(Answers.AllNo()).Has(ThreatSignals.Sextortion));
    }

    [Theory]
    [InlineData(ThreatAnswer.Yes, true)]
    [InlineData(ThreatAnswer.NotSure, true)]
    [InlineData(ThreatAnswer.No, false)]
    public void Images_made_under_18_raise_the_under_18_signal(ThreatAnswer answer, bool expected)
    {
        Assert.Equal(expected, Answers.Score((UnderEighteen, answer)).Has(ThreatSignals.UnderEighteen));
    }

    [Fact]
    public void Images_made_under_18_change_neither_score_nor_level()
    {
        var result = Answers.ScoreYes(UnderEighteen);

        Assert.Equal(0, result.Score);
        Assert.Equal(ThreatLevel.Standard, result.Level);
        Assert.Empty(result.Reasons);
        Assert.Equal(ThreatSignals.UnderEighteen, result.Signals);
    }

    [Fact]
    public void Published_personal_details_raise_the_doxxing_signal()
    {
        Assert.True(Answers.ScoreYes(Doxxing).Has(ThreatSignals.DoxxingRisk));
        Assert.False(Answers.Score((Doxxing, NotSure)).Has(ThreatSignals.DoxxingRisk));
    }

    [Theory]
    [InlineData(ThreatAnswer.Yes, true)]
    [InlineData(ThreatAnswer.NotSure, true)]
    [InlineData(ThreatAnswer.No, false)]
    public void Access_to_devices_raises_the_device_signal(ThreatAnswer answer, bool expected)
    {
        Assert.Equal(expected, Answers.Score((DeviceAccess, answer)).Has(ThreatSignals.DeviceCompromise));
    }

    [Theory]
    [InlineData(ThreatOfHarm)]
    [InlineData(ThreatToKill)]
    public void Threats_of_harm_or_to_kill_raise_the_violence_signal(string id)
    {
        Assert.True(Answers.ScoreYes(id).Has(ThreatSignals.ThreatOfViolence));
        Assert.False(Answers.Score((id, NotSure)).Has(ThreatSignals.ThreatOfViolence));
    }

    [Fact]
    public void Reasons_speak_to_the_person_in_their_own_terms()
    {
        var result = Answers.ScoreYes(ThreatToKill);

        Assert.Equal("Because you said the person has threatened to kill you or someone close to you.",
            Assert.Single(result.Reasons).Text);
    }

    [Fact]
    public void Not_sure_reasons_say_kindly_that_not_sure_is_ok_and_was_taken_seriously()
    {
        var result = Answers.Score((Weapons, NotSure));

        var reason = Assert.Single(result.Reasons);
        Assert.Equal("You said you're not sure whether the person has or could easily get a weapon — that's OK; we've taken it seriously to be safe.", reason.Text);
        Assert.True(reason.NotSure);
    }

    [Fact]
    public void Reasons_carry_the_answer_in_the_third_person_for_a_document_someone_else_reads()
    {
        var result = Answers.Score((ThreatToKill, Yes), (Weapons, NotSure));

        Assert.Equal(
            ["The survivor said the other person has threatened to kill them or someone close to them.", "The survivor was not sure whether the other person has or could easily get a weapon."],
            result.Reasons.Select(r => r.Report).ToArray());
    }

    [Fact]
    public void A_level_that_rests_on_not_sure_answers_says_so_and_stays_cautious()
    {
        var result = Answers.Score((AfraidNow, NotSure), (ThreatToKill, NotSure));

        Assert.Equal(ThreatLevel.High, result.Level);
        Assert.Equal(ThreatLevel.Standard, result.LevelIfSureAnswersOnly);
        Assert.True(result.RestsOnNotSure);
    }

    [Fact]
    public void A_level_the_sure_answers_give_on_their_own_does_not_rest_on_not_sure()
    {
        var result = Answers.Score((ThreatToKill, Yes), (Weapons, NotSure));

        Assert.Equal(ThreatLevel.ImmediateDanger, result.Level);
        Assert.Equal(ThreatLevel.ImmediateDanger, result.LevelIfSureAnswersOnly);
        Assert.False(result.RestsOnNotSure);
    }

    [Fact]
    public void Reasons_put_the_most_important_first()
    {
        var result = Answers.Score((ThreatToShare, Yes), (Demands, Yes), (Weapons, NotSure), (AfraidNow, Yes));

        Assert.Equal([AfraidNow, Demands, Weapons, ThreatToShare], result.Reasons.Select(r => r.Key));
    }

    [Fact]
    public void The_purpose_statement_says_the_level_is_not_a_prediction()
    {
        var result = ThreatScorer.Score(Answers.AllNo());

        Assert.Equal(ThreatScorer.PurposeStatement, result.Purpose);
        Assert.Contains("not a prediction", result.Purpose, StringComparison.Ordinal);
        Assert.Contains("which steps of your plan come first", result.Purpose, StringComparison.Ordinal);
    }

    [Fact]
    public void Drafts_carry_the_purpose_statement_too()
    {
        Assert.Equal(ThreatScorer.PurposeStatement, ThreatScorer.Score(new Dictionary<string, ThreatAnswer>()).Purpose);
    }

    [Theory]
    [InlineData(ThreatLevel.Standard)]
    [InlineData(ThreatLevel.Elevated)]
    [InlineData(ThreatLevel.High)]
    [InlineData(ThreatLevel.ImmediateDanger)]
    public void Every_level_has_plain_words_that_do_not_predict(ThreatLevel level)
    {
        Assert.False(string.IsNullOrWhiteSpace(ThreatLevels.DisplayName(level)));
        var description = ThreatLevels.Describe(level);
        Assert.StartsWith("Your plan", description, StringComparison.Ordinal);
        Assert.DoesNotContain("will ", description, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("likely", description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Combination_reasons_never_say_victim_or_revenge_porn()
    {
        Assert.All(ThreatScorer.CombinedOverrides, c =>
        {
            Assert.StartsWith("Because you said", c.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain("victim", c.Reason, StringComparison.OrdinalIgnoreCase);
        });
    }
}
