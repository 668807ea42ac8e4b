namespace IncidentResponse.Domain.Takedowns;

/// <summary>Advice shown beside a composed letter (never printed in it): the platform's warnings and each kind's own notes.</summary>
internal static class LetterGuidance
{
    public static List<string> For(LetterKind kind, LetterInput input)
    {
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
            guidance.Add(input.MayShowSomeoneUnderEighteen
                ? "Do not attach, upload or send the images with this report, even if the platform's form asks for them: keeping or sending a sexual image of someone under 18 can itself be an offence, even when it is of you. Describe the messages in words instead: the account, the dates and what was said."
                : "You do not need to send the images: the account's address, the dates and what was said are enough. If the platform's form asks for screenshots, show the threats and demands, not the images.");
        }

        if (kind == LetterKind.PreservationToPlatform)
        {
            guidance.Add("The platform does not have to keep this request secret. It may tell the account holder, so the person responsible may learn that you are gathering evidence. If that could put you at risk, talk to a helpline, a lawyer or the police before you send it: they can ask for the records to be kept instead.");
        }

        return guidance;
    }
}
