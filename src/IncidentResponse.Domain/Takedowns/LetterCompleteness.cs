using System.Resources;

namespace IncidentResponse.Domain.Takedowns;

/// <summary>
/// What a letter of a kind still needs before it can be finalised. Pure. Each message is plain and carries a stable
/// code (<see cref="CompletenessCodes"/>) the page can key help text on. A private field never counts as present: when
/// a kind needs it, the message suggests sending from another identity. Messages are in the language being served
/// (<see cref="Localized"/>, <c>LetterCompleteness.resx</c>): they are advice to the person, never part of the letter.
/// </summary>
public static class LetterCompleteness
{
    private static readonly ResourceManager Resources = new(typeof(LetterCompleteness));

    // Long because it is a table of data: what each kind of letter needs, in the order problems are listed.
    private static readonly Dictionary<LetterKind, LetterRequirement[]> RequirementsByKind = new()
    {
        [LetterKind.PlatformPolicyReport] =
            [LetterRequirement.LetterDate, LetterRequirement.Url, LetterRequirement.Email, LetterRequirement.GoodFaith],
        [LetterKind.DmcaNotice] =
        [
            LetterRequirement.LetterDate, LetterRequirement.CopyrightBasis, LetterRequirement.CopyrightedWork,
            LetterRequirement.Url, LetterRequirement.Name, LetterRequirement.PostalAddressOrPhone,
            LetterRequirement.GoodFaith, LetterRequirement.Accuracy, LetterRequirement.Signature,
        ],
        [LetterKind.TakeItDownRequest] =
        [
            LetterRequirement.LetterDate, LetterRequirement.Url, LetterRequirement.Name, LetterRequirement.AnyContact,
            LetterRequirement.GoodFaith, LetterRequirement.Reasons, LetterRequirement.Signature,
        ],
        [LetterKind.DsaNotice] =
        [
            LetterRequirement.LetterDate, LetterRequirement.Reasons, LetterRequirement.Url, LetterRequirement.Name,
            LetterRequirement.Email, LetterRequirement.GoodFaith,
        ],
        [LetterKind.SearchDelisting] =
        [
            LetterRequirement.LetterDate, LetterRequirement.SearchEngineRecipient, LetterRequirement.Url,
            LetterRequirement.Name, LetterRequirement.Email, LetterRequirement.GoodFaith,
        ],
        [LetterKind.DataProtectionDelisting] =
        [
            LetterRequirement.LetterDate, LetterRequirement.SearchEngineRecipient, LetterRequirement.DataProtectionJurisdiction,
            LetterRequirement.Url, LetterRequirement.Name, LetterRequirement.AnyContact,
        ],
        [LetterKind.PreservationToPlatform] =
            [LetterRequirement.LetterDate, LetterRequirement.Url, LetterRequirement.Name, LetterRequirement.Email],
        [LetterKind.PreservationForPolice] =
            [LetterRequirement.LetterDate, LetterRequirement.Url, LetterRequirement.Name, LetterRequirement.AnyContact],
        [LetterKind.ExtortionAccountReport] =
            [LetterRequirement.LetterDate, LetterRequirement.Url, LetterRequirement.Email, LetterRequirement.GoodFaith],
        [LetterKind.FollowUp] =
        [
            LetterRequirement.LetterDate, LetterRequirement.PreviousRequest, LetterRequirement.Url,
            LetterRequirement.Email,
        ],
    };

    /// <summary>What a kind needs, in the order problems are listed.</summary>
    public static IReadOnlyList<LetterRequirement> Requirements(LetterKind kind) =>
        RequirementsByKind.TryGetValue(kind, out var requirements)
            ? requirements
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown letter kind.");

    public static LetterCheck Check(LetterKind kind, LetterInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var issues = new List<CompletenessIssue>();
        var sender = input.Sender ?? new SenderIdentity();
        var title = Localized.Text(Resources, "Kind." + kind);
        foreach (var requirement in Requirements(kind))
        {
            switch (requirement)
            {
                case LetterRequirement.Name or LetterRequirement.Email when IdentityOptional(kind, input):
                    break;
                case LetterRequirement.Name:
                    Field(issues, sender.Name, title, CompletenessCodes.NoName, CompletenessCodes.NamePrivate);
                    break;
                case LetterRequirement.Email:
                    Field(issues, sender.Email, title, CompletenessCodes.NoEmail, CompletenessCodes.EmailPrivate);
                    break;
                case LetterRequirement.PostalAddressOrPhone:
                    PostalOrPhone(issues, sender, title);
                    break;
                case LetterRequirement.AnyContact:
                    AnyContact(issues, sender, title);
                    break;
                default:
                    if (Unmet(requirement, kind, input) is { } issue)
                    {
                        issues.Add(issue);
                    }

                    break;
            }
        }

        return new LetterCheck(kind, issues, Warnings(input, sender));
    }

