using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Domain.Tests.Safety;

/// <summary>
/// Issue 23: the packs for Spain, France and Mexico name their own helplines, routes and law, every fact in them is
/// sourced and either dated or marked for review, and Spain and France keep the EU letter paths.
/// </summary>
public sealed class SpainFranceMexicoPacksTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Words that would tell someone under 18 to keep or send an image of themselves.</summary>
    private static readonly string[] KeepOrSendWords = ["save", "screenshot", "screen shot", "upload", "keep a copy"];

    public static TheoryData<string> NewCodes() => new("ES", "FR", "MX");

    [Theory]
    [InlineData("ES", "article 197.7 of the Criminal Code")]
    [InlineData("FR", "article 226-2-1 of the Code pénal")]
    [InlineData("MX", "Ley Olimpia")]
    public void The_police_report_names_the_law_that_makes_sharing_intimate_images_a_crime(string code, string law)
    {
        Assert.Contains(law, TestPacks.Shipped.Get(code).LegalRemedies!.PoliceReport!.Description, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NewCodes))]
    public void Every_fact_has_its_own_source_and_is_either_checked_on_a_date_or_marked_for_review(string code)
    {
        var pack = TestPacks.Shipped.Get(code);
        var facts = SourcedFacts.Of(pack, code).ToList();

        Assert.Equal(code, pack.Code);
        Assert.Empty(JurisdictionPackValidator.Validate(pack, Today));
        Assert.True(facts.Count >= 10, $"{code}: {facts.Count} facts");
        Assert.All(facts, f =>
        {
            Assert.StartsWith("https://", f.Fact.SourceUrl, StringComparison.Ordinal);
            Assert.False(SourcedFacts.IsSelfCited(f.Fact.SourceUrl), $"{code} {f.Key}");
            Assert.True(f.Fact.NeedsReview != (SourcedFacts.CheckedOn(f.Fact) is not null), $"{code} {f.Key}: checked on a date, or needs review, never both or neither");
        });
        Assert.False(string.IsNullOrWhiteSpace(pack.EditorialNote));
    }

    [Theory]
    [MemberData(nameof(NewCodes))]
    public void Under_18_routes_never_ask_you_to_save_screenshot_or_upload_an_image(string code)
    {
        var pack = TestPacks.Shipped.Get(code);
        var routes = pack.UnderEighteenRoutes!.Concat(pack.UnderEighteenExtortionRoutes!).ToList();

        Assert.NotEmpty(pack.UnderEighteenRoutes!);
        Assert.NotEmpty(pack.UnderEighteenExtortionRoutes!);
        Assert.All(routes, r =>
        {
            foreach (var word in KeepOrSendWords)
            {
                Assert.DoesNotContain(word, r.Description, StringComparison.OrdinalIgnoreCase);
            }
        });
    }

    [Theory]
    [InlineData("ES", "016")]
    [InlineData("FR", "3919")]
    [InlineData("MX", "079")]
    public void The_first_helpline_is_the_national_line_for_women_facing_violence(string code, string phone)
    {
        Assert.Equal(phone, TestPacks.Shipped.Get(code).Helplines![0].Phone);
    }

    [Theory]
    [InlineData("ES", "024")]
    [InlineData("FR", "3114")]
    [InlineData("MX", "800 911 2000")]
    public void Each_has_its_national_crisis_line(string code, string phone)
    {
        Assert.Contains(TestPacks.Shipped.Get(code).CrisisLines!, r => r.Phone == phone);
    }

    [Theory]
    [InlineData("ES", "National Markets and Competition Commission (CNMC)", true)]
    [InlineData("FR", "Arcom", true)]
    [InlineData("MX", null, false)]
    public void Spain_and_France_keep_their_coordinator_and_data_protection_letters_and_Mexico_has_neither(string code, string? coordinator, bool eu)
    {
        var coordinators = DigitalServicesCoordinators.LoadEmbedded(Today);

        Assert.Equal(eu, EuropeanUnion.IsMember(code));
        Assert.Equal(eu, DataProtectionLaw.Applies(code));
        if (coordinator is null)
        {
            Assert.Null(coordinators.For(code));
        }
        else
        {
            Assert.StartsWith(coordinator, coordinators.For(code)!.Name, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("ES", "Europe/Madrid")]
    [InlineData("fr", "Europe/Paris")]
    [InlineData("MX", "America/Mexico_City")]
    public void A_case_in_one_of_the_new_countries_suggests_its_main_time_zone(string code, string zone)
    {
        Assert.Equal(zone, TimeZoneChoices.GuessFromCountry(code));
        Assert.True(TimeZoneChoices.IsKnown(zone));
    }
}
