using IncidentResponse.Domain.Safety;
using static IncidentResponse.Domain.Safety.SafetyStepCatalog;

namespace IncidentResponse.Domain.Tests.Safety;

/// <summary>
/// Issue 22: what the sextortion step says. An adult is given the country's adult reporting lines and StopNCII.org; anyone
/// under 18 (or whose images may have been made before 18) the under-18 lines and Take It Down, in words only.
/// </summary>
public sealed class SextortionStepTests
{
    public static TheoryData<string> ShippedCodes() =>
        new(TestPacks.Shipped.Packs.Select(p => p.Code).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ShippedCodes))]
    public void An_adult_sextortion_plan_names_the_countrys_adult_lines_and_StopNCII_and_never_the_under_18_lines(string code)
    {
        var pack = TestPacks.Shipped.Get(code);

        var plan = SafetyPlanBuilder.Build(Input(underEighteen: false), pack);

        var step = plan.Single(i => i.Key == SextortionResponse).Step;
        var text = step.Title + "\n" + step.Body;
        Assert.All(pack.ExtortionRoutes!, route => Assert.Contains(SafetyText.Describe(route), text, StringComparison.Ordinal));
        Assert.Contains("StopNCII.org", text, StringComparison.Ordinal);
        Assert.Contains("the images never leave it", text, StringComparison.Ordinal);
        Assert.Contains("only on the platforms that take part", text, StringComparison.Ordinal);
        Assert.Contains("save the conversation and a link to the account's profile page", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Take It Down", text, StringComparison.Ordinal);
        Assert.DoesNotContain(plan, i => i.Key == UnderEighteenRoutes);
        var underEighteenOnly = UnderEighteenOnly(pack);
        Assert.NotEmpty(underEighteenOnly);
        Assert.All(underEighteenOnly, route => Assert.DoesNotContain(SafetyText.Describe(route), text, StringComparison.Ordinal));
        var checkedFacts = SafetyText.FactsIn(SafetyStepCatalog.Get(SextortionResponse).Body, pack).Select(f => f.Label).ToList();
        Assert.All(pack.ExtortionRoutes!, route => Assert.Contains(route.Name, checkedFacts));
        Assert.All(underEighteenOnly, route => Assert.DoesNotContain(route.Name, checkedFacts));
    }

    [Theory]
    [MemberData(nameof(ShippedCodes))]
    public void An_under_18_sextortion_plan_names_the_under_18_lines_and_Take_It_Down_and_never_says_to_keep_an_image(string code)
    {
        var pack = TestPacks.Shipped.Get(code);

        var plan = SafetyPlanBuilder.Build(Input(underEighteen: true) with { WordsOnly = true }, pack);

        var item = plan.Single(i => i.Key == SextortionResponse);
        var text = item.Step.Title + "\n" + item.Step.Body;
        Assert.All(pack.UnderEighteenExtortionRoutes!, route => Assert.Contains(SafetyText.Describe(route), text, StringComparison.Ordinal));
        Assert.Contains("Take It Down", text, StringComparison.Ordinal);
        Assert.Contains("hash", text, StringComparison.Ordinal);
        Assert.Contains("only on the platforms that take part", text, StringComparison.Ordinal);
        Assert.Contains("You have done nothing wrong", text, StringComparison.Ordinal);
        Assert.DoesNotContain("StopNCII", text, StringComparison.Ordinal);
        Assert.All(plan, i =>
        {
            foreach (var words in new[] { i.Step.Title, i.Step.Body, i.Why ?? "" }.Concat(i.Notes))
            {
                Assert.True(WordsOnlyAdvice.FindSavingAdvice(words) is null, $"{code} {i.Key}: \"{WordsOnlyAdvice.FindSavingAdvice(words)}\" in {words}");
            }
        });
    }

    [Fact]
    public void The_under_18_answer_alone_gives_the_sextortion_step_its_under_18_text()
    {
        var adult = SafetyPlanBuilder.Build(Input(underEighteen: false));
        var underEighteen = SafetyPlanBuilder.Build(Input(underEighteen: true));

        var adultStep = adult.Single(i => i.Key == SextortionResponse).Step;
        Assert.Contains(SafetyText.ExtortionRoutes, adultStep.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(SafetyText.UnderEighteenExtortionRoutes, adultStep.Body, StringComparison.Ordinal);
        var step = underEighteen.Single(i => i.Key == SextortionResponse).Step;
        Assert.Equal(WordsOnlyAdvice.Apply(SafetyStepCatalog.Get(SextortionResponse)), step);
        Assert.Contains(SafetyText.UnderEighteenExtortionRoutes, step.Body, StringComparison.Ordinal);
        Assert.Null(WordsOnlyAdvice.FindSavingAdvice(step.Title + " " + step.Body));
        Assert.Equal(SafetyStepCatalog.Get(SaveEvidence), underEighteen.Single(i => i.Key == SaveEvidence).Step);
    }

    [Fact]
    public void The_extortion_placeholders_name_the_routes_and_their_check_dates()
    {
        var pack = TestPacks.Valid();

        Assert.Equal("Report to Test Police (0800 222 333).", SafetyText.Resolve("Report to {ExtortionRoutes}.", pack));
        Assert.Equal("Tell Test Child Exploitation Line (https://example.org/help).", SafetyText.Resolve("Tell {UnderEighteenExtortionRoutes}.", pack));
        Assert.Equal(
            ["Test Child Exploitation Line", "Test Police"],
            SafetyText.FactsIn("{UnderEighteenExtortionRoutes} {ExtortionRoutes}", pack).Select(f => f.Label).Order(StringComparer.Ordinal));
        Assert.Equal("Report to your local police.", SafetyText.Resolve("Report to {ExtortionRoutes}.", pack with { ExtortionRoutes = [] }));
    }

    /// <summary>Demands for money or more, and (when told) images that may show someone under 18.</summary>
    private static SafetyPlanInput Input(bool underEighteen) => new(
        PerpetratorKnown.Unknown,
        ThreatsReceived: true,
        LegalActionIntent.Undecided,
        underEighteen ? Answers.ScoreYes(ThreatQuestionnaire.Demands, ThreatQuestionnaire.UnderEighteen) : Answers.ScoreYes(ThreatQuestionnaire.Demands));

    /// <summary>The under-18 lines that are not also adult lines (a police service can be both).</summary>
    private static List<ContactRoute> UnderEighteenOnly(JurisdictionPack pack) =>
        pack.UnderEighteenExtortionRoutes!.Where(u => !pack.ExtortionRoutes!.Any(a => SafetyText.Describe(a) == SafetyText.Describe(u))).ToList();
}
