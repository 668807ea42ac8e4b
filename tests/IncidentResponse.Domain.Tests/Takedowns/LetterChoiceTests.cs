using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Domain.Tests.Takedowns;

/// <summary>The choice of letter: the platform's own report first, then the kinds made for where the person lives.</summary>
public sealed class LetterChoiceTests
{
    private static PlatformEntry Platform(string id) => TestLetters.Shipped.Get(id);

    [Fact]
    public void A_person_in_the_uk_is_recommended_the_platforms_own_report_and_the_us_and_eu_laws_are_kept_aside()
    {
        var choice = LetterChoice.For(Platform("x"), "GB");

        Assert.Equal(LetterKind.PlatformPolicyReport, choice.Recommended);
        Assert.Equal([LetterKind.ExtortionAccountReport, LetterKind.DmcaNotice, LetterKind.PreservationToPlatform, LetterKind.PreservationForPolice], choice.Others);
        Assert.Equal([LetterKind.TakeItDownRequest, LetterKind.DsaNotice], choice.MadeForElsewhere);
        Assert.Equal("Start with X's own report", LetterChoice.RecommendationOf(LetterKind.PlatformPolicyReport, Platform("x")));
    }

    [Fact]
    public void A_person_in_the_us_is_offered_the_take_it_down_act_request_where_the_platforms_process_is_known()
    {
        Assert.Contains(LetterKind.TakeItDownRequest, LetterChoice.For(Platform("x"), "US").Others);
        Assert.DoesNotContain(LetterKind.TakeItDownRequest, LetterChoice.For(Platform("reddit"), "US").InOrder);
        Assert.Contains(LetterKind.DsaNotice, LetterChoice.For(Platform("x"), "US").MadeForElsewhere);
    }

    [Fact]
    public void A_person_in_an_eu_country_is_offered_the_dsa_notice()
    {
        var choice = LetterChoice.For(Platform("reddit"), "FR");

        Assert.Equal(LetterKind.PlatformPolicyReport, choice.Recommended);
        Assert.Contains(LetterKind.DsaNotice, choice.Others);
        Assert.Empty(choice.MadeForElsewhere);
    }

    [Fact]
    public void A_search_engine_recommends_its_own_removal_request_and_a_delisting_request_under_data_protection_law_only_where_it_applies()
    {
        var uk = LetterChoice.For(Platform("google-search"), "GB");
        var us = LetterChoice.For(Platform("google-search"), "US");

        Assert.Equal(LetterKind.SearchDelisting, uk.Recommended);
        Assert.Equal([LetterKind.SearchDelisting, LetterKind.DataProtectionDelisting, LetterKind.DmcaNotice], uk.InOrder);
        Assert.Equal([LetterKind.SearchDelisting, LetterKind.DmcaNotice], us.InOrder);
    }

    [Fact]
    public void Someone_who_may_take_legal_action_sees_the_preservation_letters_right_after_the_recommendation()
    {
        var choice = LetterChoice.For(Platform("reddit"), "GB", mayTakeLegalAction: true);

        Assert.Equal([LetterKind.PreservationToPlatform, LetterKind.PreservationForPolice, LetterKind.ExtortionAccountReport, LetterKind.DmcaNotice], choice.Others);
    }

    [Theory]
    [InlineData("GB")]
    [InlineData("US")]
    [InlineData("FR")]
    [InlineData("AU")]
    [InlineData("")]
    public void A_report_of_an_extorting_account_needs_no_law_so_it_is_offered_wherever_the_person_lives_but_never_recommended_over_the_platforms_own_report(string country)
    {
        var choice = LetterChoice.For(Platform("instagram"), country);

        Assert.Equal(LetterKind.PlatformPolicyReport, choice.Recommended);
        Assert.Equal(LetterKind.ExtortionAccountReport, choice.Others[0]);
        Assert.DoesNotContain(LetterKind.ExtortionAccountReport, choice.MadeForElsewhere);
        Assert.Equal("Report the account to Instagram", LetterChoice.NameOf(LetterKind.ExtortionAccountReport, Platform("instagram")));
    }

    [Fact]
    public void A_search_engine_and_an_unnamed_host_are_never_offered_a_report_of_an_account()
    {
        Assert.DoesNotContain(LetterKind.ExtortionAccountReport, LetterChoice.For(Platform("google-search"), "GB").InOrder);
        Assert.DoesNotContain(LetterKind.ExtortionAccountReport, LetterChoice.For(Platform("other-host"), "GB").InOrder);
    }

    [Fact]
    public void Every_kind_of_new_letter_has_a_plain_name_and_a_line_on_when_it_helps_and_a_host_without_a_name_is_the_site()
    {
        var host = Platform("other-host");
        foreach (var kind in Enum.GetValues<LetterKind>().Where(k => k != LetterKind.FollowUp))
        {
            Assert.False(string.IsNullOrWhiteSpace(LetterChoice.NameOf(kind, host)));
            Assert.DoesNotContain("{platform}", LetterChoice.WhenItHelps(kind, host), StringComparison.Ordinal);
        }

        Assert.Equal("Start with the site's own report", LetterChoice.RecommendationOf(LetterKind.PlatformPolicyReport, host));
    }
}
