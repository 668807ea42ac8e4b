using System.Resources;

namespace IncidentResponse.Domain.Takedowns;

/// <summary>
/// Advice shown beside a composed letter (never printed in it): the platform's warnings and each kind's own notes, in
/// the language being served (the recipient's entry as read, <see cref="LetterWording"/>'s overlays, and
/// <c>LetterGuidance.resx</c>). A letter composed in English carries them in English; a page asks again in its own.
/// </summary>
public static class LetterGuidance
{
    private static readonly ResourceManager Resources = new(typeof(LetterGuidance));

    public static List<string> For(LetterKind kind, LetterInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var guidance = new List<string>();
        var route = kind switch
        {
            LetterKind.DmcaNotice => WarningRoute.Dmca,
            LetterKind.TakeItDownRequest => WarningRoute.TakeItDown,
            LetterKind.DsaNotice => WarningRoute.Dsa,
            _ => WarningRoute.PolicyReport,
        };
        guidance.AddRange((input.Recipient.Warnings ?? [])
            .Where(w => w is not null && (w.Route == route || w.Route == WarningRoute.Any))
            .Select(w => w.Text));

        if (kind == LetterKind.DmcaNotice)
        {
            guidance.Add(LetterWording.Text("dmca.guidance.ownership"));
            guidance.Add(LetterWording.Text("dmca.guidance.registration"));
            guidance.Add(LetterWording.Text("dmca.guidance.perjury"));
        }

        if (kind == LetterKind.PreservationForPolice)
        {
            guidance.Add(LetterWording.Text(LetterComposer.InUnitedStates(input) ? "preservationForPolice.guidance.us" : "preservationForPolice.guidance.elsewhere"));
        }

        if (kind == LetterKind.DataProtectionDelisting)
        {
            guidance.Add(LetterWording.Text("dataProtection.guidance"));
        }

        if (kind == LetterKind.ExtortionAccountReport)
        {
            guidance.Add(Localized.Text(Resources, input.MayShowSomeoneUnderEighteen ? "Extortion.UnderEighteen" : "Extortion.Adult"));
        }

        if (kind == LetterKind.PreservationToPlatform)
        {
            guidance.Add(Localized.Text(Resources, "PreservationToPlatform"));
        }

        return guidance;
    }
}
