using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;
using static IncidentResponse.Domain.Safety.ThreatQuestionnaire;

namespace IncidentResponse.Domain.Tests.Safety;

public sealed class ContactFindingsTests
{
    [Fact]
    public void A_demand_with_a_deadline_and_a_threat_of_violence_answers_those_questions_yes()
    {
        var contact = ContactDetails.Empty with
        {
            Demands = ContactDemands.Money,
            DeadlineOn = new DateOnly(2026, 12, 8),
            Threats = ContactThreats.Violence | ContactThreats.ShareImages,
        };

        Assert.Equal([ThreatToShare, Demands, ThreatOfHarm, Deadline], ContactFindings.QuestionsAnswered(contact, underEighteen: false));
    }

    [Fact]
    public void Self_harm_used_as_pressure_is_the_persons_threat_not_yours()
    {
        var contact = ContactDetails.Empty with { Threats = ContactThreats.SelfHarmAsPressure };

        var answered = ContactFindings.QuestionsAnswered(contact, underEighteen: false);

        Assert.Equal([ThreatenedSuicide], answered);
        Assert.DoesNotContain(SelfHarm, answered);
    }

    [Fact]
    public void A_minor_involved_answers_the_under_18_question_only_alongside_something_the_contact_shows()
    {
        var demand = ContactDetails.Empty with { Demands = ContactDemands.MoreImages };

        Assert.Contains(UnderEighteen, ContactFindings.QuestionsAnswered(demand, underEighteen: true));
        Assert.DoesNotContain(UnderEighteen, ContactFindings.QuestionsAnswered(demand, underEighteen: false));
        Assert.Empty(ContactFindings.QuestionsAnswered(ContactDetails.Empty with { Phone = "07700 900123" }, underEighteen: true));
    }

    [Fact]
    public void Raising_only_ever_adds_and_says_what_it_added()
    {
        var before = Answers.With((Demands, ThreatAnswer.Yes), (ThreatOfHarm, ThreatAnswer.NotSure), (Weapons, ThreatAnswer.Yes));
        var contact = ContactDetails.Empty with { Demands = ContactDemands.Money, Threats = ContactThreats.Violence, DeadlineOn = new DateOnly(2026, 12, 8) };

        var (after, added) = ContactFindings.Raise(before, contact, underEighteen: false);

        Assert.Equal([ThreatOfHarm, Deadline], added);
        Assert.Equal(ThreatAnswer.Yes, after[ThreatOfHarm]);
        Assert.Equal(ThreatAnswer.Yes, after[Weapons]);
        Assert.Equal(ThreatAnswer.No, after[Stalking]);
        Assert.Empty(ContactFindings.Raise(after, contact, underEighteen: false).Added);
    }

    [Fact]
    public void A_deadline_lifts_the_level_to_at_least_elevated_with_its_own_reason()
    {
        var without = Answers.ScoreYes();
        var with = Answers.ScoreYes(Deadline);

        Assert.Equal(ThreatLevel.Standard, without.Level);
        Assert.Equal(ThreatLevel.Elevated, with.Level);
        Assert.Contains(with.Reasons, r => r.Key == Deadline && r.Text == "Because you said the person has given you a deadline.");
    }

    [Fact]
    public void A_contact_re_scored_over_earlier_answers_shows_what_changed()
    {
        var earlier = new ThreatAssessment { Id = Guid.NewGuid() };
        earlier.SetAnswers(Answers.AllNo(), DateTime.UnixEpoch);
        var first = earlier.Complete(DateTime.UnixEpoch);
        var contact = ContactDetails.Empty with { Demands = ContactDemands.Money, Threats = ContactThreats.Violence };

        var raised = new ThreatAssessment { Id = Guid.NewGuid() };
        raised.SetAnswers(ContactFindings.Raise(earlier.Answers, contact, underEighteen: false).Answers, DateTime.UnixEpoch.AddDays(1));
        var second = raised.Complete(DateTime.UnixEpoch.AddDays(1));

        Assert.Equal(ThreatLevel.Standard, first.Level);
        Assert.Equal(ThreatLevel.High, second.Level);
        Assert.True(second.Has(ThreatSignals.Sextortion));
        Assert.True(second.Has(ThreatSignals.ThreatOfViolence));
    }

    [Fact]
    public void Answers_given_before_the_deadline_question_still_score_without_it()
    {
        var older = Answers.AllNo();
        older.Remove(Deadline);

        var result = ThreatScorer.Score(older, questionnaireVersion: 3);

        Assert.False(result.IsDraft);
        Assert.Equal(ThreatLevel.Standard, result.Level);
    }
}
