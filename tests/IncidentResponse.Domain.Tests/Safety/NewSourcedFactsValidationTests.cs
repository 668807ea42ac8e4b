using IncidentResponse.Domain.Safety;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Domain.Tests.Takedowns;

namespace IncidentResponse.Domain.Tests.Safety;

/// <summary>
/// The facts issue 15 added to the content files are checked like every other: sexual assault services and a takedown
/// law in a pack, and a platform's policy and routes that may be marked as needing review (and then carry no date).
/// </summary>
public sealed class NewSourcedFactsValidationTests
{
    [Fact]
    public void A_pack_may_have_no_sexual_assault_service_or_takedown_law()
    {
        Assert.Empty(JurisdictionPackValidator.Validate(TestPacks.Valid() with { SexualAssaultSupport = null }, TestPacks.Today));
    }

    [Fact]
    public void A_sexual_assault_service_is_checked_like_every_helpline()
    {
        var pack = TestPacks.Valid() with { SexualAssaultSupport = [TestPacks.Route("Line", "0800 1") with { Hours = null, SourceUrl = "http://example.org" }] };

        var problems = JurisdictionPackValidator.Validate(pack, TestPacks.Today);

        Assert.Contains(problems, p => p.StartsWith("sexualAssaultSupport[0].hours:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("sexualAssaultSupport[0].sourceUrl:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_takedown_law_that_needs_review_carries_no_date()
    {
        var law = TestPacks.Remedy("the Test Act") with { NeedsReview = true };
        var pack = TestPacks.Valid() with { LegalRemedies = TestPacks.Valid().LegalRemedies! with { TakedownLaw = law } };

        var problem = Assert.Single(JurisdictionPackValidator.Validate(pack, TestPacks.Today));

        Assert.StartsWith("legalRemedies.takedownLaw.lastVerified:", problem, StringComparison.Ordinal);
        Assert.Empty(JurisdictionPackValidator.Validate(pack with { LegalRemedies = pack.LegalRemedies! with { TakedownLaw = law with { LastVerified = "" } } }, TestPacks.Today));
    }

    [Fact]
    public void Every_new_fact_of_a_pack_is_listed_for_the_stale_facts_command()
    {
        var pack = TestPacks.Valid() with
        {
            SexualAssaultSupport = [TestPacks.Route("Test Crisis Line")],
            LegalRemedies = TestPacks.Valid().LegalRemedies! with { TakedownLaw = TestPacks.Remedy("the Test Act") },
        };

        var keys = SourcedFacts.Of(pack, "zz.json").Select(f => f.Key).ToList();

        Assert.Contains("sexualAssaultSupport[0] (Test Crisis Line)", keys);
        Assert.Contains("legalRemedies.takedownLaw", keys);
    }

    [Fact]
    public void A_platform_policy_or_route_that_needs_review_carries_no_date_and_one_that_does_not_needs_one()
    {
        var entry = TestPlatforms.Valid();

        Assert.Empty(PlatformEntryValidator.Validate(entry with { Policy = entry.Policy! with { NeedsReview = true, LastVerified = "" } }, TestPlatforms.Today));
        Assert.Empty(PlatformEntryValidator.Validate(entry with { NciiRoute = entry.NciiRoute! with { NeedsReview = true, LastVerified = "" } }, TestPlatforms.Today));
        Assert.StartsWith("policy.lastVerified:", Assert.Single(PlatformEntryValidator.Validate(entry with { Policy = entry.Policy! with { NeedsReview = true } }, TestPlatforms.Today)), StringComparison.Ordinal);
        Assert.StartsWith("dmca.lastVerified:", Assert.Single(PlatformEntryValidator.Validate(entry with { Dmca = entry.Dmca! with { LastVerified = "" } }, TestPlatforms.Today)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_X_policy_is_not_yet_checked()
    {
        var x = PlatformDirectory.LoadEmbedded(DateOnly.FromDateTime(DateTime.UtcNow)).Get("x");

        Assert.True(x.Policy!.NeedsReview);
        Assert.Equal("Not yet checked", SourcedFacts.CheckedLabel(x.Policy));
    }
}
