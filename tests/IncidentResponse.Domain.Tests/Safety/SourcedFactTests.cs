using System.Globalization;
using System.Text.Json;
using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Domain.Tests.Safety;

/// <summary>
/// Every fact we publish names its source and its age honestly. These tests fail the build when a shipped content file
/// (<c>Content/jurisdictions/*.json</c> and <c>Content/platforms/*.json</c>) breaks one of these rules:
/// <list type="bullet">
/// <item>a fact (any object with <c>lastVerified</c> or <c>needsReview</c>, and every fact of a jurisdiction pack) has an https <c>sourceUrl</c>;</item>
/// <item>its <c>lastVerified</c> is an ISO date not after today (UTC);</item>
/// <item>a fact marked <c>needsReview</c> carries no <c>lastVerified</c>: not checked means not dated;</item>
/// <item>its source is not self-cited (<see cref="SourcedFacts.IsSelfCited"/>): not this app's own host (loopback,
/// localhost, <c>.local</c>, <c>.internal</c>, a host naming IncidentResponse) and not a code-hosting site where this
/// repository lives (github.com, githubusercontent.com, gitlab.com, bitbucket.org). Each fact is about an organisation
/// or a law with its own page, so a primary source always exists.</item>
/// </list>
/// </summary>
public sealed class SourcedFactTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public static TheoryData<string> ContentFiles() => new(ContentFileNames());

    private static List<string> ContentFileNames() =>
        typeof(JurisdictionCatalog).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("IncidentResponse.Domain.Content.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Where(n => !n.StartsWith("IncidentResponse.Domain.Content.i18n.", StringComparison.Ordinal)) // translations hold texts only, no facts (ADR 0030)
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void Both_kinds_of_content_file_are_checked()
    {
        var names = ContentFileNames();
        Assert.Contains(names, n => n.Contains(".jurisdictions.", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains(".platforms.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ContentFiles))]
    public void Every_fact_in_a_shipped_file_has_a_primary_source_and_an_honest_date(string resource)
    {
        using var stream = typeof(JurisdictionCatalog).Assembly.GetManifestResourceStream(resource)!;
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var problems = new List<string>();
        var facts = 0;
        Walk(document.RootElement, "$", problems, ref facts);

        Assert.True(facts > 0, $"{resource} has no dated facts.");
        Assert.True(problems.Count == 0, resource + ":" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_fact_of_every_shipped_pack_is_listed_with_a_source()
    {
        foreach (var pack in TestPacks.Shipped.Packs)
        {
            var facts = SourcedFacts.Of(pack, pack.Code).ToList();
            Assert.True(facts.Count >= 6, pack.Code);
            Assert.All(facts, f => Assert.False(SourcedFacts.IsSelfCited(f.Fact.SourceUrl), $"{pack.Code} {f.Key}"));
        }
    }

    [Fact]
    public void A_step_template_brings_the_facts_its_placeholders_name()
    {
        var pack = TestPacks.Valid();

        var facts = SafetyText.FactsIn("Ask about {ProtectiveOrderName}, or call {Helplines}.", pack);

        Assert.Equal(["Test Helpline", "Web Helpline", "urgent order"], facts.Select(f => f.Label));
        Assert.Same(pack.LegalRemedies!.EmergencyProtectiveOrder, facts[2].Fact);
        Assert.Empty(SafetyText.FactsIn("No placeholders here.", pack));
    }

    [Fact]
    public void Xs_non_consensual_nudity_policy_link_is_not_its_private_information_policy()
    {
        var x = IncidentResponse.Domain.Takedowns.PlatformDirectory.LoadEmbedded(Today).Entries.Single(e => e.Id == "x");

        Assert.DoesNotContain("personal-information", x.Policy!.Url, StringComparison.Ordinal);
        Assert.EndsWith("/rules-and-policies/intimate-media", x.Policy.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://github.com/someone/IncidentResponse/blob/main/src/IncidentResponse.Domain/Content/jurisdictions/gb.json")]
    [InlineData("https://raw.githubusercontent.com/someone/repo/main/gb.json")]
    [InlineData("https://gitlab.com/someone/repo")]
    [InlineData("https://localhost:5001/help")]
    [InlineData("https://127.0.0.1/help")]
    [InlineData("https://incidentresponse.example.org/safety")]
    [InlineData("https://app.internal/help")]
    [InlineData("help/helplines")]
    public void A_source_on_this_app_or_its_repository_is_self_cited(string url)
    {
        Assert.True(SourcedFacts.IsSelfCited(url));

        var pack = TestPacks.Valid() with { Helplines = [TestPacks.Route("H") with { SourceUrl = url }] };
        Assert.Contains(JurisdictionPackValidator.Validate(pack, TestPacks.Today), p => p.StartsWith("helplines[0].sourceUrl:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://www.refuge.org.uk/")]
    [InlineData("https://www.legislation.gov.uk/ukpga/2003/42/section/66B")]
    [InlineData("https://help.x.com/en/rules-and-policies/intimate-media")]
    public void An_organisations_or_a_laws_own_page_is_not_self_cited(string url)
    {
        Assert.False(SourcedFacts.IsSelfCited(url));
    }

    [Fact]
    public void A_fact_that_needs_review_is_valid_without_a_date_and_shows_as_not_yet_checked()
    {
        var route = TestPacks.Route("H") with { NeedsReview = true, LastVerified = "" };
        var pack = TestPacks.Valid() with { Helplines = [route] };

        Assert.Empty(JurisdictionPackValidator.Validate(pack, TestPacks.Today));
        Assert.Null(SourcedFacts.CheckedOn(route));
        Assert.Equal("Not yet checked", SourcedFacts.CheckedLabel(route));
        Assert.True(SourcedFacts.IsStale(route, TestPacks.Today, 100_000));
    }

    [Fact]
    public void A_fact_that_needs_review_is_never_stamped_with_a_date()
    {
        var pack = TestPacks.Valid() with { Helplines = [TestPacks.Route("H") with { NeedsReview = true }] };

        var problem = Assert.Single(JurisdictionPackValidator.Validate(pack, TestPacks.Today));
        Assert.StartsWith("helplines[0].lastVerified:", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fact_that_needs_review_still_names_its_source()
    {
        var pack = TestPacks.Valid() with { Helplines = [TestPacks.Route("H") with { NeedsReview = true, LastVerified = "", SourceUrl = "" }] };

        var problem = Assert.Single(JurisdictionPackValidator.Validate(pack, TestPacks.Today));
        Assert.StartsWith("helplines[0].sourceUrl:", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checked_fact_shows_its_date_and_becomes_stale_after_the_given_days()
    {
        var route = TestPacks.Route("H") with { LastVerified = "2026-05-25" };

        Assert.Equal("Checked on 25 May 2026", SourcedFacts.CheckedLabel(route));
        Assert.False(SourcedFacts.IsStale(route, new DateOnly(2026, 11, 21), 180));
        Assert.True(SourcedFacts.IsStale(route, new DateOnly(2026, 11, 22), 180));
    }

    private static void Walk(JsonElement element, string path, List<string> problems, ref int facts)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]"), problems, ref facts);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var hasDate = element.TryGetProperty("lastVerified", out var lastVerified);
        var hasSource = element.TryGetProperty("sourceUrl", out var source);
        var needsReview = element.TryGetProperty("needsReview", out var review) && review.ValueKind == JsonValueKind.True;
        if (hasDate || hasSource || (needsReview && path != "$"))
        {
            facts++;
            var url = hasSource ? source.GetString() : null;
            if (!JurisdictionPackValidator.IsHttpsUrl(url))
            {
                problems.Add($"{path}: has no https sourceUrl.");
            }
            else if (SourcedFacts.IsSelfCited(url))
            {
                problems.Add($"{path}: its source {url} is self-cited; cite the organisation's or the law's own page.");
            }

            if (needsReview && hasDate)
            {
                problems.Add($"{path}: needs review, so it must not carry a lastVerified date.");
            }
            else if (!needsReview && !DateOnly.TryParseExact(hasDate ? lastVerified.GetString() : null, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add($"{path}: lastVerified is missing or not yyyy-MM-dd.");
            }
            else if (!needsReview && DateOnly.ParseExact(lastVerified.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture) > Today)
            {
                problems.Add($"{path}: lastVerified is in the future.");
            }
        }

        foreach (var property in element.EnumerateObject())
        {
            Walk(property.Value, path + "." + property.Name, problems, ref facts);
        }
    }
}
