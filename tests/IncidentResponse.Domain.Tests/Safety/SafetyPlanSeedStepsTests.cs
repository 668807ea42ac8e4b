using IncidentResponse.Domain.Safety;
using static IncidentResponse.Domain.Safety.SafetyStepCatalog;

namespace IncidentResponse.Domain.Tests.Safety;

/// <summary>
/// The seed steps every plan needs (issue 15): securing devices and accounts, peer support, keeping each takedown
/// confirmation, sexual assault support where images were made without consent, the TAKE IT DOWN Act for US cases, and
/// a warning before blocking someone the survivor knows.
/// </summary>
public sealed class SafetyPlanSeedStepsTests
{
    private static readonly SafetyPlanInput Baseline =
        new(PerpetratorKnown.Unknown, ThreatsReceived: false, LegalActionIntent.No, LatestThreatResult: null);

    [Theory]
    [InlineData(PerpetratorKnown.Known)]
    [InlineData(PerpetratorKnown.Unknown)]
    [InlineData(PerpetratorKnown.NotSure)]
    public void Every_plan_has_device_security_peer_support_and_keeping_takedown_confirmations(PerpetratorKnown perpetrator)
    {
        var keys = SafetyPlanBuilder.Build(Baseline with { Perpetrator = perpetrator }).Select(i => i.Key).ToList();

        Assert.Contains(SecureDevices, keys);
        Assert.Contains(PeerSupport, keys);
        Assert.Contains(KeepTakedownConfirmations, keys);
        Assert.True(keys.IndexOf(KeepTakedownConfirmations) == keys.IndexOf(TakedownRoute) + 1, "Keeping the confirmation comes straight after the takedown step.");
    }

