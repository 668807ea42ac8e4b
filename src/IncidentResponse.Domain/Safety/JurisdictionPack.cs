namespace IncidentResponse.Domain.Safety;

/// <summary>
/// The facts for one jurisdiction, read from <c>Content/jurisdictions/*.json</c>. Every fact carries the https page it
/// was checked against and the date it was last checked (ISO <c>yyyy-MM-dd</c>), so an advocate can correct a number
/// without touching C#. Strings are kept as written in the file; <see cref="JurisdictionPackValidator"/> checks them.
/// </summary>
public sealed record JurisdictionPack
{
    /// <summary>The schema this code reads. A pack with another value is rejected by the validator.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code (GB for the United Kingdom), or <c>INTL</c> for the general fallback.</summary>
    public string Code { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>Increases with every content change, so a page can say which version of the facts it showed.</summary>
    public int ContentVersion { get; init; }

    /// <summary>Optional note for editors about how the facts were checked; never shown to survivors.</summary>
    public string? EditorialNote { get; init; }

    public EmergencyNumberFact? EmergencyNumber { get; init; }

    /// <summary>Helplines for intimate image abuse and related support, most relevant first.</summary>
    public IReadOnlyList<ContactRoute>? Helplines { get; init; } = [];

    /// <summary>Official or recognised routes to report content or conduct (regulators, hotlines, hashing services).</summary>
    public IReadOnlyList<ContactRoute>? ReportingRoutes { get; init; } = [];

    /// <summary>Routes for images made when someone was under 18.</summary>
    public IReadOnlyList<ContactRoute>? UnderEighteenRoutes { get; init; } = [];

    /// <summary>
    /// Where an adult reports sextortion (threats to share intimate images unless the person pays or sends more): the
    /// police or the national reporting line. A route here may have no web address ("your local police" has no single one).
    /// </summary>
    public IReadOnlyList<ContactRoute>? ExtortionRoutes { get; init; } = [];

    /// <summary>Where someone under 18, or whose images were made before they were 18, reports sextortion.</summary>
    public IReadOnlyList<ContactRoute>? UnderEighteenExtortionRoutes { get; init; } = [];

    /// <summary>
    /// Crisis lines for anyone struggling to cope or thinking of harming themselves, most relevant first: shown in every
    /// plan and at once when the person says they have such thoughts.
    /// </summary>
    public IReadOnlyList<ContactRoute>? CrisisLines { get; init; } = [];

    /// <summary>
    /// Support after sexual assault, for images made while someone could not consent (asleep, drunk, drugged, forced).
    /// May be empty where no national service was found on a primary page; the plan then names a local service.
    /// </summary>
    public IReadOnlyList<ContactRoute>? SexualAssaultSupport { get; init; } = [];

    public LegalRemedies? LegalRemedies { get; init; }
}

/// <summary>The number to call in an emergency, with an optional plain note (other numbers that also work).</summary>
public sealed record EmergencyNumberFact : ISourcedFact
{
    public string Number { get; init; } = "";

    public string? Note { get; init; }

    public string SourceUrl { get; init; } = "";

    public string LastVerified { get; init; } = "";

    public bool NeedsReview { get; init; }
}

/// <summary>A helpline, reporting route, under-18 route or route for reporting sextortion.</summary>
public sealed record ContactRoute : ISourcedFact
{
    /// <summary>The organisation's or service's own name, quoted as it is (even where we would word it differently).</summary>
    public string Name { get; init; } = "";

    /// <summary>Our own plain description of who it is for and what it does.</summary>
    public string Description { get; init; } = "";

    public string? Phone { get; init; }

    /// <summary>When the phone line is open; required when there is a phone number.</summary>
    public string? Hours { get; init; }

    /// <summary>The service's https address; may be empty only on the sextortion lists (a local police service has no single one).</summary>
    public string WebUrl { get; init; } = "";

    public string SourceUrl { get; init; } = "";

    public string LastVerified { get; init; } = "";

    public bool NeedsReview { get; init; }
}

/// <summary>The names the legal remedies go by in the jurisdiction.</summary>
public sealed record LegalRemedies
{
    public RemedyName? EmergencyProtectiveOrder { get; init; }

    public RemedyName? RestrainingOrder { get; init; }

    public RemedyName? PoliceReport { get; init; }

    /// <summary>A law that gives a takedown route of its own (the US TAKE IT DOWN Act); optional.</summary>
    public RemedyName? TakedownLaw { get; init; }
}

/// <summary>What a remedy is called there (a label, without an article) and a plain description.</summary>
public sealed record RemedyName : ISourcedFact
{
    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public string SourceUrl { get; init; } = "";

    public string LastVerified { get; init; } = "";

    public bool NeedsReview { get; init; }
}
