namespace IncidentResponse.Domain.Takedowns;

/// <summary>
/// The body of each letter kind, written section by section onto a <see cref="LetterBuilder"/> (see
/// <see cref="LetterComposer.Compose"/>). The legal wording comes from <c>letter-wording.json</c>.
/// </summary>
internal static class LetterBodies
{
    public static void Write(LetterKind kind, LetterBuilder l)
    {
        switch (kind)
        {
            case LetterKind.PlatformPolicyReport:
                PolicyReport(l);
                break;
            case LetterKind.DmcaNotice:
                Dmca(l);
                break;
            case LetterKind.TakeItDownRequest:
                TakeItDown(l);
                break;
            case LetterKind.DsaNotice:
                Dsa(l);
                break;
            case LetterKind.SearchDelisting:
                SearchDelisting(l);
                break;
            case LetterKind.PreservationToPlatform:
                PreservationToPlatform(l);
                break;
            case LetterKind.PreservationForPolice:
                PreservationForPolice(l);
                break;
            case LetterKind.FollowUp:
                FollowUp(l);
                break;
            case LetterKind.DataProtectionDelisting:
                DataProtectionDelisting(l);
                break;
            case LetterKind.ExtortionAccountReport:
                ExtortionAccountReport(l);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown letter kind.");
        }
    }

    private static void PolicyReport(LetterBuilder l)
    {
        l.Header();
        var policy = l.Input.Recipient.Policy;
        var rule = policy is null
            ? "This breaks your rules."
            : $"This breaks your rule \"{policy.Name}\" ({policy.Url}).";
        l.Add(null, [$"I am reporting content on {l.Input.Recipient.Name} that shows {l.Subject} in an intimate image shared without consent. {rule}"],
            policy is null ? [] : [LetterElement.PlatformRule]);
        l.Locations($"Please remove the content at these addresses, and stop it being uploaded again:");
        l.OptionalReasons();
        l.GoodFaith(LetterKind.PlatformPolicyReport);
        l.Add(null, ["Please confirm by email when the content has been removed."], [LetterElement.ResponseRequested]);
        l.Contact();
        l.Signature();
    }

    /// <summary>
    /// A report of an account under the platform's own rules (no law): the account's handles and addresses, the dates it
    /// made contact, and the asks (remove or suspend it, keep its data for the police). It never carries the images and
    /// says so; typed handles and incident names pass through <see cref="LetterBuilder.Free"/> like any typed text.
    /// </summary>
    private static void ExtortionAccountReport(LetterBuilder l)
    {
        l.Header();
        var policy = l.Input.Recipient.Policy;
        var forOther = l.Input.SenderActsForPersonShown;
        var rule = policy is null ? "" : $" They include your rule \"{policy.Name}\" ({policy.Url}).";
        l.Add(null,
        [
            $"I am reporting an account on {l.Input.Recipient.Name} that contacted {l.Subject} with threats to share intimate images of {(forOther ? "them" : "me")}, or with demands for money or more images. This breaks your rules against threats, extortion and sharing intimate images without consent.{rule}",
        ], policy is null ? [] : [LetterElement.PlatformRule]);
        var contacts = (l.Input.Incidents ?? []).Where(i => i is not null).OrderBy(i => i.Date).ToList();
        var handles = contacts.Select(i => i.AccountHandle?.Trim()).Where(h => !string.IsNullOrEmpty(h))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (handles.Count > 0)
        {
            l.Add("The account", [.. handles.Select(h => $"- {l.Free(h)}")], []);
        }

        l.Locations("Where to find the account:", handles.Count > 0 ? null : "The account");
        if (contacts.Count > 0)
        {
            l.Add("When it made contact", [.. contacts.Select(i => $"- {LetterComposer.Date(i.Date)}: {l.Free(i.Kind)}")], []);
        }

        l.OptionalReasons();
        l.Add(null,
        [
            "Please remove or suspend this account, and preserve its data (its registration details, messages, IP addresses and logs) so that the police can ask you for it.",
            forOther ? "The person I represent has reported this to the police, or may do so." : "I have reported this to the police, or may do so.",
            "I have not attached any images to this report and will not send them. Please do not ask for copies.",
        ], []);
        l.GoodFaith(LetterKind.ExtortionAccountReport);
        l.Add(null, ["Please confirm by email when you have acted on the account."], [LetterElement.ResponseRequested]);
        l.Contact();
        l.Signature();
    }

