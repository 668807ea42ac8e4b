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
        var letter = new Builder(input);
        switch (kind)
        {
            case LetterKind.PlatformPolicyReport:
                PolicyReport(letter);
                break;
            case LetterKind.DmcaNotice:
                Dmca(letter);
                break;
            case LetterKind.TakeItDownRequest:
                TakeItDown(letter);
                break;
            case LetterKind.DsaNotice:
                Dsa(letter);
                break;
            case LetterKind.SearchDelisting:
                SearchDelisting(letter);
                break;
            case LetterKind.PreservationToPlatform:
                PreservationToPlatform(letter);
                break;
            case LetterKind.PreservationForPolice:
                PreservationForPolice(letter);
                break;
            case LetterKind.FollowUp:
                FollowUp(letter);
                break;
            case LetterKind.DataProtectionDelisting:
                DataProtectionDelisting(letter);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown letter kind.");
        }

        return new LetterDocument(kind, HeadingOf(kind), letter.Sections, letter.Elements, Guidance(kind, input))
        {
            Sender = letter.Sender,
            DateLine = letter.DateLine,
            RecipientLine = letter.RecipientLine,
            Signature = letter.SignatureLines,
        };
    }

    private static void PolicyReport(Builder l)
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

    private static void Dmca(Builder l)
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
            l.Add(null, [DmcaAccuracy],
                [LetterElement.AccuracyUnderPenaltyOfPerjury]);
        }

        l.Signature();
    }

    private static void TakeItDown(Builder l)
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

    private static void Dsa(Builder l)
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

    private static void SearchDelisting(Builder l)
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
    private static void DataProtectionDelisting(Builder l)
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

    private static void PreservationToPlatform(Builder l)
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

    private static void PreservationForPolice(Builder l)
    {
        var recipient = l.Input.Recipient;
        l.Header("the investigating officer");
        l.Add(null,
        [
            $"I am asking you to send a preservation request to {recipient.Operator}, which runs {recipient.Name}, so that the records below are kept while the case is investigated. Intimate images of {l.Subject} were shared there without consent, and the provider may delete these records in the ordinary course of business.",
        ], []);
        var basis = LetterWording.Text(InUnitedStates(l.Input) ? "preservationForPolice.basis.us" : "preservationForPolice.basis.elsewhere");
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

    private static void FollowUp(Builder l)
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
                        ? LetterWording.Text("followUp.takeItDown.noAnswer", ("moment", Moment(deadline)))
                        : $"The law asked for an answer within one month of receiving it, by {Date(DateOnly.FromDateTime(deadline))}. I have had no answer."
                    : "I have had no answer.";
            l.Add(null, [$"On {Date(previous.SentOn)} I sent you a {TitleOf(previous.Kind)}{reference}. {reason}"], [LetterElement.PreviousRequest]);
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

    private static List<string> Guidance(LetterKind kind, LetterInput input)
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
            guidance.Add(LetterWording.Text(InUnitedStates(input) ? "preservationForPolice.guidance.us" : "preservationForPolice.guidance.elsewhere"));
        }

        if (kind == LetterKind.DataProtectionDelisting)
        {
            guidance.Add(LetterWording.Text("dataProtection.guidance"));
        }

        if (kind == LetterKind.PreservationToPlatform)
        {
            guidance.Add("The platform does not have to keep this request secret. It may tell the account holder, so the person responsible may learn that you are gathering evidence. If that could put you at risk, talk to a helpline, a lawyer or the police before you send it: they can ask for the records to be kept instead.");
        }

        return guidance;
    }

    private static bool InUnitedStates(LetterInput input) =>
        string.Equals(input.JurisdictionCode?.Trim(), "US", StringComparison.OrdinalIgnoreCase);

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    private static string Moment(DateTime utc) => utc.ToString("d MMMM yyyy, HH:mm 'UTC'", Culture);

    private static string DateOrBlank(DateOnly date) => date == default ? "" : Date(date);

    /// <summary>Collects sections and the elements they carry.</summary>
    private sealed class Builder(LetterInput input)
    {
        public LetterInput Input { get; } = input;

        public List<LetterSection> Sections { get; } = [];

        public List<LetterElement> Elements { get; } = [];

        public List<string> Sender { get; } = [];

        public string? DateLine { get; private set; }

        public string? RecipientLine { get; private set; }

        public List<string> SignatureLines { get; } = [];

        public string Subject => Input.SenderActsForPersonShown ? "the person I represent" : "me";

        /// <summary>Free text typed by the person, trimmed, with any private value withheld.</summary>
        public string Free(string? text) => (Input.Sender ?? new SenderIdentity()).Redact((text ?? "").Trim());

        /// <summary>A section of the body (none when <paramref name="paragraphs"/> is empty: only its elements count).</summary>
        public void Add(string? heading, IReadOnlyList<string> paragraphs, IReadOnlyList<LetterElement> elements)
        {
            if (paragraphs.Count > 0)
            {
                Sections.Add(new LetterSection(heading, paragraphs));
            }

            Note(elements);
        }

        private void Note(IReadOnlyList<LetterElement> elements)
        {
            foreach (var element in elements.Where(e => !Elements.Contains(e)))
            {
                Elements.Add(element);
            }
        }

        /// <summary>The date and the recipient (the platform's operator, or <paramref name="to"/>), each on its own line.</summary>
        public void Header(string? to = null)
        {
            var recipient = Input.Recipient;
            DateLine = $"Date: {DateOrBlank(Input.LetterDate)}";
            RecipientLine = $"To: {to ?? $"{recipient.Operator} ({recipient.Name})"}";
            Note([LetterElement.Recipient]);
        }

        public void Locations(string lead, string? heading = null)
        {
            var addresses = Addresses(Input);
            if (addresses.Count == 0)
            {
                return;
            }

            Add(heading, [lead, .. addresses.Select(a => $"- {a.Url} (first seen {Date(a.FirstSeen)})")], [LetterElement.ContentLocation]);
        }

        public void OptionalReasons()
        {
            if (!string.IsNullOrWhiteSpace(Input.Reasons))
            {
                Add(null, [Free(Input.Reasons)], [LetterElement.Reasons]);
            }
        }

        public void GoodFaith(LetterKind kind)
        {
            if (Input.GoodFaithConfirmed && GoodFaithStatement(kind, Input.SenderActsForPersonShown) is { } statement)
            {
                Add(null, [statement], [LetterElement.GoodFaithStatement]);
            }
        }

        public void Incidents()
        {
            var incidents = (Input.Incidents ?? []).Where(i => i is not null).OrderBy(i => i.Date).ToList();
            if (incidents.Count > 0)
            {
                Add("What happened", [.. incidents.Select(i => $"- {Date(i.Date)}: {Free(i.Kind)}")], []);
            }
        }

        public void Scope() => Add("Records to preserve",
        [
            "- the content at the addresses below, including copies already removed;",
            "- the accounts that posted or shared it, with their subscriber and registration details;",
            "- logs of uploads, access and sharing, with IP addresses and timestamps;",
            "- messages and other records connected with the content or the accounts.",
        ], [LetterElement.PreservationScope]);

        /// <summary>
        /// The sender block at the head of the letter: the details the person chose to print, none private (only the name
        /// and email when <paramref name="nameAndEmailOnly"/>). Someone writing for the person shown says so here, in the
        /// body.
        /// </summary>
        public void Contact(bool nameAndEmailOnly = false)
        {
            if (Sender.Count > 0)
            {
                return;
            }

            var sender = Input.Sender ?? new SenderIdentity();
            AddLine(Sender, "Name", sender.Name);
            AddLine(Sender, "Email", sender.Email);
            if (!nameAndEmailOnly)
            {
                AddLine(Sender, "Postal address", sender.PostalAddress);
                AddLine(Sender, "Phone", sender.Phone);
            }

            if (Sender.Count == 0)
            {
                return;
            }

            Note([LetterElement.ContactInformation]);
            if (Input.SenderActsForPersonShown && !nameAndEmailOnly)
            {
                Add(null, ["I am writing on behalf of the person shown, with their permission."], []);
            }
        }

        public void Signature()
        {
            var name = Input.Sender?.Name?.Printable;
            if (Input.SignatureConfirmed && name is not null)
            {
                SignatureLines.AddRange([$"/s/ {name}", $"Signed electronically on {DateOrBlank(Input.LetterDate)}"]);
                Note([LetterElement.Signature]);
            }
        }

        private static void AddLine(List<string> lines, string label, IdentityField? field)
        {
            var value = field?.Printable;
            if (value is not null)
            {
                lines.Add($"{label}: {value.ReplaceLineEndings(", ")}");
            }
        }
    }
}
