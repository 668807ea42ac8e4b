using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Domain.Tests.Cases;

public sealed class NextStepPlannerTests
{
    private static readonly CaseProgress Untouched = new(null, false, false, false, 0, 0, 0, 0, 0, 0, false);

    private static readonly CaseProgress Assessed = Untouched with { Level = ThreatLevel.Standard, AssessmentDone = true, AnyStarted = true };

    private static bool Owner(CaseOperation operation) => CasePermissions.Allows(CaseRole.Owner, operation);

    [Fact]
    public void An_untouched_case_starts_with_safety_first()
    {
        Assert.Equal(NextStep.SafetyFirst, NextStepPlanner.Choose(Untouched, Owner));
    }

    [Fact]
    public void Once_anything_is_started_the_safety_questions_come_next()
    {
        Assert.Equal(NextStep.Assessment, NextStepPlanner.Choose(Untouched with { AnyStarted = true }, Owner));
        Assert.Equal(NextStep.Assessment, NextStepPlanner.Choose(Untouched with { AnyStarted = true, Entries = 2 }, Owner));
    }

    [Fact]
    public void Each_thing_done_moves_the_next_step_on_in_order()
    {
        var p = Assessed;
        Assert.Equal(NextStep.FirstEntry, NextStepPlanner.Choose(p, Owner));
        p = p with { Entries = 1 };
        Assert.Equal(NextStep.AddEvidence, NextStepPlanner.Choose(p, Owner));
        p = p with { EvidenceItems = 1 };
        Assert.Equal(NextStep.AddPlace, NextStepPlanner.Choose(p, Owner));
        p = p with { Places = 1 };
        Assert.Equal(NextStep.FirstLetter, NextStepPlanner.Choose(p, Owner));
        p = p with { Letters = 1 };
        Assert.Equal(NextStep.Binder, NextStepPlanner.Choose(p, Owner));
        p = p with { Binders = 1 };
        Assert.Equal(NextStep.InviteAlly, NextStepPlanner.Choose(p, Owner));
        p = p with { Allies = 1 };
        Assert.Equal(NextStep.Plan, NextStepPlanner.Choose(p, Owner));
    }

    [Theory]
    [InlineData(ThreatLevel.High)]
    [InlineData(ThreatLevel.ImmediateDanger)]
    public void High_or_immediate_danger_puts_the_urgent_safety_step_first_until_it_is_done(ThreatLevel level)
    {
        var urgent = Assessed with { Level = level, UrgentStepOpen = true, Entries = 3 };

        Assert.Equal(NextStep.UrgentSafety, NextStepPlanner.Choose(urgent, Owner));
        Assert.Equal(NextStep.AddEvidence, NextStepPlanner.Choose(urgent with { UrgentStepOpen = false }, Owner));
    }

    [Theory]
    [InlineData(ThreatLevel.Standard)]
    [InlineData(ThreatLevel.Elevated)]
    public void Lower_levels_do_not_jump_the_queue(ThreatLevel level)
    {
        Assert.Equal(NextStep.FirstEntry, NextStepPlanner.Choose(Assessed with { Level = level, UrgentStepOpen = true }, Owner));
    }

    [Fact]
    public void A_case_kept_to_words_only_is_never_asked_for_evidence_files()
    {
        var wordsOnly = Assessed with { WordsOnly = true, Entries = 1 };

        Assert.Equal(NextStep.AddPlace, NextStepPlanner.Choose(wordsOnly, Owner));
        Assert.DoesNotContain(NextStep.AddEvidence, Enum.GetValues<CaseRole>().Select(role =>
            NextStepPlanner.Choose(wordsOnly, op => CasePermissions.Allows(role, op, true, true))));
    }

    [Theory]
    [InlineData(CaseRole.Advocate)]
    [InlineData(CaseRole.Helper)]
    [InlineData(CaseRole.Viewer)]
    public void An_ally_is_only_offered_a_step_their_role_can_open(CaseRole role)
    {
        bool Can(CaseOperation op) => CasePermissions.Allows(role, op);
        var states = new[]
        {
            Untouched, Assessed, Assessed with { Entries = 1 }, Assessed with { Entries = 1, EvidenceItems = 1, Places = 1, Letters = 1 },
            Assessed with { Entries = 1, EvidenceItems = 1, Places = 1, Letters = 1, Binders = 1 },
        };

        foreach (var state in states)
        {
            Assert.True(Can(NextStepPlanner.OperationFor(NextStepPlanner.Choose(state, Can))));
        }

        var allButBinder = Assessed with { Entries = 1, EvidenceItems = 1, Places = 1, Letters = 1 };
        Assert.NotEqual(NextStep.Binder, NextStepPlanner.Choose(allButBinder, Can));
        Assert.NotEqual(NextStep.InviteAlly, NextStepPlanner.Choose(allButBinder, Can));
    }

    [Fact]
    public void A_viewer_who_may_add_nothing_is_sent_to_the_plan()
    {
        Assert.Equal(NextStep.Plan, NextStepPlanner.Choose(Assessed, op => CasePermissions.Allows(CaseRole.Viewer, op)));
    }

    [Fact]
    public void A_new_entry_asks_for_a_file_then_where_it_was_found_then_nothing()
    {
        Assert.Equal(NextStep.AddEvidence, NextStepPlanner.ForEntry(0, 0, wordsOnly: false, Owner));
        Assert.Equal(NextStep.AddPlace, NextStepPlanner.ForEntry(1, 0, wordsOnly: false, Owner));
        Assert.Null(NextStepPlanner.ForEntry(1, 1, wordsOnly: false, Owner));
        Assert.Equal(NextStep.AddEvidence, NextStepPlanner.ForEntry(0, 1, wordsOnly: false, Owner));
    }

    [Fact]
    public void A_words_only_entry_is_never_asked_for_a_file()
    {
        Assert.Equal(NextStep.AddPlace, NextStepPlanner.ForEntry(0, 0, wordsOnly: true, Owner));
        Assert.Null(NextStepPlanner.ForEntry(0, 1, wordsOnly: true, Owner));
    }

    [Fact]
    public void A_viewer_is_offered_no_next_step_for_an_entry()
    {
        Assert.Null(NextStepPlanner.ForEntry(0, 0, wordsOnly: false, operation => CasePermissions.Allows(CaseRole.Viewer, operation)));
    }
}
