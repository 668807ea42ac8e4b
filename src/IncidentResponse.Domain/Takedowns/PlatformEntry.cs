using IncidentResponse.Domain.Safety;

namespace IncidentResponse.Domain.Takedowns;

/// <summary>
/// One platform, search engine or host in the takedown directory, read from <c>Content/platforms/*.json</c>. Every fact
/// carries the https page it was checked against and the date it was last checked (ISO <c>yyyy-MM-dd</c>), so an
/// advocate can correct a form address without touching C#. <see cref="PlatformEntryValidator"/> checks the file.
/// </summary>
public sealed record PlatformEntry
{
    /// <summary>The schema this code reads. An entry with another value is rejected by the validator.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; }

    /// <summary>Stable lower-case id (<c>facebook</c>, <c>google-search</c>); the file is named after it.</summary>
    public string Id { get; init; } = "";

    /// <summary>The name people know it by, as the company writes it.</summary>
    public string Name { get; init; } = "";

    /// <summary>The company that runs it (who a letter is addressed to).</summary>
    public string Operator { get; init; } = "";

    public PlatformKind Kind { get; init; }

    /// <summary>Increases with every content change, so a page can say which version of the facts it showed.</summary>
    public int ContentVersion { get; init; }

    /// <summary>
    /// True while at least one fact in the entry has not been read on a copy of its source page; the page shows a
    /// "please double-check" note. Facts are still required to name the page they should be checked against.
    /// </summary>
    public bool NeedsReview { get; init; }

    /// <summary>Optional note for editors about how the facts were checked; never shown to survivors.</summary>
    public string? EditorialNote { get; init; }

    /// <summary>The platform's own rule against sharing intimate images without consent, cited in a policy report.</summary>
    public PlatformPolicy? Policy { get; init; }

    /// <summary>Where to report intimate images shared without consent (or a privacy complaint).</summary>
    public ReportRoute? NciiRoute { get; init; }

    /// <summary>
    /// Where to report an account that threatens the person, demands money or images, or impersonates them. Given for
    /// every platform where people have accounts that can contact them (kind <c>platform</c>); absent for a search engine
    /// and for a host the directory does not name, where there is no account to report.
    /// </summary>
    public ReportRoute? ExtortionRoute { get; init; }

    public DmcaRoute? Dmca { get; init; }

    /// <summary>
    /// The US TAKE IT DOWN Act facts of a covered platform: its notice-and-removal process (where a request must be
    /// submitted for the 48 hours to run), when known, and where the FTC takes a complaint about a platform that does not
    /// remove. Absent for a search engine.
    /// </summary>
    public TakeItDownFacts? TakeItDown { get; init; }
    /// A search engine's form for removal requests under EU/UK data protection law (GDPR / UK GDPR Article 17), where a
    /// data protection delisting request is sent.
    /// </summary>
    public DataProtectionRoute? DataProtectionRoute { get; init; }

    public HashMatchingFact? HashMatching { get; init; }

    /// <summary>What the route asks you for.</summary>
    public IReadOnlyList<RequestItem>? AsksFor { get; init; } = [];

    /// <summary>How long a reply takes, in the platform's own published terms, or "Not published."</summary>
    public ResponseTimeFact? ResponseTime { get; init; }

    /// <summary>Who to go to next when there is no answer or a refusal, in order: form, trust and safety, privacy, regulator.</summary>
    public IReadOnlyList<EscalationStep>? Escalation { get; init; } = [];

    /// <summary>Things to know before choosing a route (for example, who sees your contact details).</summary>
    public IReadOnlyList<RouteWarning>? Warnings { get; init; } = [];

    /// <summary>
    /// The letters it makes sense to write to it, in the order they are offered: for example a search result removal
    /// request only to a search engine, a copyright notice only where it takes them, a TAKE IT DOWN Act request only to a
    /// US covered platform (a service for user-generated content). A follow-up is never listed: it is written from a
    /// sent letter.
    /// </summary>
    public IReadOnlyList<LetterKind>? LetterKinds { get; init; } = [];

