using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Safety;
using static IncidentResponse.Domain.Safety.SafetyStepCatalog;

namespace IncidentResponse.Domain.Tests.Safety;

public sealed class WordsOnlyAdviceTests
{
    /// <summary>Every condition on, so every conditional step and every note is in the plan.</summary>
    private static SafetyPlanInput Everything(bool wordsOnly) => new(
        PerpetratorKnown.Known,
        ThreatsReceived: true,
        LegalActionIntent.Yes,
        Answers.ScoreYes(ThreatQuestionnaire.Questions.Select(q => q.Id).ToArray()),
        wordsOnly);

    public static TheoryData<string> StepKeys() => new(Steps.Select(s => s.Key));

    [Theory]
    [InlineData(false, AgeAnswer.No, AgeAnswer.No, false)]
    [InlineData(true, AgeAnswer.No, AgeAnswer.No, true)]
    [InlineData(false, AgeAnswer.Yes, AgeAnswer.No, true)]
    [InlineData(false, AgeAnswer.NotSure, AgeAnswer.No, true)]
    [InlineData(false, null, AgeAnswer.No, true)]
    [InlineData(false, AgeAnswer.No, AgeAnswer.Yes, true)]
    [InlineData(false, AgeAnswer.No, AgeAnswer.NotSure, true)]
    [InlineData(false, AgeAnswer.No, null, true)]
    [InlineData(false, null, null, true)]
    public void Only_an_adult_whose_images_were_made_at_18_or_over_leaves_words_only(bool route, AgeAnswer? now, AgeAnswer? made, bool wordsOnly)
    {
        var found = new Case { UnderEighteenRoute = route, UnderEighteenNow = now, MadeUnderEighteen = made };

        Assert.Equal(wordsOnly, found.WordsOnly);
        Assert.Equal(wordsOnly, found.PlanInput(null).WordsOnly);
    }

    [Theory]
    [MemberData(nameof(StepKeys))]
    public void No_step_in_a_words_only_case_says_to_save_screenshot_or_search_with_the_image(string key)
    {
        var step = WordsOnlyAdvice.Apply(Get(key));

        Assert.Null(WordsOnlyAdvice.FindSavingAdvice(step.Title));
        Assert.Null(WordsOnlyAdvice.FindSavingAdvice(step.Body));
    }

    [Fact]
    public void A_words_only_plan_in_every_country_has_no_saving_advice_and_shows_the_under_18_services()
    {
        foreach (var pack in TestPacks.Shipped.Packs)
        {
            var plan = SafetyPlanBuilder.Build(Everything(wordsOnly: true), pack);

            Assert.All(plan, item =>
            {
                foreach (var text in new[] { item.Step.Title, item.Step.Body, item.Why ?? "" }.Concat(item.Notes))
                {
                    Assert.True(WordsOnlyAdvice.FindSavingAdvice(text) is null, $"{pack.Code} {item.Key}: \"{WordsOnlyAdvice.FindSavingAdvice(text)}\" in {text}");
                }
            });
            Assert.Contains(plan, i => i.Key == UnderEighteenRoutes);
            Assert.Contains(WordsOnlyAdvice.RecordInWords, plan.Single(i => i.Key == SaveEvidence).Step.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_unanswered_case_is_shown_the_under_18_services_and_says_why()
    {
        var plan = SafetyPlanBuilder.Build(new SafetyPlanInput(PerpetratorKnown.NotSure, false, LegalActionIntent.Undecided, null, WordsOnly: true));

        Assert.Equal(WordsOnlyAdvice.WhyRoutesShown, plan.Single(i => i.Key == UnderEighteenRoutes).Why);
    }

    [Fact]
    public void The_adult_plan_still_explains_saving_and_says_first_that_an_image_search_shares_the_picture()
    {
        var plan = SafetyPlanBuilder.Build(Everything(wordsOnly: false));
        var findPosts = plan.Single(i => i.Key == FindPosts).Step.Body;

        Assert.NotNull(WordsOnlyAdvice.FindSavingAdvice(plan.Single(i => i.Key == SaveEvidence).Step.Body));
        Assert.StartsWith("First, know that uploading a picture to a search engine shares it with that company", findPosts, StringComparison.Ordinal);
        Assert.True(
            findPosts.IndexOf("shares it with that company", StringComparison.Ordinal) < findPosts.IndexOf("reverse image search", StringComparison.Ordinal),
            "the warning comes before the suggestion");
    }

    [Theory]
    [InlineData("Take a screenshot of the page")]
    [InlineData("Save the page itself")]
    [InlineData("try a reverse image search")]
    [InlineData("upload it to TinEye")]
    [InlineData("download the video")]
    public void The_word_check_finds_saving_advice(string text) => Assert.NotNull(WordsOnlyAdvice.FindSavingAdvice(text));

    [Fact]
    public void The_word_check_lets_the_one_instruction_not_to_save_through_and_a_name_for_a_post() =>
        Assert.Null(WordsOnlyAdvice.FindSavingAdvice("Before you block: " + WordsOnlyAdvice.RecordInWords + " A post or upload."));
}
