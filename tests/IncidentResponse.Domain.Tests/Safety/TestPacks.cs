using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Domain.Tests.Safety;

/// <summary>A small, valid pack to break on purpose, and the shipped catalog.</summary>
internal static class TestPacks
{
    public static readonly DateOnly Today = new(2026, 11, 21);

    private const string Source = "https://example.org/source";
    private const string Verified = "2026-11-01";

    public static JurisdictionCatalog Shipped { get; } = JurisdictionCatalog.LoadEmbedded(DateOnly.FromDateTime(DateTime.UtcNow));

    public static ContactRoute Route(string name, string? phone = null) => new()
    {
        Name = name,
        Description = "Plain help for people experiencing intimate image abuse.",
        Phone = phone,
        Hours = phone is null ? null : "24 hours a day",
        WebUrl = "https://example.org/help",
        SourceUrl = Source,
        LastVerified = Verified,
    };

    public static RemedyName Remedy(string name) => new()
    {
        Name = name,
        Description = "What it does, in plain words.",
        SourceUrl = Source,
        LastVerified = Verified,
    };

    public static JurisdictionPack Valid(string code = "ZZ") => new()
    {
        SchemaVersion = JurisdictionPack.CurrentSchemaVersion,
        Code = code,
        Name = "Testland",
        ContentVersion = 1,
        EmergencyNumber = new EmergencyNumberFact { Number = "123", SourceUrl = Source, LastVerified = Verified },
        Helplines = [Route("Test Helpline", "0800 123 456"), Route("Web Helpline")],
        ReportingRoutes = [Route("Test Regulator")],
        UnderEighteenRoutes = [Route("Test Under-18 Route")],
        ExtortionRoutes = [Route("Test Police", "0800 222 333")],
        UnderEighteenExtortionRoutes = [Route("Test Child Exploitation Line")],
        CrisisLines = [Route("Test Crisis Line", "0800 000 111")],
        LegalRemedies = new LegalRemedies
        {
            EmergencyProtectiveOrder = Remedy("urgent order"),
            RestrainingOrder = Remedy("long order"),
            PoliceReport = Remedy("a report to the test police"),
        },
    };
}
