using IncidentResponse.Domain;
using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Web.Pages.Cases.Takedowns;

/// <summary>A sighting offered as a checkbox.</summary>
public sealed record SightingChoice(Guid Id, string Url, string Platform, string Status);

/// <summary>What the shared letter fields need to show.</summary>
/// <param name="KeepKind">A kind to show even if the platform does not offer it: the kind a draft already has.</param>
/// <param name="PrivateSenderHidden">For a helper: a sender detail marked private is shown only as "kept private".</param>
/// <param name="JurisdictionCode">Where the person lives: a data protection delisting request is offered only in the EU, EEA or UK.</param>
/// <param name="ChosenKindOnly">A new letter's screens: only the fields the chosen kind (<see cref="LetterForm.Kind"/>) prints.</param>
public sealed record LetterFieldsView(
    LetterForm Form, IReadOnlyList<SightingChoice> Sightings, PlatformEntry Platform, string JurisdictionCode, LetterKind? KeepKind = null,
    bool PrivateSenderHidden = false, bool MayShowSomeoneUnderEighteen = false, bool ChosenKindOnly = false)
{
    /// <summary>Whether a DSA notice may be sent without name and email here (Article 16(2)(c)), so the form says so.</summary>
    public bool DsaIdentityOptional => MayShowSomeoneUnderEighteen
        && (ChosenKindOnly ? Form.Kind == LetterKind.DsaNotice : Kinds.Contains(LetterKind.DsaNotice));

    /// <summary>The kinds to offer, in the platform's order, with the draft's own kind kept.</summary>
    public IReadOnlyList<LetterKind> Kinds =>
        (Platform.LetterKinds ?? []).Where(k => k != LetterKind.FollowUp && Platform.OffersIn(k, JurisdictionCode))
            .Concat(KeepKind is { } keep && keep != LetterKind.FollowUp && !Platform.OffersIn(keep, JurisdictionCode) ? [keep] : [])
            .ToList();

    /// <summary>The DMCA accuracy statement beside its box, word for word as the letter prints it (in English, whatever the page's language).</summary>
    public static string DmcaAccuracy
    {
        get
        {
            using var english = ContentOverlays.InEnglish();
            return LetterComposer.DmcaAccuracy;
        }
    }

    /// <summary>A kind's good-faith statements beside their box, word for word as the letter prints them (in English, whatever the page's language).</summary>
    public static (string? Own, string? ForOther) GoodFaithStatements(LetterKind kind)
    {
        using var english = ContentOverlays.InEnglish();
        return (LetterComposer.GoodFaithStatement(kind, senderActsForPersonShown: false), LetterComposer.GoodFaithStatement(kind, senderActsForPersonShown: true));
    }
}