    /// <summary>The issue when a requirement that is not about the sender's details is not met, else null.</summary>
    private static CompletenessIssue? Unmet(LetterRequirement requirement, LetterKind kind, LetterInput input) => requirement switch
    {
        LetterRequirement.LetterDate when input.LetterDate == default =>
            Issue(CompletenessCodes.NoDate),
        LetterRequirement.Url when LetterComposer.Addresses(input).Count == 0 =>
            Issue(CompletenessCodes.NoUrl),
        LetterRequirement.Signature when !input.SignatureConfirmed =>
            Issue(CompletenessCodes.NoSignature),
        LetterRequirement.GoodFaith when !input.GoodFaithConfirmed =>
            Issue(CompletenessCodes.NoGoodFaith),
        LetterRequirement.Accuracy when !input.AccuracyConfirmed =>
            Issue(CompletenessCodes.NoAccuracyStatement),
        LetterRequirement.CopyrightBasis when input.CopyrightBasis == CopyrightBasis.NotAnswered =>
            Issue(CompletenessCodes.NoCopyrightBasis),
        LetterRequirement.CopyrightBasis when input.CopyrightBasis == CopyrightBasis.SenderDoesNotOwnCopyright =>
            Issue(CompletenessCodes.CopyrightNotOwned),
        LetterRequirement.CopyrightedWork when string.IsNullOrWhiteSpace(input.CopyrightedWork) =>
            Issue(CompletenessCodes.NoCopyrightedWork),
        LetterRequirement.Reasons when string.IsNullOrWhiteSpace(input.Reasons) =>
            new(CompletenessCodes.NoReasons, Localized.Text(Resources, kind == LetterKind.TakeItDownRequest ? "NoReasons.TakeItDown" : "NoReasons")),
        LetterRequirement.SearchEngineRecipient when input.Recipient.Kind != PlatformKind.SearchEngine =>
            Issue(CompletenessCodes.RecipientNotSearchEngine),
        LetterRequirement.DataProtectionJurisdiction when !DataProtectionLaw.Applies(input.JurisdictionCode) =>
            Issue(CompletenessCodes.NotUnderDataProtectionLaw),
        LetterRequirement.PreviousRequest when input.Previous is null || input.Previous.SentOn == default =>
            Issue(CompletenessCodes.NoPreviousRequest),
        _ => null,
    };

    /// <summary>Things worth knowing that do not block finalising.</summary>
    private static List<CompletenessIssue> Warnings(LetterInput input, SenderIdentity sender)
    {
        var warnings = new List<CompletenessIssue>();
        if (LetterComposer.Addresses(input).Any(a => sender.ContainsPrivateValue(a.Url)))
        {
            warnings.Add(Issue(CompletenessCodes.PrivateValueInUrl));
        }

        if (sender.ContainsPrivateValue(input.SearchTerms))
        {
            warnings.Add(Issue(CompletenessCodes.PrivateValueInSearchTerms));
        }

        string?[] freeText =
        [
            input.Reasons, input.CopyrightedWork, input.PoliceReference, input.Previous?.Reference,
            .. (input.Incidents ?? []).Select(i => i?.Kind),
            .. (input.Incidents ?? []).Select(i => i?.AccountHandle),
        ];
        if (freeText.Any(sender.ContainsPrivateValue))
        {
            warnings.Add(new(CompletenessCodes.PrivateValueInText, Localized.Format(Resources, "PrivateValueInText", SenderIdentity.Withheld)));
        }

        IdentityField[] printable = [sender.Name, sender.Email, sender.PostalAddress, sender.Phone];
        if (printable.Any(f => f?.Printable is { } value && sender.ContainsPrivateValue(value)))
        {
            warnings.Add(Issue(CompletenessCodes.PrivateValueInPublicField));
        }

        return warnings;
    }

    /// <summary>
    /// Whether the sender's name and email may be left out: only in a DSA notice about images that may have been made
    /// when someone in them was under 18 (Article 16(2)(c) excepts the offences of Directive 2011/93/EU, Articles 3 to 7).
    /// </summary>
    public static bool IdentityOptional(LetterKind kind, LetterInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return kind == LetterKind.DsaNotice && input.MayShowSomeoneUnderEighteen;
    }

    public static bool CanFinalise(LetterKind kind, LetterInput input) => Check(kind, input).CanFinalise;

