using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Web.Pages.Cases.Takedowns;

/// <summary>The screens of a new letter, in order (ADR 0016).</summary>
public enum LetterStep
{
    Kind = 1,
    Places = 2,
    Sender = 3,
    Statements = 4,
}

/// <summary>Which screen asks for which field, and which fields a kind of letter prints.</summary>
public static class LetterSteps
{
    public const int Count = 4;

    /// <summary>The screen a field of <see cref="LetterForm"/> is on (its property name, as a validation error names it).</summary>
    public static LetterStep Of(string propertyName) => (propertyName.IndexOf('[', StringComparison.Ordinal) is var at and >= 0 ? propertyName[..at] : propertyName) switch
    {
        nameof(LetterForm.Kind) => LetterStep.Kind,
        nameof(LetterForm.SightingIds) => LetterStep.Places,
        nameof(LetterForm.SenderName) or nameof(LetterForm.SenderEmail) or nameof(LetterForm.SenderPostalAddress) or nameof(LetterForm.SenderPhone)
            or nameof(LetterForm.SenderNamePrivate) or nameof(LetterForm.SenderEmailPrivate) or nameof(LetterForm.SenderPostalAddressPrivate)
            or nameof(LetterForm.SenderPhonePrivate) or nameof(LetterForm.SenderActsForPersonShown) => LetterStep.Sender,
        _ => LetterStep.Statements,
    };

    public static string TitleOf(LetterStep step) => step switch
    {
        LetterStep.Kind => "Which letter",
        LetterStep.Places => "Which places",
        LetterStep.Sender => "About you",
        _ => "What the letter says",
    };

    /// <summary>Whether the letter prints the free text ("Reasons"): only these kinds do.</summary>
    public static bool PrintsReasons(LetterKind kind) =>
        kind is LetterKind.PlatformPolicyReport or LetterKind.TakeItDownRequest or LetterKind.DsaNotice or LetterKind.DataProtectionDelisting
            or LetterKind.ExtortionAccountReport;

    /// <summary>Whether the letter names the searches that show the results.</summary>
    public static bool PrintsSearchTerms(LetterKind kind) => kind == LetterKind.DataProtectionDelisting;

    /// <summary>Whether the letter is a copyright notice, with its own statements about the work and the accuracy of the notice.</summary>
    public static bool IsCopyrightNotice(LetterKind kind) => kind == LetterKind.DmcaNotice;
}

/// <summary>The answers of a new letter and the screen shown: the answers of the other screens ride as hidden fields.</summary>
public sealed record LetterCarriedView(LetterForm Form, LetterStep Step);