    private static void Dmca(LetterBuilder l)
    {
        l.Header();
        l.Add(null, [LetterWording.Text("dmca.legalBasis")],
            [LetterElement.LegalBasis]);
        if (!string.IsNullOrWhiteSpace(l.Input.CopyrightedWork))
        {
            var owner = l.Input.CopyrightBasis == CopyrightBasis.AuthorisedByOwner
                ? "I am authorized to act for the owner of the copyright in this work."
                : "I own the copyright in this work.";
            l.Add("The copyrighted work", [$"{l.Free(l.Input.CopyrightedWork)}. {owner}"], [LetterElement.CopyrightedWork]);
        }

        l.Locations("The infringing material is at these addresses. Please remove it or disable access to it:", "The infringing material");
        l.Contact();
        l.GoodFaith(LetterKind.DmcaNotice);
        if (l.Input.AccuracyConfirmed)
        {
            l.Add(null, [LetterComposer.DmcaAccuracy],
                [LetterElement.AccuracyUnderPenaltyOfPerjury]);
        }

        l.Signature();
    }

    private static void TakeItDown(LetterBuilder l)
    {
        l.Header();
        l.Add(null,
        [
            LetterWording.Text("takeItDown.legalBasis"),
        ], [LetterElement.LegalBasis]);
        l.Locations($"The intimate visual depiction of {l.Subject} is at these addresses:", "Where to find it");
        l.GoodFaith(LetterKind.TakeItDownRequest);
        if (!string.IsNullOrWhiteSpace(l.Input.Reasons))
        {
            l.Add("Why it was published without consent", [l.Free(l.Input.Reasons)], [LetterElement.Reasons]);
        }

        l.Add(null, ["Please remove it, and any identical copies you know of, as soon as possible and no later than 48 hours after you receive this request, and tell me when it is done."],
            [LetterElement.ResponseRequested]);

        l.Contact();
        l.Signature();
    }

    private static void Dsa(LetterBuilder l)
    {
        l.Header();
        l.Add(null, [LetterWording.Text("dsa.legalBasis")],
            [LetterElement.LegalBasis]);
        if (!string.IsNullOrWhiteSpace(l.Input.Reasons))
        {
            l.Add("Why this content is illegal", [l.Free(l.Input.Reasons)], [LetterElement.Reasons]);
        }

        l.Locations("The exact addresses of the content:", "Where the content is");
        var name = l.Input.Sender.Name?.Printable;
        var email = l.Input.Sender.Email?.Printable;
        if (name is not null && email is not null)
        {
            // Article 16(2)(c) asks for the name and email, and nothing more is given.
            l.Contact(nameAndEmailOnly: true);
            l.Add(null, [], [LetterElement.NameAndEmail]);
        }
        else
        {
            if (LetterCompleteness.IdentityOptional(LetterKind.DsaNotice, l.Input))
            {
                l.Add(null, [LetterWording.Text("dsa.identityOptional")], [LetterElement.NameAndEmail]);
            }

            l.Contact();
        }

        l.GoodFaith(LetterKind.DsaNotice);
        l.Add(null, [LetterWording.Text("dsa.responseRequested")],
            [LetterElement.ResponseRequested]);
        l.Signature();
    }

    private static void SearchDelisting(LetterBuilder l)
    {
        l.Header();
        var policy = l.Input.Recipient.Policy;
        l.Add(null,
        [
            $"I ask you to remove from {l.Input.Recipient.Name} results the addresses below. They lead to intimate images of {l.Subject} shared without consent."
            + (policy is null ? "" : $" This falls under your policy \"{policy.Name}\" ({policy.Url})."),
            "This is a personal content request, not a copyright notice. Please handle it under that policy, and do not publish it or pass it to third parties.",
        ], policy is null ? [] : [LetterElement.PlatformRule]);
        l.Locations("The addresses to remove from search results:");
        l.GoodFaith(LetterKind.SearchDelisting);
        l.Add(null, ["Please confirm by email when the results have been removed."], [LetterElement.ResponseRequested]);
        l.Contact();
        l.Signature();
    }

    /// <summary>
    /// A request for erasure under GDPR / UK GDPR Article 17(1), grounds (d) and (c) with Article 21(1). It names the
    /// results and the searches that show them, and identifies the data subject by the name and contact the sender
    /// chose to print, nothing more.
    /// </summary>
    private static void DataProtectionDelisting(LetterBuilder l)
    {
        var uk = DataProtectionLaw.IsUnitedKingdom(l.Input.JurisdictionCode);
        var forOther = l.Input.SenderActsForPersonShown;
        l.Header();
        l.Add(null, [LetterWording.Text(uk ? "dataProtection.legalBasis.uk" : "dataProtection.legalBasis.eu")], [LetterElement.LegalBasis]);
        l.Locations("The results to delist:", "The results");
        if (!string.IsNullOrWhiteSpace(l.Input.SearchTerms))
        {
            l.Add(null, [$"They appear in searches for: {l.Input.SearchTerms.Trim().ReplaceLineEndings("; ")}"], []);
        }

        l.Add("Why they must be delisted",
        [
            LetterWording.Text("dataProtection.grounds.lead", ("subject", l.Subject), ("consent", forOther ? "their consent" : "my consent")),
            LetterWording.Text("dataProtection.grounds.unlawful"),
            LetterWording.Text("dataProtection.grounds.objection",
                ("objector", forOther ? "the person I represent objects" : "I object"), ("their", forOther ? "their" : "my")),
        ], [LetterElement.ErasureGrounds]);
        l.OptionalReasons();
        l.Add(null,
        [
            forOther
                ? "I write for the person shown in these images, the data subject, with their permission. I give only what you need to identify the request and reach me; if you need more to confirm who they are, please tell me what and why."
                : "I am the person shown in these images, the data subject. I give only what you need to identify me and reach me; if you need more to confirm who I am, please tell me what and why.",
            "Please do not publish this request, and do not pass my contact details to the websites concerned.",
        ], []);
        l.Add(null, [LetterWording.Text(uk ? "dataProtection.answerPeriod.uk" : "dataProtection.answerPeriod.eu")],
            [LetterElement.ResponseRequested]);

        l.Contact();
        l.Signature();
    }

