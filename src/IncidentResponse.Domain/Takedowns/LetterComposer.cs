using System.Globalization;

namespace IncidentResponse.Domain.Takedowns;

/// <summary>
/// Writes the text of each letter kind from a <see cref="LetterInput"/>. Pure. It writes what is present and leaves out
/// what is missing (check <see cref="LetterCompleteness"/> before finalising), and it prints only identity fields that
/// are not marked private (<see cref="IdentityField.Printable"/>). A private value typed into free text (reasons, the
/// description of the work, incident kinds, references) is replaced by <see cref="SenderIdentity.Withheld"/>; web
/// addresses are never changed (they must reach the platform as they are), and the check warns when one contains a
/// private value.
/// </summary>
public static class LetterComposer
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>The plain name of a kind, used in titles and messages.</summary>
    public static string TitleOf(LetterKind kind) => kind switch
    {
        LetterKind.PlatformPolicyReport => "report of intimate images shared without consent",
        LetterKind.DmcaNotice => "copyright (DMCA) notice",
        LetterKind.TakeItDownRequest => "TAKE IT DOWN Act removal request",
        LetterKind.DsaNotice => "Digital Services Act notice",
        LetterKind.SearchDelisting => "search result removal request",
        LetterKind.PreservationToPlatform => "request to preserve content and records",
        LetterKind.PreservationForPolice => "preservation request for police",
        LetterKind.FollowUp => "follow-up letter",
        LetterKind.DataProtectionDelisting => "data protection delisting request (GDPR Article 17)",
        LetterKind.ExtortionAccountReport => "report of an account making threats or demands",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown letter kind."),
    };

    /// <summary>
    /// The DMCA good-faith statement, 17 U.S.C. §512(c)(3)(A)(v), from <c>letter-wording.json</c>: the box the person
    /// ticks shows these words.
    /// </summary>
    public static string DmcaGoodFaith => LetterWording.Text("dmca.goodFaith");

    /// <summary>The DMCA accuracy statement, 17 U.S.C. §512(c)(3)(A)(vi), from <c>letter-wording.json</c>: the box the person ticks shows these words.</summary>
    public static string DmcaAccuracy => LetterWording.Text("dmca.accuracy");

    /// <summary>
    /// The statement a letter of a kind prints when the person ticks the good-faith box, word for word, or null when
    /// the kind has none. The form shows these same words beside the box.
    /// </summary>
    public static string? GoodFaithStatement(LetterKind kind, bool senderActsForPersonShown)
    {
        var consent = senderActsForPersonShown ? "the consent of the person I represent" : "my consent";
        return kind switch
        {
            LetterKind.PlatformPolicyReport =>
                $"I believe in good faith that this content was shared without {consent}, and that the information in this report is accurate.",
            LetterKind.DmcaNotice => DmcaGoodFaith,
            LetterKind.TakeItDownRequest => LetterWording.Text(senderActsForPersonShown ? "takeItDown.goodFaith.forOther" : "takeItDown.goodFaith.self"),
            LetterKind.DsaNotice => LetterWording.Text("dsa.goodFaith"),
            LetterKind.SearchDelisting =>
                $"I believe in good faith that these images were made public without {consent}, and that this request is accurate.",
            LetterKind.ExtortionAccountReport =>
                "I believe in good faith that the information in this report is accurate.",
            _ => null,
        };
    }

    /// <summary>
    /// The moment by which the law required an answer to a letter of this kind submitted at <paramref name="sentUtc"/>,
    /// or null when no law sets one: a TAKE IT DOWN Act request's 48 hours from the platform's receipt through its
    /// notice-and-removal process, and a data protection delisting request's one month (GDPR / UK GDPR Article 12(3)),
    /// both counted from the submission the person recorded. The letters themselves state no date (they are finalised
    /// before they are sent); a follow-up written after the moment may state it.
    /// </summary>
    public static DateTime? StatedDeadline(LetterKind kind, DateTime? sentUtc) =>
        kind is LetterKind.TakeItDownRequest or LetterKind.DataProtectionDelisting && sentUtc is { } sent
            ? TakedownDeadlines.DueBy(kind, new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc), TimeSpan.Zero)).UtcDateTime
            : null;

    /// <summary>The plain name of a kind starting with a capital, for headings and choices.</summary>
    public static string HeadingOf(LetterKind kind)
    {
        var title = TitleOf(kind);
        return char.ToUpperInvariant(title[0]) + title[1..];
    }

    /// <summary>The sightings' addresses cleaned for a letter (http and https only, no repeats), with first-seen dates.</summary>
    public static IReadOnlyList<SightingRef> Addresses(LetterInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sightings = input.Sightings ?? [];
        var kept = TakedownUrls.Clean(sightings.Select(s => s?.Url)).Kept;
        return kept
            .Select(url => sightings.First(s => s is not null && string.Equals(s.Url?.Trim(), url, StringComparison.Ordinal)))
            .Select(s => s with { Url = s.Url.Trim() })
            .ToList();
    }

    public static LetterDocument Compose(LetterKind kind, LetterInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Recipient);
        var letter = new LetterBuilder(input);
        LetterBodies.Write(kind, letter);
        return new LetterDocument(kind, HeadingOf(kind), letter.Sections, letter.Elements, LetterGuidance.For(kind, input))
        {
            Sender = letter.Sender,
            DateLine = letter.DateLine,
            RecipientLine = letter.RecipientLine,
            Signature = letter.SignatureLines,
        };
    }

    internal static bool InUnitedStates(LetterInput input) =>
        string.Equals(input.JurisdictionCode?.Trim(), "US", StringComparison.OrdinalIgnoreCase);

    internal static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    internal static string Moment(DateTime utc) => utc.ToString("d MMMM yyyy, HH:mm 'UTC'", Culture);

    internal static string DateOrBlank(DateOnly date) => date == default ? "" : Date(date);
}