    /// <summary>
    /// True when a new letter of <paramref name="kind"/> may be written to it. A TAKE IT DOWN Act request only where the
    /// entry records the platform's notice-and-removal process: the Act's 48 hours run from receipt through that process.
    /// </summary>
    public bool Offers(LetterKind kind) =>
        LetterKinds is { } kinds && kinds.Contains(kind)
        && (kind != LetterKind.TakeItDownRequest || TakeItDown?.Process is not null);

    /// <summary>
    /// True when a new letter of <paramref name="kind"/> may be written to it by someone living in
    /// <paramref name="jurisdictionCode"/>: a data protection delisting request only where the GDPR or UK GDPR applies.
    /// </summary>
    public bool OffersIn(LetterKind kind, string? jurisdictionCode) =>
        Offers(kind) && (kind != LetterKind.DataProtectionDelisting || DataProtectionLaw.Applies(jurisdictionCode));
}

public enum PlatformKind
{
    Platform = 1,
    SearchEngine = 2,
    OtherHost = 3,
}

/// <summary>What a report route asks for.</summary>
public enum RequestItem
{
    Urls = 1,
    AccountName = 2,
    Screenshots = 3,
    GovernmentId = 4,
    LegalName = 5,
    Email = 6,
    Description = 7,
    PlatformAccount = 8,
    Signature = 9,
}

/// <summary>Which route a warning is about.</summary>
public enum WarningRoute
{
    Any = 1,
    PolicyReport = 2,
    Dmca = 3,
    TakeItDown = 4,
    Dsa = 5,
}

/// <summary>The step an escalation contact stands for, in the order they are tried.</summary>
public enum EscalationStepKind
{
    Form = 1,
    TrustAndSafetyEmail = 2,
    PrivacyOfficer = 3,
    Regulator = 4,
}

public sealed record PlatformPolicy : ISourcedFact
{
    /// <summary>The rule's own name as the platform writes it.</summary>
    public string Name { get; init; } = "";

    public string Url { get; init; } = "";

    public string SourceUrl { get; init; } = "";

    /// <summary>Empty while <see cref="NeedsReview"/> is true: an address nobody could read today carries no date.</summary>
    public string LastVerified { get; init; } = "";

    public bool NeedsReview { get; init; }
}

public sealed record ReportRoute : ISourcedFact
{
    /// <summary>The https page where the report starts (a form, or the help page describing the in-app report).</summary>
    public string StartUrl { get; init; } = "";

    public string? Email { get; init; }

    /// <summary>Our own plain steps.</summary>
    public string HowTo { get; init; } = "";

    public string SourceUrl { get; init; } = "";

    public string LastVerified { get; init; } = "";

    public bool NeedsReview { get; init; }
}

public sealed record DmcaRoute : ISourcedFact
{
    public bool Accepted { get; init; }

    /// <summary>Our own plain description of how to send a notice (or why there is none).</summary>
    public string HowTo { get; init; } = "";

    public string? FormUrl { get; init; }

    public string? Email { get; init; }

    public string SourceUrl { get; init; } = "";

    public string LastVerified { get; init; } = "";

    public bool NeedsReview { get; init; }
}

public sealed record TakeItDownFacts
{
    /// <summary>Where the platform takes TAKE IT DOWN Act requests; null while it is not known (the request is then not offered).</summary>
    public TakeItDownProcess? Process { get; init; }

    /// <summary>Where to complain to the FTC when the platform does not remove within 48 hours or offers no process.</summary>
    public FtcComplaint? Ftc { get; init; }
}

/// <summary>
/// A covered platform's notice-and-removal process under 47 U.S.C. §223a(a)(1): the form, or the email address, where a
/// request must be submitted. Sourced from the platform's own page; <see cref="NeedsReview"/> (and no date) while the
/// page has not been read.
/// </summary>
public sealed record TakeItDownProcess : ISourcedFact
{
    public string? FormUrl { get; init; }

