namespace IncidentResponse.Domain.Takedowns;

/// <summary>The letters and notices the takedown tools can write.</summary>
public enum LetterKind
{
    /// <summary>A report under the platform's own rule against sharing intimate images without consent.</summary>
    PlatformPolicyReport = 1,

    /// <summary>A copyright notice under 17 U.S.C. §512(c)(3).</summary>
    DmcaNotice = 2,

    /// <summary>A removal request under the US TAKE IT DOWN Act (covered platforms must remove within 48 hours).</summary>
    TakeItDownRequest = 3,

    /// <summary>A notice of illegal content under Article 16 of the EU Digital Services Act.</summary>
    DsaNotice = 4,

    /// <summary>A request to a search engine to stop showing results that lead to the images.</summary>
    SearchDelisting = 5,

    /// <summary>A letter asking a platform or host to keep the content, account data and logs.</summary>
    PreservationToPlatform = 6,

    /// <summary>A request the person can hand to police, asking them to have the provider preserve records.</summary>
    PreservationForPolice = 7,

    /// <summary>A follow-up when there was no answer by the deadline, or the request was refused.</summary>
    FollowUp = 8,

    /// <summary>
    /// A request to a search engine, from someone in the EU/EEA or the UK, to delist results under Article 17 of the GDPR
    /// or the UK GDPR (the right to erasure).
    /// </summary>
    DataProtectionDelisting = 9,

    /// <summary>
    /// A report of an account that is threatening the person or demanding money or images (sextortion), or impersonating
    /// them, under the platform's own rules: it names the account and when it made contact, and asks the platform to
    /// remove or suspend it and keep its data for the police. It cites no law.
    /// </summary>
    ExtortionAccountReport = 10,
}

/// <summary>Which ways of sending a letter the law behind its kind accepts.</summary>
public static class LetterChannels
{
    private static readonly TakedownChannel[] Electronic = [TakedownChannel.Form, TakedownChannel.Email];

    /// <summary>
    /// The channels a letter of this kind may be sent by. A Digital Services Act notice goes only by the electronic
    /// mechanism Article 16(1) requires the hosting service to provide (its form, or an email address it gives for
    /// notices); every other kind may also go by post. A GDPR / UK GDPR erasure request may go by any of them: the
    /// Regulation prescribes no form for a request (the search engine's privacy form is the quickest; a letter by post
    /// or an email to its data protection officer is as valid).
    /// </summary>
    public static IReadOnlyList<TakedownChannel> Allowed(LetterKind kind) =>
        kind == LetterKind.DsaNotice ? Electronic : Enum.GetValues<TakedownChannel>();

    public static bool Allows(LetterKind kind, TakedownChannel channel) => Allowed(kind).Contains(channel);

    /// <summary>
    /// The channels a letter of this kind to <paramref name="platform"/> may be sent by. A TAKE IT DOWN Act request goes
    /// only through the platform's notice-and-removal process (its form or its email address, as the directory records
    /// it): the Act's 48 hours run from receipt through that process. None when no process is recorded.
    /// </summary>
    public static IReadOnlyList<TakedownChannel> Allowed(LetterKind kind, PlatformEntry platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return kind == LetterKind.TakeItDownRequest
            ? platform.TakeItDown?.Process?.Channels ?? []
            : Allowed(kind);
    }

    public static bool Allows(LetterKind kind, PlatformEntry platform, TakedownChannel channel) => Allowed(kind, platform).Contains(channel);
}
