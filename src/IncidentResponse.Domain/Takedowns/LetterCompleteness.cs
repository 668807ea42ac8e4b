namespace IncidentResponse.Domain.Takedowns;

/// <summary>
/// What a letter of a kind still needs before it can be finalised. Pure. Each message is plain and carries a stable
/// code (<see cref="CompletenessCodes"/>) the page can key help text on. A private field never counts as present: when
/// a kind needs it, the message suggests sending from another identity.
/// </summary>
public static class LetterCompleteness
{
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
        var title = LetterComposer.TitleOf(kind);
        foreach (var requirement in Requirements(kind))
        {
            switch (requirement)
            {
                case LetterRequirement.Name or LetterRequirement.Email when IdentityOptional(kind, input):
                    break;
                case LetterRequirement.Name:
                    Field(issues, sender.Name, title, CompletenessCodes.NoName, CompletenessCodes.NamePrivate, "a name");
                    break;
                case LetterRequirement.Email:
                    Field(issues, sender.Email, title, CompletenessCodes.NoEmail, CompletenessCodes.EmailPrivate, "an email address");
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
            new(CompletenessCodes.NoDate, "Add the date the letter is sent."),
        LetterRequirement.Url when LetterComposer.Addresses(input).Count == 0 =>
            new(CompletenessCodes.NoUrl,
                "Choose at least one sighting with a web address (starting http:// or https://) so they can find the content."),
        LetterRequirement.Signature when !input.SignatureConfirmed =>
            new(CompletenessCodes.NoSignature,
                "Confirm that you sign the letter: your name typed under it is your electronic signature."),
        LetterRequirement.GoodFaith when !input.GoodFaithConfirmed =>
            new(CompletenessCodes.NoGoodFaith, "Confirm the good-faith statement; the letter is not valid without it."),
        LetterRequirement.Accuracy when !input.AccuracyConfirmed =>
            new(CompletenessCodes.NoAccuracyStatement,
                "Confirm that the notice is accurate and, under penalty of perjury, that you are the copyright owner or may act for them."),
        LetterRequirement.CopyrightBasis when input.CopyrightBasis == CopyrightBasis.NotAnswered =>
            new(CompletenessCodes.NoCopyrightBasis,
                "Say whose copyright the image is: yours (for example, you took it), or someone's who lets you act for them."),
        LetterRequirement.CopyrightBasis when input.CopyrightBasis == CopyrightBasis.SenderDoesNotOwnCopyright =>
            new(CompletenessCodes.CopyrightNotOwned,
                "A copyright notice can only come from the copyright owner or someone they authorise. The platform's own report, or a TAKE IT DOWN Act request, does not need copyright."),
        LetterRequirement.CopyrightedWork when string.IsNullOrWhiteSpace(input.CopyrightedWork) =>
            new(CompletenessCodes.NoCopyrightedWork,
                "Describe the original work, for example \"a photograph I took of myself in 2023\"."),
        LetterRequirement.Reasons when string.IsNullOrWhiteSpace(input.Reasons) =>
            new(CompletenessCodes.NoReasons, kind == LetterKind.TakeItDownRequest
                ? "Say briefly what shows the image was published without consent, for example that it was shared privately and posted without asking, or that it is a fake made of you. The Act asks for this information."
                : "Explain in a few sentences why the content is illegal, for example that it is an intimate image shared without your consent."),
        LetterRequirement.SearchEngineRecipient when input.Recipient.Kind != PlatformKind.SearchEngine =>
            new(CompletenessCodes.RecipientNotSearchEngine,
                "A search removal request goes to a search engine such as Google Search or Bing. Choose one as the recipient."),
        LetterRequirement.DataProtectionJurisdiction when !DataProtectionLaw.Applies(input.JurisdictionCode) =>
            new(CompletenessCodes.NotUnderDataProtectionLaw,
                "This request relies on the GDPR or the UK GDPR, which protect people living in the EU, the EEA or the UK. Set where you live in the case's details, or choose the search engine's own removal request instead."),
        LetterRequirement.PreviousRequest when input.Previous is null || input.Previous.SentOn == default =>
            new(CompletenessCodes.NoPreviousRequest, "Choose the request you are following up, and when you sent it."),
        _ => null,
    };

    /// <summary>Things worth knowing that do not block finalising.</summary>
    private static List<CompletenessIssue> Warnings(LetterInput input, SenderIdentity sender)
    {
        var warnings = new List<CompletenessIssue>();
        if (LetterComposer.Addresses(input).Any(a => sender.ContainsPrivateValue(a.Url)))
        {
            warnings.Add(new(CompletenessCodes.PrivateValueInUrl,
                "One of the web addresses contains something you marked private (your name, for example). The address has to go into the letter as it is, so the recipient will see it."));
        }

        if (sender.ContainsPrivateValue(input.SearchTerms))
        {
            warnings.Add(new(CompletenessCodes.PrivateValueInSearchTerms,
                "The searches you named contain something you marked private (your name, for example). They go into the letter as they are, so the search engine can find the results."));
        }

        string?[] freeText =
        [
            input.Reasons, input.CopyrightedWork, input.PoliceReference, input.Previous?.Reference,
            .. (input.Incidents ?? []).Select(i => i?.Kind),
            .. (input.Incidents ?? []).Select(i => i?.AccountHandle),
        ];
        if (freeText.Any(sender.ContainsPrivateValue))
        {
            warnings.Add(new(CompletenessCodes.PrivateValueInText,
                $"Something you typed contains a detail you marked private. It will show as {SenderIdentity.Withheld} in the letter; you may want to reword it."));
        }

        IdentityField[] printable = [sender.Name, sender.Email, sender.PostalAddress, sender.Phone];
        if (printable.Any(f => f?.Printable is { } value && sender.ContainsPrivateValue(value)))
        {
            warnings.Add(new(CompletenessCodes.PrivateValueInPublicField,
                "A detail you chose to show in the letter contains one you marked private (for example, your name in your email address)."));
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

    private static void Field(List<CompletenessIssue> issues, IdentityField? field, string title, string missingCode, string privateCode, string what)
    {
        field ??= IdentityField.Empty;
        if (field.IsMissing)
        {
            issues.Add(new(missingCode, $"Add {what}: a {title} needs one."));
        }
        else if (field.IsPrivate)
        {
            issues.Add(new(privateCode, PrivateMessage(what, title)));
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

        if (postal.IsMissing && phone.IsMissing)
        {
            issues.Add(new(CompletenessCodes.NoPostalAddressOrPhone, $"Add a postal address or a phone number: a {title} needs one."));
        }
        else
        {
            issues.Add(new(CompletenessCodes.PostalAddressAndPhonePrivate, PrivateMessage("a postal address or a phone number", title)));
        }
    }

    private static void AnyContact(List<CompletenessIssue> issues, SenderIdentity sender, string title)
    {
        IdentityField[] fields = [sender.Email ?? IdentityField.Empty, sender.Phone ?? IdentityField.Empty, sender.PostalAddress ?? IdentityField.Empty];
        if (fields.Any(f => f.Printable is not null))
        {
            return;
        }

        if (fields.All(f => f.IsMissing))
        {
            issues.Add(new(CompletenessCodes.NoContact, $"Add a way to reach you (an email address, phone number or postal address): a {title} needs one."));
        }
        else
        {
            issues.Add(new(CompletenessCodes.ContactPrivate, PrivateMessage("a way to reach you", title)));
        }
    }

    private static string PrivateMessage(string what, string title) =>
        $"A {title} needs {what}, and yours is marked private, so it stays out of the letter. You could send it from another identity: an ally or an attorney who acts for you, or a contact address set up just for this (a separate email address or a PO box).";
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
