using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Domain.Tests.Takedowns;

/// <summary>A small, valid platform entry to break on purpose.</summary>
internal static class TestPlatforms
{
    public static readonly DateOnly Today = new(2026, 11, 21);

    private const string Source = "https://example.org/source";
    private const string Verified = "2026-11-01";

    public static PlatformEntry Valid() => new()
    {
        SchemaVersion = 1,
        Id = "example",
        Name = "Example",
        Operator = "Example Inc.",
        Kind = PlatformKind.Platform,
        ContentVersion = 1,
        Policy = new PlatformPolicy { Name = "Intimate images rule", Url = "https://example.org/rule", SourceUrl = Source, LastVerified = Verified },
        NciiRoute = new ReportRoute { StartUrl = "https://example.org/report", Email = "safety@example.org", HowTo = "Use the report form.", SourceUrl = Source, LastVerified = Verified },
        ExtortionRoute = new ReportRoute { StartUrl = "https://example.org/report-account", HowTo = "Report the account from its profile.", SourceUrl = Source, LastVerified = Verified },
        Dmca = new DmcaRoute { Accepted = true, HowTo = "Use the copyright form.", FormUrl = "https://example.org/dmca", SourceUrl = Source, LastVerified = Verified },
        TakeItDown = new TakeItDownFacts
        {
            Process = new TakeItDownProcess { FormUrl = "https://example.org/take-it-down", HowTo = "Use the TAKE IT DOWN Act form.", SourceUrl = Source, LastVerified = Verified },
            Ftc = new FtcComplaint { Name = "US Federal Trade Commission", Contact = "https://ftc.example.gov/", SourceUrl = "https://ftc.example.gov/", NeedsReview = true },
        },
        HashMatching = new HashMatchingFact { StopNciiPartner = false, Note = "Not a partner.", SourceUrl = Source, LastVerified = Verified },
        AsksFor = [RequestItem.Urls, RequestItem.Email],
        ResponseTime = new ResponseTimeFact { Text = "Not published.", SourceUrl = Source, LastVerified = Verified },
        Escalation =
        [
            Step(EscalationStepKind.Form, "https://example.org/report"),
            Step(EscalationStepKind.TrustAndSafetyEmail, "safety@example.org"),
            Step(EscalationStepKind.PrivacyOfficer, "dpo@example.org"),
            Step(EscalationStepKind.Regulator, "https://regulator.example.org/"),
        ],
        Warnings = [new RouteWarning { Route = WarningRoute.Dmca, Text = "Your name may be passed on.", SourceUrl = Source, LastVerified = Verified }],
        LetterKinds = [LetterKind.PlatformPolicyReport, LetterKind.ExtortionAccountReport, LetterKind.DmcaNotice, LetterKind.TakeItDownRequest],
    };

    public static EscalationStep Step(EscalationStepKind kind, string contact) => new()
    {
        Step = kind,
        Name = kind.ToString(),
        Contact = contact,
        SourceUrl = Source,
        LastVerified = Verified,
    };
}
