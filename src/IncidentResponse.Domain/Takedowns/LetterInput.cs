namespace IncidentResponse.Domain.Takedowns;

/// <summary>
/// Everything a letter is written from, as plain values the web layer copies from the case. The composer and the
/// completeness check read nothing else.
/// </summary>
public sealed record LetterInput
{
    /// <summary>The sightings chosen for this letter.</summary>
    public IReadOnlyList<SightingRef> Sightings { get; init; } = [];

    /// <summary>Incidents that give context (used in a follow-up, a DSA explanation or a preservation request).</summary>
    public IReadOnlyList<IncidentRef> Incidents { get; init; } = [];

    /// <summary>Who the letter is from: the survivor, an ally, an attorney or a dedicated contact address.</summary>
    public SenderIdentity Sender { get; init; } = new();

    /// <summary>True when the sender writes for the person shown (an ally or an attorney), not as that person.</summary>
    public bool SenderActsForPersonShown { get; init; }

    /// <summary>The platform, search engine or host the letter goes to.</summary>
    public required PlatformEntry Recipient { get; init; }

    /// <summary>Where the person lives (a jurisdiction pack code such as US, GB, IE), used for the legal wording.</summary>
    public string JurisdictionCode { get; init; } = "";

    public DateOnly LetterDate { get; init; }

    /// <summary>The sender confirms they sign the letter with their name typed below it.</summary>
    public bool SignatureConfirmed { get; init; }

    /// <summary>The sender confirms the good-faith statement the kind needs.</summary>
    public bool GoodFaithConfirmed { get; init; }

    /// <summary>DMCA: the sender confirms the information is accurate and, under penalty of perjury, that they may act.</summary>
    public bool AccuracyConfirmed { get; init; }

    /// <summary>DMCA: whose copyright the image is.</summary>
    public CopyrightBasis CopyrightBasis { get; init; }

    /// <summary>DMCA: the copyrighted work, in plain words ("a photograph I took of myself in 2023").</summary>
    public string? CopyrightedWork { get; init; }

    /// <summary>DSA: the explanation of why the content is illegal. Also added to other kinds when given.</summary>
    public string? Reasons { get; init; }

    /// <summary>Data protection delisting: the searches (usually the person's name) that show the results.</summary>
    public string? SearchTerms { get; init; }

    /// <summary>Follow-up: the letter being followed up.</summary>
    public PreviousRequest? Previous { get; init; }

    /// <summary>
    /// The images may have been made when someone in them was under 18 (<c>Case.MayShowSomeoneUnderEighteen</c>): a DSA
    /// notice may then leave out the sender's name and email (Article 16(2)(c), Directive 2011/93/EU Articles 3 to 7).
    /// </summary>
    public bool MayShowSomeoneUnderEighteen { get; init; }

    /// <summary>
    /// The Digital Services Coordinator of the EU country the person lives in, or null outside the EU. A follow-up to a
    /// DSA notice names it as the next step (Article 53: a complaint may go to the coordinator where the person lives).
    /// </summary>
    public DigitalServicesCoordinator? Coordinator { get; init; }

    /// <summary>Police preservation: the report or crime reference number, when there is one.</summary>
    public string? PoliceReference { get; init; }
}

/// <summary>Where the content was seen. <paramref name="PlatformId"/> is a directory id, when known.</summary>
public sealed record SightingRef(string Url, string? PlatformId, DateOnly FirstSeen);

/// <summary>
/// An incident in the case: when it happened and what kind it was, in plain words, and the handle of the account
/// involved as the person wrote it (empty when not given).
/// </summary>
public sealed record IncidentRef(DateOnly Date, string Kind, string? AccountHandle = null);

/// <summary>DMCA: the sender's relation to the copyright in the image.</summary>
public enum CopyrightBasis
{
    NotAnswered = 0,

    /// <summary>The person shown took the image (a selfie) or owns the copyright another way.</summary>
    SenderOwnsCopyright = 1,

    /// <summary>The sender is authorised to act for the copyright owner (an attorney, or an ally with permission).</summary>
    AuthorisedByOwner = 2,

    /// <summary>Someone else took the image and has not given the sender authority.</summary>
    SenderDoesNotOwnCopyright = 3,
}

/// <summary>
/// The letter a follow-up refers to. <paramref name="Deadline"/> is the moment (UTC) the law required an answer by,
/// counted from that letter's recorded submission (<see cref="LetterComposer.StatedDeadline"/>), or null when no law
/// set one; a follow-up never states any other.
/// </summary>
public sealed record PreviousRequest(LetterKind Kind, DateOnly SentOn, string? Reference, FollowUpReason Reason, DateTime? Deadline);

public enum FollowUpReason
{
    NoAnswerByDeadline = 1,
    Refused = 2,
}