    [Fact]
    public void Securing_devices_names_stalkerware_passwords_two_step_sign_in_and_signed_in_sessions()
    {
        var body = Get(SecureDevices).Body;

        Assert.Contains("stalkerware", body, StringComparison.Ordinal);
        Assert.Contains("passwords", body, StringComparison.Ordinal);
        Assert.Contains("two-step sign-in", body, StringComparison.Ordinal);
        Assert.Contains("signed-in devices or sessions", body, StringComparison.Ordinal);
        Assert.Contains("they may notice", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Sexual_assault_support_is_absent_without_an_answer_about_consent()
    {
        Assert.DoesNotContain(SafetyPlanBuilder.Build(Baseline), i => i.Key == SafetyStepCatalog.SexualAssaultSupport);
        Assert.DoesNotContain(
            SafetyPlanBuilder.Build(Baseline with { LatestThreatResult = Answers.Score((ThreatQuestionnaire.MadeWithoutConsent, ThreatAnswer.No)) }),
            i => i.Key == SafetyStepCatalog.SexualAssaultSupport);
    }

    [Theory]
    [InlineData(ThreatAnswer.Yes)]
    [InlineData(ThreatAnswer.NotSure)]
    public void Sexual_assault_support_appears_when_images_may_have_been_made_without_consent(ThreatAnswer answer)
    {
        var result = Answers.Score((ThreatQuestionnaire.MadeWithoutConsent, answer));

        var item = Assert.Single(SafetyPlanBuilder.Build(Baseline with { LatestThreatResult = result }), i => i.Key == SafetyStepCatalog.SexualAssaultSupport);

        Assert.True(result.Has(ThreatSignals.MadeWithoutConsent));
        Assert.Equal(SafetySection.Consider, item.Section);
        Assert.NotNull(item.Why);
    }

    [Theory]
    [InlineData("US", "National Sexual Assault Hotline (RAINN) (1-800-656-4673)")]
    [InlineData("IE", "National Rape Crisis Helpline (Dublin Rape Crisis Centre) (1800 77 88 88)")]
    [InlineData("AU", "1800RESPECT (1800 737 732)")]
    [InlineData("GB", "Rape Crisis 24/7 Rape and Sexual Abuse Support Line (England and Wales)")]
    [InlineData("INTL", "a local rape crisis or sexual assault service")]
    public void Sexual_assault_support_names_the_services_of_the_case_s_pack(string code, string expected)
    {
        var input = Baseline with { LatestThreatResult = Answers.ScoreYes(ThreatQuestionnaire.MadeWithoutConsent) };

        var item = Assert.Single(SafetyPlanBuilder.Build(input, TestPacks.Shipped.Get(code)), i => i.Key == SafetyStepCatalog.SexualAssaultSupport);

        Assert.Contains(expected, item.Step.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void On_the_under_18_route_the_takedown_confirmation_is_kept_in_words_never_as_a_screenshot()
    {
        var adult = Assert.Single(SafetyPlanBuilder.Build(Baseline), i => i.Key == KeepTakedownConfirmations);
        var wordsOnly = Assert.Single(SafetyPlanBuilder.Build(Baseline with { WordsOnly = true }), i => i.Key == KeepTakedownConfirmations);

        Assert.Contains("take a screenshot of it", adult.Step.Body, StringComparison.Ordinal);
        Assert.Equal(KeepTakedownConfirmationsInWords, wordsOnly.Step.Body);
        Assert.Contains("in words", wordsOnly.Step.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("take a screenshot of it", wordsOnly.Step.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("save the confirmation page", wordsOnly.Step.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_takedown_step_names_the_TAKE_IT_DOWN_Act_for_a_US_case_only()
    {
        string TakedownBody(string code) =>
            Assert.Single(SafetyPlanBuilder.Build(Baseline, TestPacks.Shipped.Get(code)), i => i.Key == TakedownRoute).Step.Body;

        Assert.Contains("TAKE IT DOWN Act", TakedownBody("US"), StringComparison.Ordinal);
        Assert.All(["GB", "IE", "CA", "AU", "INTL"], code => Assert.DoesNotContain("TAKE IT DOWN Act", TakedownBody(code), StringComparison.Ordinal));
        Assert.All(["GB", "US"], code => Assert.False(TakedownBody(code).EndsWith('\n'), "No empty paragraph is left behind."));
    }

    [Fact]
    public void The_US_takedown_law_shows_where_it_comes_from_beside_the_step()
    {
        var facts = SafetyText.FactsIn(Get(TakedownRoute).Body, TestPacks.Shipped.Get("US"));

        var (_, fact) = Assert.Single(facts, f => f.Label.Contains("TAKE IT DOWN Act", StringComparison.Ordinal));
        Assert.StartsWith("https://uscode.house.gov/", fact.SourceUrl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PerpetratorKnown.Known)]
    [InlineData(PerpetratorKnown.NotSure)]
    public void Blocking_advice_warns_first_when_the_person_may_be_someone_the_survivor_knows(PerpetratorKnown perpetrator)
    {
        var plan = SafetyPlanBuilder.Build(Baseline with { Perpetrator = perpetrator, LatestThreatResult = Answers.ScoreYes(ThreatQuestionnaire.Demands) });

        Assert.Contains(SafetyPlanBuilder.BlockingKnownPersonNote, Assert.Single(plan, i => i.Key == ManageCommunication).Notes);
        Assert.Contains(SafetyPlanBuilder.BlockingKnownPersonNote, Assert.Single(plan, i => i.Key == SextortionResponse).Notes);
        Assert.Contains("safety plan", SafetyPlanBuilder.BlockingKnownPersonNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Blocking_advice_has_no_such_warning_when_the_person_is_a_stranger()
    {
        var plan = SafetyPlanBuilder.Build(Baseline with { LatestThreatResult = Answers.ScoreYes(ThreatQuestionnaire.Demands) });

        Assert.All(plan, i => Assert.DoesNotContain(SafetyPlanBuilder.BlockingKnownPersonNote, i.Notes));
    }
}