    private static void Field(List<CompletenessIssue> issues, IdentityField? field, string title, string missingCode, string privateCode)
    {
        field ??= IdentityField.Empty;
        if (field.IsMissing)
        {
            issues.Add(Issue(missingCode, title));
        }
        else if (field.IsPrivate)
        {
            issues.Add(Issue(privateCode, title));
        }
    }

    private static void PostalOrPhone(List<CompletenessIssue> issues, SenderIdentity sender, string title)
    {
        var postal = sender.PostalAddress ?? IdentityField.Empty;
        var phone = sender.Phone ?? IdentityField.Empty;
        if (postal.Printable is not null || phone.Printable is not null)
        {
            return;
        }

        issues.Add(Issue(postal.IsMissing && phone.IsMissing ? CompletenessCodes.NoPostalAddressOrPhone : CompletenessCodes.PostalAddressAndPhonePrivate, title));
    }

    private static void AnyContact(List<CompletenessIssue> issues, SenderIdentity sender, string title)
    {
        IdentityField[] fields = [sender.Email ?? IdentityField.Empty, sender.Phone ?? IdentityField.Empty, sender.PostalAddress ?? IdentityField.Empty];
        if (fields.Any(f => f.Printable is not null))
        {
            return;
        }

        issues.Add(Issue(fields.All(f => f.IsMissing) ? CompletenessCodes.NoContact : CompletenessCodes.ContactPrivate, title));
    }

    /// <summary>An issue with its message: the resource named like the code's constant, filled with the kind's name if it has a place for it.</summary>
    private static CompletenessIssue Issue(string code, string? title = null) =>
        new(code, title is null ? Localized.Text(Resources, KeyOf(code)) : Localized.Format(Resources, KeyOf(code), title));

    /// <summary>"name-private" → "NamePrivate".</summary>
    private static string KeyOf(string code) =>
        string.Concat(code.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}

/// <summary>The result of a completeness check. Finalising is allowed only when nothing is missing.</summary>
/// <param name="Warnings">Worth telling the person, but not blocking (for example, a private value inside a web address).</param>
public sealed record LetterCheck(LetterKind Kind, IReadOnlyList<CompletenessIssue> Missing, IReadOnlyList<CompletenessIssue> Warnings)
{
    public bool CanFinalise => Missing.Count == 0;

    public bool Reports(string code) => Missing.Any(m => m.Code == code);
}

/// <summary>One missing thing: a stable code and a plain message for the person writing the letter.</summary>
public sealed record CompletenessIssue(string Code, string Message);

/// <summary>What a letter kind can require.</summary>
public enum LetterRequirement
{
    LetterDate = 1,
    Url = 2,
    Name = 3,
    Email = 4,
    PostalAddressOrPhone = 5,
    AnyContact = 6,
    Signature = 7,
    GoodFaith = 8,
    Accuracy = 9,
    CopyrightBasis = 10,
    CopyrightedWork = 11,
    Reasons = 12,
    SearchEngineRecipient = 13,
    PreviousRequest = 14,

    /// <summary>The person lives where the GDPR or the UK GDPR applies (<see cref="DataProtectionLaw"/>).</summary>
    DataProtectionJurisdiction = 15,
}

/// <summary>The stable codes of <see cref="CompletenessIssue"/>. Never rename one: pages and tests key on them.</summary>
public static class CompletenessCodes
{
    public const string NoDate = "no-date";
    public const string NoUrl = "no-url";
    public const string NoName = "no-name";
    public const string NamePrivate = "name-private";
    public const string NoEmail = "no-email";
    public const string EmailPrivate = "email-private";
    public const string NoPostalAddressOrPhone = "no-postal-address-or-phone";
    public const string PostalAddressAndPhonePrivate = "postal-address-and-phone-private";
    public const string NoContact = "no-contact";
    public const string ContactPrivate = "contact-private";
    public const string NoSignature = "no-signature";
    public const string NoGoodFaith = "no-good-faith";
    public const string NoAccuracyStatement = "no-accuracy-statement";
    public const string NoCopyrightBasis = "no-copyright-basis";
    public const string CopyrightNotOwned = "copyright-not-owned";
    public const string NoCopyrightedWork = "no-copyrighted-work";
    public const string NoReasons = "no-reasons";
    public const string RecipientNotSearchEngine = "recipient-not-search-engine";
    public const string NoPreviousRequest = "no-previous-request";
    public const string NotUnderDataProtectionLaw = "not-under-data-protection-law";

    /// <summary>Warnings (do not block finalising).</summary>
    public const string PrivateValueInUrl = "private-value-in-url";
    public const string PrivateValueInText = "private-value-in-text";
    public const string PrivateValueInPublicField = "private-value-in-public-field";
    public const string PrivateValueInSearchTerms = "private-value-in-search-terms";
}