    public string? Email { get; init; }

    /// <summary>Our own plain steps.</summary>
    public string HowTo { get; init; } = "";

    public string SourceUrl { get; init; } = "";

    public string LastVerified { get; init; } = "";

    public bool NeedsReview { get; init; }

    /// <summary>The ways a request can be sent through this process: its form, its email address, or both.</summary>
    public IReadOnlyList<TakedownChannel> Channels =>
        [.. FormUrl is null ? [] : new[] { TakedownChannel.Form }, .. Email is null ? [] : new[] { TakedownChannel.Email }];
}

/// <summary>The Federal Trade Commission's own way to report a platform under the TAKE IT DOWN Act.</summary>
public sealed record FtcComplaint : ISourcedFact
{
    public string Name { get; init; } = "";

    /// <summary>An https address.</summary>
    public string Contact { get; init; } = "";

    public string SourceUrl { get; init; } = "";

    public string LastVerified { get; init; } = "";

    public bool NeedsReview { get; init; }
}

/// <summary>A search engine's own form for requests under EU/UK data protection law.</summary>
public sealed record DataProtectionRoute : Safety.ISourcedFact
{
    /// <summary>The https address of the engine's EU/UK privacy removal form.</summary>
    public string FormUrl { get; init; } = "";

    /// <summary>Our own plain steps.</summary>
    public string HowTo { get; init; } = "";

    public string SourceUrl { get; init; } = "";

    /// <summary>The date the form address was read on the engine's own page; empty while it needs review.</summary>
    public string LastVerified { get; init; } = "";

    /// <summary>True while the address was not read on the engine's own page: shown as "not yet checked".</summary>
    public bool NeedsReview { get; init; }
}

public sealed record HashMatchingFact
{
    /// <summary>Whether it takes hashes from StopNCII.org.</summary>
    public bool StopNciiPartner { get; init; }

    public string Note { get; init; } = "";

    public string SourceUrl { get; init; } = "";

    public string LastVerified { get; init; } = "";
}

public sealed record ResponseTimeFact : ISourcedFact
{
    /// <summary>For example "Within 48 hours of a valid Take It Down Act request." or "Not published."</summary>
    public string Text { get; init; } = "";

    public string SourceUrl { get; init; } = "";

    public string LastVerified { get; init; } = "";

    public bool NeedsReview { get; init; }
}

public sealed record EscalationStep
{
    public EscalationStepKind Step { get; init; }

    public string Name { get; init; } = "";

    /// <summary>An https address or an email address.</summary>
    public string Contact { get; init; } = "";

    /// <summary>
    /// Where the step applies: country codes, or <c>EU</c> for every EU member state. Empty or missing means anywhere
    /// (a regulator usually only takes complaints from people where it has power).
    /// </summary>
    public IReadOnlyList<string>? AppliesIn { get; init; }

    /// <summary>True when the step is open to someone in the jurisdiction <paramref name="code"/>.</summary>
    public bool AppliesTo(string? code)
    {
        if (AppliesIn is null || AppliesIn.Count == 0)
        {
            return true;
        }

        var normalised = (code ?? "").Trim().ToUpperInvariant();
        return AppliesIn.Contains(normalised, StringComparer.Ordinal)
               || (AppliesIn.Contains(EuropeanUnion.Code, StringComparer.Ordinal) && EuropeanUnion.IsMember(normalised));
    }

    public string SourceUrl { get; init; } = "";

    public string LastVerified { get; init; } = "";
}

public sealed record RouteWarning
{
    public WarningRoute Route { get; init; }

    /// <summary>Our own plain words, shown before the route is chosen.</summary>
    public string Text { get; init; } = "";

    public string SourceUrl { get; init; } = "";

    public string LastVerified { get; init; } = "";
}
