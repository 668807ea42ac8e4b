using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Domain.Tests.Safety;

/// <summary>
/// Issue 22: each pack says where sextortion is reported, by adults (<c>extortionRoutes</c>) and by anyone under 18
/// (<c>underEighteenExtortionRoutes</c>), and every route there is a sourced fact the validator holds to the rules.
/// </summary>
public sealed class ExtortionRoutesTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public static TheoryData<string> ShippedCodes() =>
        new(TestPacks.Shipped.Packs.Select(p => p.Code).Order(StringComparer.Ordinal));

    [Fact]
    public void Every_country_we_ship_has_a_pack_with_extortion_routes()
    {
        Assert.Equal(["AU", "CA", "ES", "FR", "GB", "IE", "INTL", "MX", "US"], TestPacks.Shipped.Packs.Select(p => p.Code).Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [MemberData(nameof(ShippedCodes))]
    public void Every_pack_has_both_extortion_lists_and_every_route_on_them_is_a_sourced_fact(string code)
    {
        var pack = TestPacks.Shipped.Get(code);

        Assert.NotEmpty(pack.ExtortionRoutes!);
        Assert.NotEmpty(pack.UnderEighteenExtortionRoutes!);
        Assert.Empty(JurisdictionPackValidator.Validate(pack, Today));
        foreach (var route in pack.ExtortionRoutes!.Concat(pack.UnderEighteenExtortionRoutes!))
        {
            Assert.False(SourcedFacts.IsSelfCited(route.SourceUrl), $"{code} {route.Name}: {route.SourceUrl}");
            Assert.True(route.NeedsReview != (SourcedFacts.CheckedOn(route) is not null), $"{code} {route.Name}: checked on a date, or needs review, never both or neither");
        }

        var keys = SourcedFacts.Of(pack, code).Select(f => f.Key).ToList();
        Assert.Equal(pack.ExtortionRoutes!.Count, keys.Count(k => k.StartsWith("extortionRoutes[", StringComparison.Ordinal)));
        Assert.Equal(pack.UnderEighteenExtortionRoutes!.Count, keys.Count(k => k.StartsWith("underEighteenExtortionRoutes[", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_pack_missing_a_source_on_an_extortion_route_fails_validation()
    {
        var pack = TestPacks.Valid() with
        {
            ExtortionRoutes = [TestPacks.Route("Police") with { SourceUrl = "" }],
            UnderEighteenExtortionRoutes = [TestPacks.Route("Child line") with { SourceUrl = "https://github.com/someone/incident-response" }],
        };

        var problems = JurisdictionPackValidator.Validate(pack, TestPacks.Today);

        Assert.Equal(
            ["extortionRoutes[0].sourceUrl", "underEighteenExtortionRoutes[0].sourceUrl"],
            problems.Select(p => p[..p.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Throws<InvalidDataException>(() => JurisdictionCatalog.FromPacks([TestPacks.Valid(JurisdictionCatalog.FallbackCode), pack], TestPacks.Today));
    }

    [Fact]
    public void An_extortion_route_that_needs_review_carries_no_date_and_one_without_either_fails()
    {
        var pack = TestPacks.Valid() with
        {
            ExtortionRoutes = [TestPacks.Route("Police") with { LastVerified = "", NeedsReview = true }],
            UnderEighteenExtortionRoutes = [TestPacks.Route("Child line") with { LastVerified = "" }],
        };

        var problem = Assert.Single(JurisdictionPackValidator.Validate(pack, TestPacks.Today));

        Assert.StartsWith("underEighteenExtortionRoutes[0].lastVerified", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_an_extortion_route_may_have_no_web_address_and_one_it_has_must_be_https()
    {
        var local = TestPacks.Route("Your local police") with { WebUrl = "" };

        Assert.Empty(JurisdictionPackValidator.Validate(TestPacks.Valid() with { ExtortionRoutes = [local] }, TestPacks.Today));
        Assert.StartsWith(
            "extortionRoutes[0].webUrl",
            Assert.Single(JurisdictionPackValidator.Validate(TestPacks.Valid() with { ExtortionRoutes = [local with { WebUrl = "http://police.example" }] }, TestPacks.Today)),
            StringComparison.Ordinal);
        Assert.StartsWith(
            "helplines[0].webUrl",
            Assert.Single(JurisdictionPackValidator.Validate(TestPacks.Valid() with { Helplines = [local] }, TestPacks.Today)),
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_extortion_routes_are_listed_among_a_packs_facts()
    {
        var pack = TestPacks.Valid();

        var keys = SourcedFacts.Of(pack, "zz.json").Select(f => f.Key).ToList();

        Assert.Contains("extortionRoutes[0] (Test Police)", keys);
        Assert.Contains("underEighteenExtortionRoutes[0] (Test Child Exploitation Line)", keys);
    }
}
