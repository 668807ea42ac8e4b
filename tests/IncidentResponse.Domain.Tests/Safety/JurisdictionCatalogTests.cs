using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Domain.Tests.Safety;

public sealed class JurisdictionCatalogTests
{
    public static TheoryData<string> ShippedCodes() => new("US", "GB", "CA", "AU", "IE", "ES", "FR", "MX", "INTL");

    [Fact]
    public void Ships_one_pack_per_jurisdiction_as_embedded_resources()
    {
        var names = JurisdictionCatalog.EmbeddedResourceNames(typeof(JurisdictionCatalog).Assembly);

        Assert.Equal(
            ["au", "ca", "es", "fr", "gb", "ie", "intl", "mx", "us"],
            names.Select(n => n[JurisdictionCatalog.ResourcePrefix.Length..^".json".Length]));
        Assert.Equal(
            ["AU", "CA", "ES", "FR", "GB", "IE", "INTL", "MX", "US"],
            TestPacks.Shipped.Packs.Select(p => p.Code).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ShippedCodes))]
    public void Every_shipped_pack_validates(string code)
    {
        var pack = TestPacks.Shipped.Get(code);

        Assert.Equal(code, pack.Code);
        Assert.Empty(JurisdictionPackValidator.Validate(pack, DateOnly.FromDateTime(DateTime.UtcNow)));
    }

    [Theory]
    [MemberData(nameof(ShippedCodes))]
    public void Every_shipped_pack_file_is_copied_to_the_output(string code)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Content", "jurisdictions", code.ToLowerInvariant() + ".json");

        Assert.True(File.Exists(path), path);
        Assert.Equal(code, JurisdictionCatalog.ParsePack(File.ReadAllText(path)).Code);
    }

    [Theory]
    [InlineData("US", "911")]
    [InlineData("GB", "999")]
    [InlineData("CA", "911")]
    [InlineData("AU", "000")]
    [InlineData("IE", "112")]
    [InlineData("ES", "112")]
    [InlineData("FR", "112")]
    [InlineData("MX", "911")]
    [InlineData("INTL", "112")]
    public void Each_pack_has_its_emergency_number(string code, string number)
    {
        Assert.Equal(number, TestPacks.Shipped.Get(code).EmergencyNumber!.Number);
    }

    [Theory]
    [InlineData("US", "CCRI Image Abuse Helpline")]
    [InlineData("GB", "Revenge Porn Helpline")]
    [InlineData("CA", "Cybertip.ca")]
    [InlineData("IE", "Hotline.ie")]
    [InlineData("ES", "016")]
    [InlineData("FR", "3919")]
    [InlineData("MX", "Línea de las Mujeres")]
    [InlineData("INTL", "Revenge Porn Helpline")]
    public void Each_pack_lists_its_intimate_image_abuse_helpline_first(string code, string helpline)
    {
        Assert.StartsWith(helpline, TestPacks.Shipped.Get(code).Helplines![0].Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AU", "eSafety Commissioner")]
    [InlineData("IE", "Coimisiún na Meán")]
    [InlineData("ES", "Canal prioritario")]
    [InlineData("FR", "PHAROS")]
    [InlineData("MX", "StopNCII.org")]
    [InlineData("INTL", "StopNCII.org")]
    [InlineData("GB", "StopNCII.org")]
    public void Each_pack_has_its_official_reporting_route(string code, string route)
    {
        Assert.Contains(TestPacks.Shipped.Get(code).ReportingRoutes!, r => r.Name.StartsWith(route, StringComparison.Ordinal));
    }

    [Fact]
    public void Report_Harmful_Content_is_not_offered_for_intimate_image_abuse()
    {
        // The Revenge Porn Helpline's own page sends intimate image abuse to the helpline, and only other harmful content there.
        Assert.DoesNotContain(TestPacks.Shipped.Packs.SelectMany(p => p.ReportingRoutes!.Concat(p.Helplines!)), r => r.Name.Contains("Report Harmful Content", StringComparison.Ordinal));
        Assert.Contains(TestPacks.Shipped.Get("GB").Helplines!, r => r.Name == "Revenge Porn Helpline");
    }

    [Fact]
    public void The_uk_domestic_abuse_helpline_is_refuges_and_the_police_report_names_each_nations_offence()
    {
        var gb = TestPacks.Shipped.Get("GB");
        var helpline = gb.Helplines!.Single(r => r.Name == "National Domestic Abuse Helpline");
        Assert.StartsWith("https://www.refuge.org.uk/", helpline.WebUrl, StringComparison.Ordinal);
        Assert.StartsWith("https://www.refuge.org.uk/", helpline.SourceUrl, StringComparison.Ordinal);

        var police = gb.LegalRemedies!.PoliceReport!.Description;
        Assert.Contains("section 66B of the Sexual Offences Act 2003", police, StringComparison.Ordinal);
        Assert.Contains("section 2 of the Abusive Behaviour and Sexual Harm (Scotland) Act 2016", police, StringComparison.Ordinal);
        Assert.Contains("section 51 of the Justice Act (Northern Ireland) 2016", police, StringComparison.Ordinal);
        Assert.Contains("Coco's Law", TestPacks.Shipped.Get("IE").LegalRemedies!.PoliceReport!.Description, StringComparison.Ordinal);
        Assert.Contains("differ from state to state", TestPacks.Shipped.Get("US").LegalRemedies!.EmergencyProtectiveOrder!.Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("US", "Take It Down")]
    [InlineData("US", "CyberTipline")]
    [InlineData("GB", "Report Remove")]
    [InlineData("CA", "NeedHelpNow.ca")]
    [InlineData("AU", "Kids Helpline")]
    [InlineData("IE", "Childline")]
    [InlineData("ES", "017")]
    [InlineData("FR", "3018")]
    [InlineData("MX", "Te Protejo México")]
    [InlineData("INTL", "Take It Down")]
    public void Each_pack_has_its_under_18_routes(string code, string route)
    {
        Assert.Contains(TestPacks.Shipped.Get(code).UnderEighteenRoutes!, r => r.Name.StartsWith(route, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("us", "US")]
    [InlineData(" gb ", "GB")]
    [InlineData("UK", "GB")]
    [InlineData("uk", "GB")]
    [InlineData("Ie", "IE")]
    [InlineData("DE", "INTL")]
    [InlineData("", "INTL")]
    [InlineData(null, "INTL")]
    public void Lookup_ignores_case_knows_uk_and_falls_back_to_international(string? code, string expected)
    {
        Assert.Equal(expected, TestPacks.Shipped.Get(code).Code);
    }

    [Fact]
    public void TryGet_reports_a_missing_code_instead_of_falling_back()
    {
        Assert.False(TestPacks.Shipped.TryGet("DE", out _));
        Assert.True(TestPacks.Shipped.TryGet("au", out var pack));
        Assert.Equal("AU", pack.Code);
    }

    [Fact]
    public void A_catalog_without_the_international_fallback_is_refused()
    {
        var exception = Assert.Throws<InvalidDataException>(() =>
            JurisdictionCatalog.FromPacks([TestPacks.Valid()], TestPacks.Today));

        Assert.Contains("INTL fallback pack is missing", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalog_with_an_invalid_pack_is_refused_naming_the_problem()
    {
        var broken = TestPacks.Valid() with { EmergencyNumber = new EmergencyNumberFact { Number = "9-1-1" } };

        var exception = Assert.Throws<InvalidDataException>(() =>
            JurisdictionCatalog.FromPacks([TestPacks.Valid("INTL"), broken], TestPacks.Today));

        Assert.Contains("ZZ: emergencyNumber.number", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_packs_with_the_same_code_are_refused()
    {
        var exception = Assert.Throws<InvalidDataException>(() =>
            JurisdictionCatalog.FromPacks([TestPacks.Valid("INTL"), TestPacks.Valid("INTL")], TestPacks.Today));

        Assert.Contains("more than one pack", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_catalog_can_be_built_from_packs()
    {
        var catalog = JurisdictionCatalog.FromPacks([TestPacks.Valid("INTL"), TestPacks.Valid()], TestPacks.Today);

        Assert.Equal("ZZ", catalog.Get("zz").Code);
        Assert.Equal("INTL", catalog.Fallback.Code);
    }

    [Fact]
    public void Parsing_rejects_a_misspelt_field()
    {
        const string Json = """{ "schemaVersion": 1, "code": "ZZ", "sourceURL": "https://example.org" }""";

        var exception = Assert.Throws<InvalidDataException>(() => JurisdictionCatalog.ParsePack(Json, "zz.json"));

        Assert.Contains("zz.json", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parsing_rejects_broken_json()
    {
        Assert.Throws<InvalidDataException>(() => JurisdictionCatalog.ParsePack("{ \"code\": ", "broken.json"));
    }

    [Fact]
    public void Parsing_reads_every_field()
    {
        const string Json = """
            {
              "schemaVersion": 1, "code": "ZZ", "name": "Testland", "contentVersion": 3, "editorialNote": "note",
              "emergencyNumber": { "number": "123", "note": "n", "sourceUrl": "https://a.example", "lastVerified": "2026-01-02" },
              "helplines": [ { "name": "H", "description": "d", "phone": "+1 (2) 3-4", "hours": "always",
                               "webUrl": "https://h.example", "sourceUrl": "https://s.example", "lastVerified": "2026-01-03" } ],
              "reportingRoutes": [], "underEighteenRoutes": [],
              "legalRemedies": { "policeReport": { "name": "p", "description": "d", "sourceUrl": "https://p.example", "lastVerified": "2026-01-04" } }
            }
            """;

        var pack = JurisdictionCatalog.ParsePack(Json);

        Assert.Equal(3, pack.ContentVersion);
        Assert.Equal("n", pack.EmergencyNumber!.Note);
        Assert.Equal("+1 (2) 3-4", pack.Helplines![0].Phone);
        Assert.Equal("always", pack.Helplines[0].Hours);
        Assert.Equal("2026-01-04", pack.LegalRemedies!.PoliceReport!.LastVerified);
        Assert.Null(pack.LegalRemedies.RestrainingOrder);
    }
}
