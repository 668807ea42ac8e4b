using IncidentResponse.Domain.Safety;
using static IncidentResponse.Domain.Safety.SafetyStepCatalog;

namespace IncidentResponse.Domain.Tests.Safety;

public sealed class SafetyPlanBuilderTests
{
    private static readonly SafetyPlanInput Baseline =
        new(PerpetratorKnown.Unknown, ThreatsReceived: false, LegalActionIntent.No, LatestThreatResult: null);

    [Fact]
    public void The_catalog_holds_every_step_in_plan_order()
    {
        Assert.Equal(
        [
            PhysicalSafety, BreatheAndReachOut, SextortionResponse, UnderEighteenRoutes, CrisisSupport, SafetyStepCatalog.ThreatAssessment, SaveEvidence,
            SecureDevices, FindPosts, PreservationRequest, IncidentLog, EvidenceBinder, TakedownRoute, KeepTakedownConfirmations,
            OthersAffected, Support, SafetyStepCatalog.SexualAssaultSupport, PeerSupport, MonitorNewPosts, ManageCommunication,
            EmergencyProtectiveOrder, RestrainingOrderAndPoliceReport, DigitalAbuseLawyer,
        ], Steps.Select(s => s.Key));
    }

    [Fact]
    public void Catalog_sections_run_now_then_consider()
    {
        var sections = Steps.Select(s => s.Section).ToList();

        Assert.Equal(sections.Order(), sections);
        Assert.Equal(SafetySection.Now, Get(SaveEvidence).Section);
        Assert.Equal(SafetySection.Then, Get(OthersAffected).Section);
        Assert.Equal(SafetySection.Consider, Get(Support).Section);
    }

