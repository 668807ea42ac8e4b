using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Domain.Tests.Safety;

public sealed class JurisdictionPackValidatorTests
{
    private static readonly DateOnly Today = TestPacks.Today;

    [Fact]
    public void The_test_pack_is_valid()
    {
        Assert.Empty(JurisdictionPackValidator.Validate(TestPacks.Valid(), Today));
    }

    [Fact]
    public void Catches_a_different_schema_version()
    {
        AssertSingleProblem(TestPacks.Valid() with { SchemaVersion = 2 }, "schemaVersion");
    }

    [Theory]
    [InlineData("")]
    [InlineData("usa")]
    [InlineData("us")]
    [InlineData("U1")]
    public void Catches_a_bad_code(string code)
    {
        AssertSingleProblem(TestPacks.Valid() with { Code = code }, "code");
    }

    [Fact]
    public void Catches_a_missing_name_and_content_version()
    {
        var problems = JurisdictionPackValidator.Validate(TestPacks.Valid() with { Name = " ", ContentVersion = 0 }, Today);

        Assert.Equal(2, problems.Count);
        Assert.StartsWith("name:", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("contentVersion:", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Catches_a_missing_emergency_number()
    {
        AssertSingleProblem(TestPacks.Valid() with { EmergencyNumber = null }, "emergencyNumber:");
    }

    [Theory]
    [InlineData("")]
    [InlineData("9111")]
    [InlineData("91")]
    [InlineData("9-1-1")]
    [InlineData("1l2")]
    public void Catches_an_emergency_number_that_is_not_three_digits(string number)
    {
        var pack = TestPacks.Valid();
        AssertSingleProblem(pack with { EmergencyNumber = pack.EmergencyNumber! with { Number = number } }, "emergencyNumber.number");
    }

    [Theory]
    [InlineData("911")]
    [InlineData("112")]
    [InlineData("000")]
    public void Accepts_three_digit_emergency_numbers(string number)
    {
        var pack = TestPacks.Valid();
        Assert.Empty(JurisdictionPackValidator.Validate(pack with { EmergencyNumber = pack.EmergencyNumber! with { Number = number } }, Today));
    }

    [Theory]
    [InlineData("1-800-THE-LOST")]
    [InlineData("0800 123 456 ext 2")]
    [InlineData("12")]
    [InlineData("+")]
    [InlineData("0800+123")]
    [InlineData("1234567890123456")]
    [InlineData("")]
    public void Catches_a_badly_formed_phone_number(string phone)
    {
        var pack = TestPacks.Valid() with { Helplines = [TestPacks.Route("H", phone)] };

        AssertSingleProblem(pack, "helplines[0].phone");
    }

    [Theory]
    [InlineData("844-878-2274")]
    [InlineData("0345 6000 459")]
    [InlineData("+353 1 963 7755")]
    [InlineData("(204) 560-2101")]
    [InlineData("1800 737 732")]
    [InlineData("1-800-843-5678")]
    public void Accepts_real_phone_formats(string phone)
    {
        Assert.True(JurisdictionPackValidator.IsValidPhone(phone));
        Assert.Empty(JurisdictionPackValidator.Validate(TestPacks.Valid() with { Helplines = [TestPacks.Route("H", phone)] }, Today));
    }

    [Fact]
    public void Catches_a_phone_number_without_opening_hours()
    {
        var pack = TestPacks.Valid() with { Helplines = [TestPacks.Route("H", "0800 123 456") with { Hours = null }] };

        AssertSingleProblem(pack, "helplines[0].hours");
    }

    [Theory]
    [InlineData("http://example.org/help")]
    [InlineData("ftp://example.org/help")]
    [InlineData("example.org/help")]
    [InlineData("https://")]
    [InlineData("https://exa mple.org")]
    [InlineData("")]
    public void Catches_a_web_address_that_is_not_https(string url)
    {
        var pack = TestPacks.Valid() with { ReportingRoutes = [TestPacks.Route("R") with { WebUrl = url }] };

        AssertSingleProblem(pack, "reportingRoutes[0].webUrl");
    }

    [Fact]
    public void Catches_a_source_that_is_not_https_on_every_kind_of_fact()
    {
        var pack = TestPacks.Valid();
        var broken = pack with
        {
            EmergencyNumber = pack.EmergencyNumber! with { SourceUrl = "http://example.org" },
            UnderEighteenRoutes = [TestPacks.Route("U") with { SourceUrl = "" }],
            LegalRemedies = pack.LegalRemedies! with
            {
                PoliceReport = pack.LegalRemedies.PoliceReport! with { SourceUrl = "not a url" },
            },
        };

        var problems = JurisdictionPackValidator.Validate(broken, Today);

        Assert.Equal(
            ["emergencyNumber.sourceUrl", "underEighteenRoutes[0].sourceUrl", "legalRemedies.policeReport.sourceUrl"],
            problems.Select(p => p[..p.IndexOf(':', StringComparison.Ordinal)]));
    }

    [Theory]
    [InlineData("21/11/2026")]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("2026-1-5")]
    [InlineData("")]
    public void Catches_a_last_verified_date_that_is_not_an_iso_date(string date)
    {
        var pack = TestPacks.Valid() with { Helplines = [TestPacks.Route("H") with { LastVerified = date }] };

        AssertSingleProblem(pack, "helplines[0].lastVerified");
    }

    [Fact]
    public void Catches_a_last_verified_date_in_the_future()
    {
        var pack = TestPacks.Valid();
        var broken = pack with
        {
            LegalRemedies = pack.LegalRemedies! with
            {
                RestrainingOrder = pack.LegalRemedies.RestrainingOrder! with { LastVerified = "2026-11-22" },
            },
        };

        var problem = AssertSingleProblem(broken, "legalRemedies.restrainingOrder.lastVerified");
        Assert.Contains("future", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_a_fact_verified_today()
    {
        var pack = TestPacks.Valid() with { Helplines = [TestPacks.Route("H") with { LastVerified = "2026-11-21" }] };

        Assert.Empty(JurisdictionPackValidator.Validate(pack, Today));
    }

    [Theory]
    [InlineData("helplines")]
    [InlineData("reportingRoutes")]
    [InlineData("underEighteenRoutes")]
    [InlineData("crisisLines")]
    [InlineData("extortionRoutes")]
    [InlineData("underEighteenExtortionRoutes")]
    public void Catches_an_empty_or_missing_list_of_routes(string list)
    {
        var pack = TestPacks.Valid();
        var empty = list switch
        {
            "helplines" => pack with { Helplines = [] },
            "reportingRoutes" => pack with { ReportingRoutes = null },
            "crisisLines" => pack with { CrisisLines = null },
            "extortionRoutes" => pack with { ExtortionRoutes = [] },
            "underEighteenExtortionRoutes" => pack with { UnderEighteenExtortionRoutes = null },
            _ => pack with { UnderEighteenRoutes = [] },
        };

        AssertSingleProblem(empty, list + ":");
    }

    [Fact]
    public void Catches_a_route_without_a_name_or_description()
    {
        var pack = TestPacks.Valid() with { Helplines = [TestPacks.Route("") with { Description = "" }] };

        var problems = JurisdictionPackValidator.Validate(pack, Today);

        Assert.Equal(["helplines[0].name: is required.", "helplines[0].description: is required."], problems);
    }

    [Fact]
    public void Catches_missing_legal_remedies()
    {
        AssertSingleProblem(TestPacks.Valid() with { LegalRemedies = null }, "legalRemedies:");

        var pack = TestPacks.Valid();
        AssertSingleProblem(pack with { LegalRemedies = pack.LegalRemedies! with { EmergencyProtectiveOrder = null } },
            "legalRemedies.emergencyProtectiveOrder:");
        AssertSingleProblem(pack with { LegalRemedies = pack.LegalRemedies! with { RestrainingOrder = pack.LegalRemedies.RestrainingOrder! with { Name = "" } } },
            "legalRemedies.restrainingOrder.name");
    }

    [Theory]
    [InlineData("Support for revenge porn.")]
    [InlineData("Help for every Victim.")]
    public void Catches_our_own_prose_using_words_we_do_not_use(string description)
    {
        var pack = TestPacks.Valid() with { ReportingRoutes = [TestPacks.Route("R") with { Description = description }] };

        AssertSingleProblem(pack, "reportingRoutes[0].description");
    }

    [Fact]
    public void Allows_an_organisation_to_be_quoted_by_its_own_name()
    {
        var pack = TestPacks.Valid() with { Helplines = [TestPacks.Route("Revenge Porn Helpline", "0345 6000 459")] };

        Assert.Empty(JurisdictionPackValidator.Validate(pack, Today));
    }

    [Fact]
    public void Reports_every_problem_at_once()
    {
        var pack = TestPacks.Valid() with
        {
            SchemaVersion = 0,
            Code = "",
            EmergencyNumber = null,
            Helplines = [],
            LegalRemedies = null,
        };

        Assert.Equal(5, JurisdictionPackValidator.Validate(pack, Today).Count);
    }

    private static string AssertSingleProblem(JurisdictionPack pack, string pathPrefix)
    {
        var problem = Assert.Single(JurisdictionPackValidator.Validate(pack, Today));
        Assert.StartsWith(pathPrefix, problem, StringComparison.Ordinal);
        return problem;
    }
}
