using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Domain.Tests.Takedowns;

/// <summary>Complete letter inputs for every kind, and ways to break each requirement.</summary>
internal static class TestLetters
{
    public static readonly DateOnly Today = new(2026, 11, 21);

    public static PlatformDirectory Shipped { get; } = PlatformDirectory.LoadEmbedded(DateOnly.FromDateTime(DateTime.UtcNow));

    public static IEnumerable<LetterKind> AllKinds => Enum.GetValues<LetterKind>();

    public static PlatformEntry RecipientFor(LetterKind kind) =>
        Shipped.Get(kind is LetterKind.SearchDelisting or LetterKind.DataProtectionDelisting ? "google-search" : "x");

    /// <summary>Where the person lives for a complete letter: the UK for a data protection delisting request, else the US.</summary>
    public static string JurisdictionFor(LetterKind kind) => kind == LetterKind.DataProtectionDelisting ? "GB" : "US";

    public static SenderIdentity PublicSender => new()
    {
        Name = IdentityField.Public("Sam Ally"),
        Email = IdentityField.Public("contact@example.org"),
        PostalAddress = IdentityField.Public("PO Box 12, Springfield"),
        Phone = IdentityField.Public("+1 555 0100"),
    };

    /// <summary>An input with everything every kind needs.</summary>
    public static LetterInput Complete(LetterKind kind) => new()
    {
        Recipient = RecipientFor(kind),
        Sightings =
        [
            new SightingRef("https://x.com/someone/status/1", "x", new DateOnly(2026, 11, 1)),
            new SightingRef("https://x.com/someone/status/2", "x", new DateOnly(2026, 11, 3)),
        ],
        Incidents = [new IncidentRef(new DateOnly(2026, 10, 30), "Images posted without consent")],
        Sender = PublicSender,
        JurisdictionCode = JurisdictionFor(kind),
        SearchTerms = "Sam Ally",
        LetterDate = Today,
        SignatureConfirmed = true,
        GoodFaithConfirmed = true,
        AccuracyConfirmed = true,
        CopyrightBasis = CopyrightBasis.SenderOwnsCopyright,
        CopyrightedWork = "A photograph I took of myself in 2023",
        Reasons = "This is an intimate image of me shared without my consent, which is illegal where I live.",
        Previous = new PreviousRequest(LetterKind.PlatformPolicyReport, new DateOnly(2026, 11, 10), "T-123", FollowUpReason.NoAnswerByDeadline, null),
        PoliceReference = "CR-2026-55",
    };

    /// <summary>The input with one requirement removed, and the code the check must report for it.</summary>
    public static (LetterInput Input, string Code) Without(LetterInput input, LetterRequirement requirement) => requirement switch
    {
        LetterRequirement.LetterDate => (input with { LetterDate = default }, CompletenessCodes.NoDate),
        LetterRequirement.Url => (input with { Sightings = [new SightingRef("ftp://example.org/a", null, Today), new SightingRef(" ", null, Today)] }, CompletenessCodes.NoUrl),
        LetterRequirement.Name => (input with { Sender = input.Sender with { Name = IdentityField.Empty } }, CompletenessCodes.NoName),
        LetterRequirement.Email => (input with { Sender = input.Sender with { Email = IdentityField.Empty } }, CompletenessCodes.NoEmail),
        LetterRequirement.PostalAddressOrPhone => (input with { Sender = input.Sender with { PostalAddress = IdentityField.Empty, Phone = IdentityField.Empty } }, CompletenessCodes.NoPostalAddressOrPhone),
        LetterRequirement.AnyContact => (input with { Sender = input.Sender with { Email = IdentityField.Empty, PostalAddress = IdentityField.Empty, Phone = IdentityField.Empty } }, CompletenessCodes.NoContact),
        LetterRequirement.Signature => (input with { SignatureConfirmed = false }, CompletenessCodes.NoSignature),
        LetterRequirement.GoodFaith => (input with { GoodFaithConfirmed = false }, CompletenessCodes.NoGoodFaith),
        LetterRequirement.Accuracy => (input with { AccuracyConfirmed = false }, CompletenessCodes.NoAccuracyStatement),
        LetterRequirement.CopyrightBasis => (input with { CopyrightBasis = CopyrightBasis.NotAnswered }, CompletenessCodes.NoCopyrightBasis),
        LetterRequirement.CopyrightedWork => (input with { CopyrightedWork = "  " }, CompletenessCodes.NoCopyrightedWork),
        LetterRequirement.Reasons => (input with { Reasons = null }, CompletenessCodes.NoReasons),
        LetterRequirement.SearchEngineRecipient => (input with { Recipient = Shipped.Get("reddit") }, CompletenessCodes.RecipientNotSearchEngine),
        LetterRequirement.PreviousRequest => (input with { Previous = null }, CompletenessCodes.NoPreviousRequest),
        LetterRequirement.DataProtectionJurisdiction => (input with { JurisdictionCode = "US" }, CompletenessCodes.NotUnderDataProtectionLaw),
        _ => throw new ArgumentOutOfRangeException(nameof(requirement)),
    };

    public static TheoryData<LetterKind> Kinds()
    {
        var data = new TheoryData<LetterKind>();
        foreach (var kind in AllKinds)
        {
            data.Add(kind);
        }

        return data;
    }

    public static TheoryData<LetterKind, LetterRequirement> KindRequirements()
    {
        var data = new TheoryData<LetterKind, LetterRequirement>();
        foreach (var kind in AllKinds)
        {
            foreach (var requirement in LetterCompleteness.Requirements(kind))
            {
                data.Add(kind, requirement);
            }
        }

        return data;
    }
}