    [Fact]
    public void Every_step_has_a_title_a_body_and_a_known_link_target()
    {
        string?[] targets = [null, LinkAssessment, LinkLog, LinkEvidence, LinkTakedowns, LinkBinder, LinkAllies];

        Assert.All(Steps, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Title));
            Assert.False(string.IsNullOrWhiteSpace(s.Body));
            Assert.Contains(s.LinkTarget, targets);
        });
        Assert.Equal(LinkAssessment, Get(SafetyStepCatalog.ThreatAssessment).LinkTarget);
        Assert.Equal(LinkTakedowns, Get(TakedownRoute).LinkTarget);
        Assert.Equal(LinkBinder, Get(EvidenceBinder).LinkTarget);
    }

    [Fact]
    public void Step_statuses_are_the_four_the_web_layer_stores()
    {
        Assert.Equal(
            [SafetyStepStatus.ToDo, SafetyStepStatus.Doing, SafetyStepStatus.Done, SafetyStepStatus.NotForMe],
            Enum.GetValues<SafetyStepStatus>());
    }

    [Fact]
    public void An_unknown_step_key_is_an_error()
    {
        Assert.Throws<KeyNotFoundException>(() => Get("no-such-step"));
    }

    [Fact]
    public void Baseline_plan_has_the_unconditional_steps_in_order()
    {
        var plan = SafetyPlanBuilder.Build(Baseline with { Perpetrator = PerpetratorKnown.Known });

        Assert.Equal(
        [
            PhysicalSafety, BreatheAndReachOut, CrisisSupport, SafetyStepCatalog.ThreatAssessment, SaveEvidence, SecureDevices, FindPosts, IncidentLog,
            EvidenceBinder, TakedownRoute, KeepTakedownConfirmations, OthersAffected, Support, PeerSupport, MonitorNewPosts,
            ManageCommunication, RestrainingOrderAndPoliceReport,
        ], Keys(plan));
        Assert.All(plan, item => Assert.False(item.MovedUp));
        Assert.All(plan, item => Assert.Equal(item.Step.Section, item.Section));
        Assert.All(plan.Where(i => !i.Step.Conditional), item => Assert.Null(item.Why));
    }

    [Fact]
    public void A_known_perpetrator_gets_the_restraining_order_and_police_report_step()
    {
        var plan = SafetyPlanBuilder.Build(Baseline with { Perpetrator = PerpetratorKnown.Known });

        var item = Assert.Single(plan, i => i.Key == RestrainingOrderAndPoliceReport);
        Assert.Equal("Shown because you know who the person is.", item.Why);
        Assert.DoesNotContain(DigitalAbuseLawyer, Keys(plan));
    }

    [Theory]
    [InlineData(PerpetratorKnown.Unknown)]
    [InlineData(PerpetratorKnown.NotSure)]
    public void An_unknown_perpetrator_gets_a_digital_abuse_lawyer_and_no_restraining_order(PerpetratorKnown perpetrator)
    {
        var plan = SafetyPlanBuilder.Build(Baseline with { Perpetrator = perpetrator });

        Assert.Contains(DigitalAbuseLawyer, Keys(plan));
        Assert.DoesNotContain(RestrainingOrderAndPoliceReport, Keys(plan));
        Assert.Equal(DigitalAbuseLawyer, plan[^1].Key);
    }

    [Theory]
    [InlineData(LegalActionIntent.Yes, true)]
    [InlineData(LegalActionIntent.Undecided, true)]
    [InlineData(LegalActionIntent.No, false)]
    public void The_preservation_request_appears_only_when_legal_action_is_possible(LegalActionIntent legal, bool shown)
    {
        var keys = Keys(SafetyPlanBuilder.Build(Baseline with { LegalAction = legal }));

        Assert.Equal(shown, keys.Contains(PreservationRequest));
        if (shown)
        {
            Assert.Equal(keys.IndexOf(FindPosts) + 1, keys.IndexOf(PreservationRequest));
        }
    }

    [Fact]
    public void Without_threats_there_is_no_protective_order_step()
    {
        Assert.DoesNotContain(EmergencyProtectiveOrder, Keys(SafetyPlanBuilder.Build(Baseline)));
    }

    [Fact]
    public void Threats_received_add_the_protective_order_step_in_consider()
    {
        var plan = SafetyPlanBuilder.Build(Baseline with { ThreatsReceived = true });

        var item = Assert.Single(plan, i => i.Key == EmergencyProtectiveOrder);
        Assert.Equal(SafetySection.Consider, item.Section);
        Assert.False(item.MovedUp);
        Assert.Equal("Shown because you said you have been threatened.", item.Why);
    }

    [Fact]
    public void A_threat_of_violence_in_the_assessment_adds_the_protective_order_step()
    {
        var result = Answers.Score((ThreatQuestionnaire.ThreatOfHarm, ThreatAnswer.Yes));
        Assert.Equal(ThreatLevel.High, result.Level);

        var plan = SafetyPlanBuilder.Build(Baseline with { LatestThreatResult = result });

        Assert.Contains(EmergencyProtectiveOrder, Keys(plan));
    }

    [Theory]
    [InlineData(ThreatQuestionnaire.Weapons, ThreatLevel.ImmediateDanger)]
    [InlineData(ThreatQuestionnaire.AfraidNow, ThreatLevel.ImmediateDanger)]
    [InlineData(ThreatQuestionnaire.ThreatToKill, ThreatLevel.ImmediateDanger)]
    [InlineData(ThreatQuestionnaire.ThreatOfHarm, ThreatLevel.High)]
    public void At_high_or_immediate_danger_the_emergency_number_and_protection_go_first(string id, ThreatLevel level)
    {
        var result = Answers.ScoreYes(id);
        Assert.Equal(level, result.Level);

        var plan = SafetyPlanBuilder.Build(Baseline with { LatestThreatResult = result });

        Assert.Equal(PhysicalSafety, plan[0].Key);
        Assert.False(plan[0].MovedUp);
        Assert.Equal(EmergencyProtectiveOrder, plan[1].Key);
        Assert.Equal(SafetySection.Now, plan[1].Section);
        Assert.True(plan[1].MovedUp);
        Assert.Equal(SafetyPlanBuilder.MovedUpWhy, plan[1].Why);
        Assert.Single(plan, i => i.Key == EmergencyProtectiveOrder);
    }

    [Fact]
    public void Moving_protection_up_keeps_every_other_step_in_catalog_order()
    {
        var result = Answers.ScoreYes(ThreatQuestionnaire.AfraidNow);

        var plan = SafetyPlanBuilder.Build(Baseline with { LatestThreatResult = result, ThreatsReceived = true });

        var rest = Keys(plan).Where(k => k is not EmergencyProtectiveOrder).ToList();
        var catalogOrder = Steps.Select(s => s.Key).Where(rest.Contains).ToList();
        Assert.Equal(catalogOrder, rest);
    }

    [Fact]
    public void At_elevated_nothing_moves_up()
    {
        var result = Answers.ScoreYes(ThreatQuestionnaire.Stalking);
        Assert.Equal(ThreatLevel.Elevated, result.Level);

        var plan = SafetyPlanBuilder.Build(Baseline with { LatestThreatResult = result, ThreatsReceived = true });

        Assert.All(plan, i => Assert.False(i.MovedUp));
        Assert.Equal(SafetySection.Consider, Assert.Single(plan, i => i.Key == EmergencyProtectiveOrder).Section);
    }

    [Fact]
    public void Demands_add_the_sextortion_guidance_right_after_reaching_out()
    {
        var result = Answers.ScoreYes(ThreatQuestionnaire.Demands);

        var plan = SafetyPlanBuilder.Build(Baseline with { LatestThreatResult = result });

        var keys = Keys(plan);
        Assert.Equal(keys.IndexOf(BreatheAndReachOut) + 1, keys.IndexOf(SextortionResponse));
        var item = plan[keys.IndexOf(SextortionResponse)];
        Assert.Equal(SafetySection.Now, item.Section);
        Assert.Contains("don't pay, stop replying, keep the messages", item.Step.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_demands_there_is_no_sextortion_guidance()
    {
        var result = Answers.Score((ThreatQuestionnaire.Demands, ThreatAnswer.NotSure));

        Assert.DoesNotContain(SextortionResponse, Keys(SafetyPlanBuilder.Build(Baseline with { LatestThreatResult = result })));
    }

    [Fact]
    public void Images_made_under_18_add_the_under_18_services_step()
    {
        var result = Answers.ScoreYes(ThreatQuestionnaire.UnderEighteen);

        var plan = SafetyPlanBuilder.Build(Baseline with { LatestThreatResult = result });

        Assert.Contains(UnderEighteenRoutes, Keys(plan));
        Assert.DoesNotContain(UnderEighteenRoutes, Keys(SafetyPlanBuilder.Build(Baseline)));
    }

    [Fact]
    public void Every_plan_has_the_crisis_lines_step()
    {
        Assert.Contains(CrisisSupport, Keys(SafetyPlanBuilder.Build(Baseline)));
        Assert.Contains(SafetyText.CrisisLines, SafetyStepCatalog.Get(CrisisSupport).Body, StringComparison.Ordinal);
        Assert.False(SafetyStepCatalog.Get(CrisisSupport).Conditional);
    }

    [Theory]
    [InlineData(ThreatAnswer.Yes)]
    [InlineData(ThreatAnswer.NotSure)]
    public void Thoughts_of_self_harm_put_the_crisis_lines_first_kindly(ThreatAnswer answer)
    {
        var result = Answers.Score((ThreatQuestionnaire.SelfHarm, answer), (ThreatQuestionnaire.AfraidNow, ThreatAnswer.Yes));

        var plan = SafetyPlanBuilder.Build(Baseline with { LatestThreatResult = result }, TestPacks.Valid());

        Assert.Equal(CrisisSupport, plan[0].Key);
        Assert.Equal(SafetySection.Now, plan[0].Section);
        Assert.Equal(SafetyPlanBuilder.CrisisFirstWhy, plan[0].Why);
        Assert.Contains("Test Crisis Line (0800 000 111)", plan[0].Step.Body, StringComparison.Ordinal);
        Assert.Equal(PhysicalSafety, plan[1].Key);
        Assert.Equal(EmergencyProtectiveOrder, plan[2].Key);
        Assert.Single(plan, i => i.Key == CrisisSupport);
    }

    [Fact]
    public void Without_thoughts_of_self_harm_the_crisis_step_keeps_its_place()
    {
        var plan = SafetyPlanBuilder.Build(Baseline with { LatestThreatResult = Answers.Score() });

        Assert.Equal(PhysicalSafety, plan[0].Key);
        Assert.False(plan.Single(i => i.Key == CrisisSupport).MovedUp);
    }

    [Fact]
    public void A_draft_assessment_counts_as_no_assessment()
    {
        var draft = ThreatScorer.Score(new Dictionary<string, ThreatAnswer>
        {
            [ThreatQuestionnaire.Demands] = ThreatAnswer.Yes,
            [ThreatQuestionnaire.AfraidNow] = ThreatAnswer.Yes,
        });
        Assert.True(draft.IsDraft);

        var plan = SafetyPlanBuilder.Build(Baseline with { LatestThreatResult = draft });

        Assert.Equal(Keys(SafetyPlanBuilder.Build(Baseline)), Keys(plan));
    }

    [Fact]
    public void Device_access_adds_a_caution_to_reaching_out_saving_evidence_and_managing_contact()
    {
        var result = Answers.Score((ThreatQuestionnaire.DeviceAccess, ThreatAnswer.NotSure));

        var plan = SafetyPlanBuilder.Build(Baseline with { LatestThreatResult = result });

        var withNote = plan.Where(i => i.Notes.Contains(SafetyPlanBuilder.DeviceNote)).Select(i => i.Key);
        Assert.Equal([BreatheAndReachOut, SaveEvidence, ManageCommunication], withNote);
    }

    [Fact]
    public void Published_personal_details_add_cautions_to_safety_and_takedowns()
    {
        var result = Answers.ScoreYes(ThreatQuestionnaire.Doxxing);

        var plan = SafetyPlanBuilder.Build(Baseline with { LatestThreatResult = result });

        Assert.Equal([SafetyPlanBuilder.DoxxingSafetyNote], plan.Single(i => i.Key == PhysicalSafety).Notes);
        Assert.Equal([SafetyPlanBuilder.DoxxingTakedownNote], plan.Single(i => i.Key == TakedownRoute).Notes);
    }

    [Fact]
    public void Without_signals_no_step_has_notes()
    {
        Assert.All(SafetyPlanBuilder.Build(Baseline), i => Assert.Empty(i.Notes));
    }

    [Fact]
    public void Every_conditional_step_that_appears_says_why()
    {
        var result = ThreatScorer.Score(ThreatQuestionnaire.Questions.ToDictionary(q => q.Id, _ => ThreatAnswer.Yes));
        var input = new SafetyPlanInput(PerpetratorKnown.Known, ThreatsReceived: true, LegalActionIntent.Yes, result);

        var plan = SafetyPlanBuilder.Build(input);

        Assert.All(plan.Where(i => i.Step.Conditional), i => Assert.False(string.IsNullOrWhiteSpace(i.Why)));
        Assert.Equal(Steps.Count - 1, plan.Count);
    }

    [Fact]
    public void The_same_input_always_gives_the_same_plan()
    {
        var input = Baseline with { ThreatsReceived = true, LatestThreatResult = Answers.ScoreYes(ThreatQuestionnaire.Demands) };

        Assert.Equal(Keys(SafetyPlanBuilder.Build(input)), Keys(SafetyPlanBuilder.Build(input)));
    }

    [Fact]
    public void Step_wording_never_says_victim_or_revenge_porn()
    {
        var prose = Steps.SelectMany(s => new[] { s.Title, s.Body })
            .Append(SafetyPlanBuilder.DeviceNote)
            .Append(SafetyPlanBuilder.DoxxingSafetyNote)
            .Append(SafetyPlanBuilder.DoxxingTakedownNote);

        Assert.All(prose, text =>
        {
            Assert.DoesNotContain("victim", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("revenge porn", text, StringComparison.OrdinalIgnoreCase);
        });
    }

    private static List<string> Keys(IEnumerable<SafetyPlanItem> plan) => plan.Select(i => i.Key).ToList();
}
