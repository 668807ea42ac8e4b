using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Domain.Tests.Safety;

public sealed class SafetyTextTests
{
    public static TheoryData<string> ShippedCodes() =>
        new(TestPacks.Shipped.Packs.Select(p => p.Code).Order(StringComparer.Ordinal));

    [Fact]
    public void Fills_every_placeholder_from_the_pack()
    {
        var pack = TestPacks.Valid();
        var template = string.Join("|", SafetyText.Placeholders);

        var text = SafetyText.Resolve(template, pack);

        Assert.Equal(
            "123|Test Helpline (0800 123 456); Web Helpline (https://example.org/help)|Test Regulator (https://example.org/help)"
            + "|Test Under-18 Route (https://example.org/help)|Test Police (0800 222 333)|Test Child Exploitation Line (https://example.org/help)"
            + "|Test Crisis Line (0800 000 111)|urgent order|long order|a report to the test police"
            + "|a local rape crisis or sexual assault service|",
            text);
    }

    [Fact]
    public void A_pack_with_a_takedown_law_names_it_in_a_paragraph_of_its_own()
    {
        var pack = TestPacks.Valid() with
        {
            SexualAssaultSupport = [TestPacks.Route("Test Crisis Line", "0800 999 000")],
            LegalRemedies = TestPacks.Valid().LegalRemedies! with { TakedownLaw = TestPacks.Remedy("the Test Takedown Act") },
        };

        var text = SafetyText.Resolve("Ask the site.\n\n{TakedownLaw}", pack);

        Assert.Equal("Ask the site.\n\nWhere you are, the law helps too: the Test Takedown Act. What it does, in plain words.", text);
        Assert.Equal("Call Test Crisis Line (0800 999 000).", SafetyText.Resolve("Call {SexualAssaultSupport}.", pack));
        Assert.Equal(
            ["Test Crisis Line", "the Test Takedown Act"],
            SafetyText.FactsIn("{SexualAssaultSupport} {TakedownLaw}", pack).Select(f => f.Label));
    }

    [Fact]
    public void A_pack_without_a_takedown_law_leaves_no_empty_paragraph()
    {
        Assert.Equal("Ask the site.", SafetyText.Resolve("Ask the site.\n\n{TakedownLaw}", TestPacks.Valid()));
        Assert.Empty(SafetyText.FactsIn("{TakedownLaw}", TestPacks.Valid()));
    }

    [Fact]
    public void Leaves_unknown_placeholders_visible()
    {
        Assert.Equal("Call {EmergencyNumbr} now", SafetyText.Resolve("Call {EmergencyNumbr} now", TestPacks.Valid()));
    }

    [Fact]
    public void Text_without_placeholders_is_unchanged()
    {
        const string Plain = "Nothing to fill in.";

        Assert.Same(Plain, SafetyText.Resolve(Plain, TestPacks.Valid()));
    }

    [Fact]
    public void A_route_with_a_phone_is_described_by_its_number_otherwise_its_web_address()
    {
        Assert.Equal("A (01 23)", SafetyText.Describe(TestPacks.Route("A", "01 23")));
        Assert.Equal("B (https://example.org/help)", SafetyText.Describe(TestPacks.Route("B")));
        Assert.Equal("Your local police", SafetyText.Describe(TestPacks.Route("Your local police") with { WebUrl = "" }));
    }

    [Fact]
    public void The_catalog_uses_only_placeholders_the_resolver_knows()
    {
        var used = SafetyStepCatalog.Steps
            .Concat(SafetyStepCatalog.Steps.Select(WordsOnlyAdvice.Apply))
            .SelectMany(s => System.Text.RegularExpressions.Regex.Matches(s.Title + s.Body, @"\{[A-Za-z]+\}"))
            .Select(m => m.Value)
            .Distinct()
            .ToList();

        Assert.NotEmpty(used);
        Assert.All(used, p => Assert.Contains(p, SafetyText.Placeholders));
    }

    [Theory]
    [MemberData(nameof(ShippedCodes))]
    public void Every_step_resolves_completely_for_every_shipped_pack(string code)
    {
        var pack = TestPacks.Shipped.Get(code);
        var result = ThreatScorer.Score(ThreatQuestionnaire.Questions.ToDictionary(q => q.Id, _ => ThreatAnswer.Yes));
        var input = new SafetyPlanInput(PerpetratorKnown.NotSure, ThreatsReceived: true, LegalActionIntent.Yes, result);

        var plan = SafetyPlanBuilder.Build(input, pack);

        Assert.All(plan, item =>
        {
            Assert.DoesNotContain("{", item.Step.Title + item.Step.Body + item.Why + string.Concat(item.Notes), StringComparison.Ordinal);
        });
        var physical = plan.Single(i => i.Key == SafetyStepCatalog.PhysicalSafety);
        Assert.Contains($"call {pack.EmergencyNumber!.Number}.", physical.Step.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_us_plan_names_the_us_emergency_number_and_protective_order()
    {
        var pack = TestPacks.Shipped.Get("US");
        var input = new SafetyPlanInput(PerpetratorKnown.Known, ThreatsReceived: true, LegalActionIntent.No, null);

        var plan = SafetyPlanBuilder.Build(input, pack);

        Assert.Contains("call 911.", plan[0].Step.Body, StringComparison.Ordinal);
        Assert.Contains("emergency protective order (EPO)",
            plan.Single(i => i.Key == SafetyStepCatalog.EmergencyProtectiveOrder).Step.Body, StringComparison.Ordinal);
        Assert.Contains("CCRI Image Abuse Helpline",
            plan.Single(i => i.Key == SafetyStepCatalog.BreatheAndReachOut).Step.Body, StringComparison.Ordinal);
    }
}