    private static void PreservationToPlatform(LetterBuilder l)
    {
        l.Header();
        l.Add(null,
        [
            $"I ask you to preserve, and not delete, the records below, which concern intimate images of {l.Subject} shared without consent on {l.Input.Recipient.Name}. They may be needed in legal proceedings and by the police.",
        ], []);
        l.Scope();
        l.Locations("The content concerned:");
        l.Incidents();
        l.Add(null,
        [
            "Please keep these records even if you remove the content or close the accounts, and please do not tell the account holders about this request.",
            "Please confirm by email that the records are preserved.",
        ], [LetterElement.ResponseRequested]);
        l.Contact();
        l.Signature();
    }

    private static void PreservationForPolice(LetterBuilder l)
    {
        var recipient = l.Input.Recipient;
        l.Header("the investigating officer");
        l.Add(null,
        [
            $"I am asking you to send a preservation request to {recipient.Operator}, which runs {recipient.Name}, so that the records below are kept while the case is investigated. Intimate images of {l.Subject} were shared there without consent, and the provider may delete these records in the ordinary course of business.",
        ], []);
        var basis = LetterWording.Text(LetterComposer.InUnitedStates(l.Input) ? "preservationForPolice.basis.us" : "preservationForPolice.basis.elsewhere");
        l.Add("Legal basis", [basis], [LetterElement.LegalBasis]);
        if (!string.IsNullOrWhiteSpace(l.Input.PoliceReference))
        {
            l.Add(null, [$"Police reference: {l.Free(l.Input.PoliceReference)}"], []);
        }

        l.Scope();
        l.Locations("The content concerned:");
        l.Incidents();
        l.Contact();
        l.Signature();
    }

    private static void FollowUp(LetterBuilder l)
    {
        l.Header();
        var previous = l.Input.Previous;
        if (previous is not null && previous.SentOn != default)
        {
            var reference = string.IsNullOrWhiteSpace(previous.Reference) ? "" : $" (your reference {l.Free(previous.Reference)})";
            var reason = previous.Reason == FollowUpReason.Refused
                ? "You declined to remove the content. I ask you to review that decision: the content is still an intimate image shared without consent."
                : previous.Deadline is { } deadline && l.Input.LetterDate > DateOnly.FromDateTime(deadline)
                    ? previous.Kind == LetterKind.TakeItDownRequest
                        ? LetterWording.Text("followUp.takeItDown.noAnswer", ("moment", LetterComposer.Moment(deadline)))
                        : $"The law asked for an answer within one month of receiving it, by {LetterComposer.Date(DateOnly.FromDateTime(deadline))}. I have had no answer."
                    : "I have had no answer.";
            l.Add(null, [$"On {LetterComposer.Date(previous.SentOn)} I sent you a {LetterComposer.TitleOf(previous.Kind)}{reference}. {reason}"], [LetterElement.PreviousRequest]);
        }

        l.Locations("The content is still at these addresses:");
        var next = previous?.Kind == LetterKind.TakeItDownRequest && l.Input.Recipient.TakeItDown?.Ftc is { } ftc
            ? ftc.Name
            : previous?.Kind == LetterKind.DsaNotice && l.Input.Coordinator is { } coordinator
            ? $"{coordinator.Name}, the Digital Services Coordinator in {coordinator.Country}"
            : (l.Input.Recipient.Escalation ?? [])
                .FirstOrDefault(s => s is not null && s.Step > EscalationStepKind.Form && s.AppliesTo(l.Input.JurisdictionCode))?.Name;
        var escalation = previous?.Kind == LetterKind.DataProtectionDelisting
            ? " " + LetterWording.Text("followUp.dataProtection.escalation")
            : next is null ? "" : $" If I do not hear from you, I will take this to {next}.";
        var ask = previous?.Kind == LetterKind.TakeItDownRequest
            ? LetterWording.Text("followUp.takeItDown.ask")
            : "Please remove it, or tell me your decision and the reasons, as soon as you can.";
        l.Add(null, [ask + escalation], [LetterElement.ResponseRequested]);
        l.Contact();
        l.Signature();
    }

}
