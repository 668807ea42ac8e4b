using System.Globalization;
using IncidentResponse.Documents.Html;
using IncidentResponse.Documents.Model;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;

namespace IncidentResponse.Web.Binder;

/// <summary>
/// Turns a case, read and checked, into the binder's content: one section per part the person chose, in a fixed
/// order, worded for someone who has never seen the case. Pure: no database, no files.
/// </summary>
internal sealed class BinderComposer(
    BinderData data,
    IReadOnlyList<BinderExhibit> exhibits,
    AuditChainVerification verification,
    AuditChainHead? head,
    BinderOptions options,
    PlatformDirectory platforms,
    DateTimeOffset now,
    BinderPictures pictures,
    LocalTimes times)
{
    public const string ConfidentialityNotice =
        "This record is confidential. It holds personal and sensitive material about the person who prepared it, "
        + "given to you for one purpose. Please do not copy it, share it or show it to anyone beyond that purpose, "
        + "and keep it somewhere safe.";

    private readonly ILookup<Guid?, BinderExhibit> _exhibitsByIncident = exhibits.ToLookup(e => e.Item.IncidentId);
    private readonly ILookup<Guid?, Sighting> _sightingsByIncident = data.Sightings.ToLookup(s => s.IncidentId);
    private readonly Dictionary<Guid, int> _sightingNumbers = data.Sightings.Select((s, i) => (s.Id, i + 1)).ToDictionary(p => p.Id, p => p.Item2);
    private readonly Dictionary<Guid, int> _requestNumbers = data.Requests.Select((r, i) => (r.Id, i + 1)).ToDictionary(p => p.Id, p => p.Item2);

    public DocumentModel Compose()
    {
        var title = string.IsNullOrWhiteSpace(options.Title) ? BinderOptions.DefaultTitle : options.Title.Trim();
        var sections = new List<Section>();
        foreach (var part in Enum.GetValues<BinderSection>().Where(options.Includes))
        {
            sections.Add(part switch
            {
                BinderSection.Cover => Cover(),
                BinderSection.Contents => new Section { Id = "contents", Heading = "Contents", Blocks = [new TableOfContents { Heading = "" }] },
                BinderSection.Summary => Summary(),
                BinderSection.ThreatAssessment => ThreatAssessment(),
                BinderSection.IncidentLog => IncidentLog(),
                BinderSection.Exhibits => Exhibits(),
                BinderSection.Sightings => Sightings(),
                BinderSection.Letters => Letters(),
                _ => Verification(),
            });
        }

        return new DocumentModel
        {
            Title = title,
            RunningHeader = title,
            GeneratedAtUtc = now,
            Sections = sections,
        };
    }

    private Section Cover()
    {
        var rows = new List<KeyValueRow>();
        if (!string.IsNullOrWhiteSpace(options.PreparedBy))
        {
            rows.Add(new("Prepared by", options.PreparedBy.Trim()));
        }

        rows.Add(new("Prepared for", string.IsNullOrWhiteSpace(options.PreparedFor) ? BinderPresets.DefaultReader(options.Preset) : options.PreparedFor.Trim()));
        rows.Add(new("Date", times.BesideUtc(now)));
        rows.Add(new("What it holds", string.Join(", ", options.Sections.Order().Where(s => s != BinderSection.Cover).Select(BinderPresets.SectionName))));
        return new Section
        {
            Id = "cover",
            Heading = "About this record",
            Blocks =
            [
                new KeyValueTable(rows),
                new Paragraph(ConfidentialityNotice),
                new Paragraph("Every exhibit carries the SHA-256 fingerprint its file had when it was received. The verification "
                    + "appendix explains how to check a file against it, and records the state of the case's tamper-evident "
                    + "history when this copy was made."),
            ],
        };
    }

    private Section Summary()
    {
        var online = data.Sightings.Where(s => s.Status != SightingStatus.Removed).ToList();
        var sent = data.Requests.Count(r => r.SentOn is not null);
        var rows = new List<KeyValueRow>
        {
            new("Case opened", Moment(data.Case.CreatedUtc)),
        };
        if (data.Incidents.Count > 0)
        {
            rows.Add(new("First incident", IncidentWording.Date(data.Incidents.Min(i => i.OccurredOn))));
            rows.Add(new("Latest incident", IncidentWording.Date(data.Incidents.Max(i => i.LastOccurredOn))));
        }

        rows.Add(new("Incidents logged", Count(data.Incidents.Count)));
        rows.Add(new("Places the content was found", Count(data.Sightings.Count)));
        rows.Add(new("Takedown requests", string.Create(CultureInfo.InvariantCulture, $"{data.Requests.Count} written, {sent} sent")));
        rows.Add(new("Responses received", Count(data.Responses.Count)));
        rows.Add(new("Evidence files", Count(exhibits.Count)));
        rows.Add(new("Still online (not yet removed)", Count(online.Count)));
        var blocks = new List<Block> { new KeyValueTable(rows) { Caption = "The case at a glance" } };
        if (online.Count > 0)
        {
            blocks.Add(new Table(
                ["Place", "Address", "Platform", "Status", "Status last updated"],
                online.Select(s => (IReadOnlyList<string>)[SightingLabel(s.Id), s.Url, Platforms.NameOf(s.Platform), SightingStatusRules.DisplayName(s.Status), Moment(s.LastCheckedUtc)]).ToList())
            {
                Caption = "What is still online",
                AddressColumns = new HashSet<int> { 1 },
            });
        }
        else
        {
            blocks.Add(new Paragraph("No place where the content was found is still listed as online."));
        }

        return new Section { Id = "summary", Heading = "Case summary", Blocks = blocks };
    }

    /// <summary>
    /// The latest assessment's answers that shaped the plan, reported in the third person ("The survivor said …"); the
    /// level and score only when the person chose to include them, with a note when the level rests on "Not sure".
    /// </summary>
    private Section ThreatAssessment()
    {
        var blocks = new List<Block>();
        if (data.Assessment is not { Result: { Level: { } level } result } assessment)
        {
            blocks.Add(new Paragraph("No threat assessment has been completed for this case."));
        }
        else
        {
            var rows = new List<KeyValueRow> { new("Completed", Moment(assessment.CompletedUtc!.Value)) };
            if (options.IncludeRiskLevel)
            {
                rows.Add(new("Level", ThreatLevels.DisplayName(level)));
                rows.Add(new("Score", (result.Score ?? 0).ToString(CultureInfo.InvariantCulture)));
            }

            blocks.Add(new KeyValueTable(rows) { Caption = "Latest completed assessment" });
            blocks.Add(new Paragraph(
                "The survivor answered a short set of safety questions so the app could put the steps of their plan in order. "
                + "The questions are a guide, not a validated risk instrument."));
            if (options.IncludeRiskLevel)
            {
                blocks.Add(new Paragraph(
                    "This level is not a prediction of what the other person will do. It only decides which steps of the survivor's plan come first."));
                if (result.RestsOnNotSure)
                {
                    blocks.Add(new Paragraph(string.Create(CultureInfo.InvariantCulture,
                        $"This level rests partly on questions the survivor answered \"Not sure\", which the app treats with caution. Counting only the answers they were sure of, it would be {ThreatLevels.DisplayName(result.LevelIfSureAnswersOnly!.Value)}.")));
                }
            }

            if (result.Reasons.Count > 0)
            {
                blocks.Add(new Table(["What the survivor said"], result.Reasons.Select(r => (IReadOnlyList<string>)[r.Report]).ToList()));
            }
            else
            {
                blocks.Add(new Paragraph("None of the survivor's answers raised a concern the questions ask about."));
            }
        }

        return new Section { Id = "threat-assessment", Heading = "Threat assessment summary", Blocks = blocks };
    }

    private Section IncidentLog()
    {
        var blocks = new List<Block>();
        if (data.Incidents.Count == 0)
        {
            blocks.Add(new Paragraph("No incidents have been logged."));
        }

        for (var i = 0; i < data.Incidents.Count; i++)
        {
            var incident = data.Incidents[i];
            var rows = new List<KeyValueRow>
            {
                new("What", IncidentKinds.DisplayName(incident.Kind)),
                new("When", IncidentWording.WhenBesideUtc(incident.OccurredOn, incident.OccurredAt, incident.TimeZone, incident.SeriesEndOn)),
                new("Found on", IncidentWording.Date(incident.FoundOn)),
                new("Where", Platforms.NameOf(incident.Platform)),
            };
            AddIfAny(rows, "Address", incident.Url);
            AddIfAny(rows, "Account", incident.AccountHandle);
            rows.Add(new("Who", IncidentWording.PerpetratorText(incident.Perpetrator, incident.PerpetratorName)));
            AddIfAny(rows, "What happened", incident.Narrative);
            AddIfAny(rows, "What shows it happened", incident.EvidenceOfIt);
            AddIfAny(rows, "Who is thought to be behind it", incident.WhoYouThink);
            AddIfAny(rows, "What shows who", incident.EvidenceOfWho);
            AddIfAny(rows, "Evidence still needed", incident.EvidenceStillNeeded);
            var places = _sightingsByIncident[incident.Id].ToList();
            if (places.Count > 0)
            {
                rows.Add(new("Places found", string.Join("; ", places.Select(s => $"{SightingLabel(s.Id)} {s.Url} ({SightingStatusRules.DisplayName(s.Status)})"))));
            }

            var linked = _exhibitsByIncident[incident.Id].ToList();
            if (linked.Count > 0)
            {
                rows.Add(new("Exhibits", string.Join(", ", linked.Select(e => "Exhibit " + e.Number.ToString(CultureInfo.InvariantCulture)))));
            }

            blocks.Add(new KeyValueTable(rows) { Caption = string.Create(CultureInfo.InvariantCulture, $"Incident {i + 1}") });
        }

        return new Section { Id = "incident-log", Heading = "Incident log", Blocks = blocks };
    }

    private Section Exhibits()
    {
        var blocks = new List<Block>();
        if (exhibits.Count == 0)
        {
            blocks.Add(new Paragraph("No evidence files have been kept."));
        }

        foreach (var exhibit in exhibits)
        {
            var item = exhibit.Item;
            var isPdf = item.Kind == EvidenceKind.Pdf;
            var printable = exhibit.Problem is null && (BinderService.IsPrintable(item.Kind) || (isPdf && pictures.PdfFirstPages));
            var obscurable = printable && pictures.Obscuring;
            blocks.Add(new ExhibitBlock
            {
                Number = exhibit.Number,
                OriginalFileName = item.OriginalFileName.Length == 0 ? "(no name)" : item.OriginalFileName,
                Sha256 = item.Sha256Hex,
                SizeBytes = item.Length,
                ReceivedAtUtc = new DateTimeOffset(item.ReceivedUtc, TimeSpan.Zero),
                UploadedBy = options.Audience is { } audience
                    ? audience.NameOf(item.UploadedByUserId, data.UserNames.GetValueOrDefault(item.UploadedByUserId))
                    : data.UserNames.GetValueOrDefault(item.UploadedByUserId),
                SourceUrl = item.SourceUrl.Length == 0 ? null : item.SourceUrl,
                SourceWords = item.SourceWords.Length == 0 ? null : item.SourceWords,
                CapturedAtText = options.PicturesShared ? CapturedAt(item) : null,
                Description = item.WhatItShows.Length == 0 ? null : item.WhatItShows,
                Redaction = exhibit.Redaction,
                ImageResource = printable && exhibit.Redaction == Redaction.None ? BinderService.ResourceName(exhibit, obscured: false) : null,
                ObscuredImageResource = obscurable && exhibit.Redaction == Redaction.Obscure ? BinderService.ResourceName(exhibit, obscured: true) : null,
                FileDescription = Describe(item.Kind),
                PictureCaption = isPdf ? FirstPageCaption : null,
                PlaceholderText = exhibit.Problem is not null || exhibit.Redaction == Redaction.Withhold ? null
                    : printable && exhibit.Redaction == Redaction.Obscure && !obscurable ? ObscuredUnavailable(item.Sha256Hex)
                    : isPdf && !printable ? PdfFirstPageUnavailable
                    : null,
                Problem = exhibit.Problem,
            });
        }

        return new Section { Id = "exhibits", Heading = "Exhibits", Blocks = blocks };
    }

    private Section Sightings()
    {
        var blocks = new List<Block>();
        if (data.Sightings.Count == 0)
        {
            blocks.Add(new Paragraph("No places where the content was found have been recorded."));
        }
        else
        {
            blocks.Add(new Table(
                ["Place", "Address", "Platform", "First seen", "Status now", "Status last updated"],
                data.Sightings.Select(s => (IReadOnlyList<string>)[SightingLabel(s.Id), s.Url, Platforms.NameOf(s.Platform), DateOnly.FromDateTime(s.FirstSeenUtc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), SightingStatusRules.DisplayName(s.Status), Moment(s.LastCheckedUtc)]).ToList())
            {
                Caption = "Every place the content was found",
                AddressColumns = new HashSet<int> { 1 },
            });
        }

        if (data.Changes.Count > 0)
        {
            blocks.Add(new Table(
                ["Place", "When", "From", "To", "Note"],
                data.Changes.Select(c => (IReadOnlyList<string>)[SightingLabel(c.SightingId), Moment(c.ChangedUtc), SightingStatusRules.DisplayName(c.From), SightingStatusRules.DisplayName(c.To), c.Note]).ToList())
            {
                Caption = "Status history",
            });
        }

        if (data.Requests.Count == 0)
        {
            blocks.Add(new Paragraph("No takedown requests have been written."));
        }
        else
        {
            var placesByRequest = data.RequestSightings.ToLookup(rs => rs.RequestId, rs => rs.SightingId);
            blocks.Add(new Table(
                ["Request", "Kind", "To", "Places", "Status", "Finalised", "Sent", "Channel", "Reference", "Answer due"],
                data.Requests.Select(r => (IReadOnlyList<string>)
                [
                    RequestLabel(r.Id),
                    LetterComposer.TitleOf(r.Kind),
                    platforms.Get(r.PlatformId).Name,
                    string.Join(", ", placesByRequest[r.Id].Select(SightingLabel).Order(StringComparer.Ordinal)),
                    r.Status.ToString(),
                    r.FinalisedUtc is { } f ? Moment(f) : "",
                    r.SentOn is { } s ? IncidentWording.Date(s) : "",
                    r.Channel?.ToString() ?? "",
                    r.Reference ?? "",
                    r.DueUtc is { } d ? Moment(d) : "",
                ]).ToList())
            {
                Caption = "Takedown requests",
                AddressColumns = new HashSet<int> { 8 },
            });
        }

        if (data.Responses.Count > 0)
        {
            blocks.Add(new Table(
                ["Request", "Received", "Outcome", "Reason given", "Note"],
                data.Responses.Select(a => (IReadOnlyList<string>)[RequestLabel(a.RequestId), IncidentWording.Date(a.ReceivedOn), TakedownResponse.DisplayName(a.Outcome), a.Reason, a.Note]).ToList())
            {
                Caption = "Responses",
            });
        }

        return new Section { Id = "sightings", Heading = "Sightings and takedown log", Blocks = blocks };
    }

    private Section Letters()
    {
        // Every letter whose words are fixed, sent or not yet, with where it stands; not drafts, nor a finalised letter
        // replaced by a newer version before it was sent.
        var finalised = data.Requests.Where(r => r.FinalText is not null && r.Status != TakedownStatus.Replaced).ToList();
        var blocks = new List<Block>();
        if (finalised.Count == 0)
        {
            blocks.Add(new Paragraph("No letters have been finalised."));
        }

        for (var i = 0; i < finalised.Count; i++)
        {
            var request = finalised[i];
            if (i > 0)
            {
                blocks.Add(new PageBreak());
            }

            var rows = new List<KeyValueRow>
            {
                new("Request", RequestLabel(request.Id)),
                new("To", platforms.Get(request.PlatformId).Name),
                new("Status", Takedowns.TakedownLetters.StatusText(request.Status)),
            };
            if (request.FinalisedUtc is { } finalisedAt)
            {
                rows.Add(new("Finalised", Moment(finalisedAt)));
            }

            if (request.SentOn is { } sentOn)
            {
                rows.Add(new("Sent", (request.SentUtc is { } at ? Moment(at) : IncidentWording.Date(sentOn)) + (request.Channel is { } c ? $" ({c})" : "")));
            }
            else
            {
                rows.Add(new("Sent", "Not marked as sent yet"));
            }

            AddIfAny(rows, "Reference", request.Reference ?? "");
            AddIfAny(rows, "What the confirmation said", request.Confirmation ?? "");
            var caption = LetterComposer.TitleOf(request.Kind) + (request.SentOn is null ? ", as finalised" : ", as sent");
            blocks.Add(new KeyValueTable(rows) { Caption = caption });
            blocks.AddRange(request.FinalText!.Replace("\r\n", "\n", StringComparison.Ordinal)
                .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => new Paragraph(p)));
        }

        return new Section { Id = "letters", Heading = BinderPresets.SectionName(BinderSection.Letters), Blocks = blocks };
    }

    private Section Verification()
    {
        var blocks = new List<Block>
        {
            new Paragraph("The manifest lists every exhibit with the SHA-256 fingerprint its file had when it was received. "
                + "Each file was checked again when this copy was made: it was decrypted and its fingerprint recomputed."),
        };
        if (exhibits.Count > 0)
        {
            blocks.Add(new Table(
                ["No.", "SHA-256", "File", "Check"],
                exhibits.Select(e => (IReadOnlyList<string>)
                [
                    e.Number.ToString(CultureInfo.InvariantCulture),
                    e.Item.Sha256Hex,
                    e.FileName,
                    e.Problem is null ? "Matches" : "FAILED",
                ]).ToList())
            {
                Caption = "Exhibit manifest",
                FingerprintColumns = new HashSet<int> { 1, 2 },
            });
        }

        foreach (var failure in exhibits.Where(e => !e.Verified))
        {
            blocks.Add(new Paragraph(string.Create(CultureInfo.InvariantCulture, $"Exhibit {failure.Number} FAILED: {failure.Problem}")));
        }

        var failed = exhibits.Count(e => !e.Verified);
        blocks.Add(new Paragraph(failed == 0
            ? "Every exhibit matched its fingerprint."
            : string.Create(CultureInfo.InvariantCulture, $"{failed} {(failed == 1 ? "exhibit" : "exhibits")} FAILED the check; see the manifest and the exhibit's own page.")));

        if (options.Audience is { SeesWholeHistory: false })
        {
            // Made by someone helping: the history's size and numbers are the owner's (events about private items are
            // not theirs to count), so the result is given in words and the head by its fingerprint alone.
            blocks.Add(new KeyValueTable([new("Result", verification.IsIntact ? HistoryWording.IntactForAlly : "FAILED. " + HistoryWording.BrokenForAlly)])
            {
                Caption = "The case's tamper-evident history when this copy was made",
            });
            if (head is not null)
            {
                blocks.Add(new Table(["Its latest SHA-256 (head)"], [[Convert.ToHexStringLower(head.Hash)]]) { FingerprintColumns = new HashSet<int> { 0 } });
            }
        }
        else
        {
            blocks.Add(new KeyValueTable(
            [
                new("Events in the history", verification.EventsChecked.ToString(CultureInfo.InvariantCulture)),
                new("Result", verification.IsIntact
                    ? "Intact: every event's hash matches its contents and the event before it"
                    : string.Create(CultureInfo.InvariantCulture, $"FAILED at event {verification.BrokenAtSequence}: {verification.Explanation}")),
            ])
            { Caption = "The case's tamper-evident history when this copy was made" });
        }

        if (head is not null && options.Audience is not { SeesWholeHistory: false })
        {
            blocks.Add(new Table(["Latest event (head)", "Its SHA-256"], [[head.Sequence.ToString(CultureInfo.InvariantCulture), Convert.ToHexStringLower(head.Hash)]])
            {
                FingerprintColumns = new HashSet<int> { 1 },
            });
        }

        blocks.Add(new Paragraph("The history records every change to the case; each event's hash covers the event before it. "
            + "Keep this page: if the history is ever questioned, the head above shows what it was on this date."));
        blocks.Add(new Paragraph("How to check a file's fingerprint: save the file (in an export it is named as in the manifest), "
            + "open a terminal or command prompt in its folder, and run the command for your computer. The long line of letters "
            + "and digits it prints must be exactly the SHA-256 in the manifest."));
        blocks.Add(new Table(
            ["Computer", "Command"],
            [
                ["Linux", "sha256sum exhibit-001.png"],
                ["Windows", "certutil -hashfile exhibit-001.png SHA256"],
                ["Mac", "shasum -a 256 exhibit-001.png"],
            ]));
        blocks.Add(new Paragraph("Any change to a file, even one dot, gives a completely different fingerprint."));
        return new Section { Id = "verification", Heading = "Verification appendix", Blocks = blocks };
    }

    private string SightingLabel(Guid id) =>
        _sightingNumbers.TryGetValue(id, out var n) ? "P" + n.ToString(CultureInfo.InvariantCulture) : "";

    private string RequestLabel(Guid id) =>
        _requestNumbers.TryGetValue(id, out var n) ? "R" + n.ToString(CultureInfo.InvariantCulture) : "";

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>UTC, with the time in the zone of the person making the binder beside it once they have chosen one.</summary>
    private string Moment(DateTime utc) => times.BesideUtc(utc);

    private static void AddIfAny(List<KeyValueRow> rows, string label, string value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            rows.Add(new(label, value.Trim()));
        }
    }

    private static string? CapturedAt(EvidenceItem item) => item.CapturedOn is not { } day
        ? null
        : IncidentWording.Date(day) + (item.CapturedAtTime is { } time ? ", " + time.ToString("HH:mm", CultureInfo.InvariantCulture) + " (the person's own time)" : "");

    public const string FirstPageCaption = "The first page of this PDF document. The whole file is in the case's export, exactly as received.";

    public const string PdfFirstPageUnavailable =
        "This exhibit is a PDF file. Its first page could not be shown here; the file is in the case's export, exactly as received, and the fingerprint below identifies it.";

    /// <summary>Said in place of an obscured picture when there is no printer to pixelate it: never the original.</summary>
    public static string ObscuredUnavailable(string sha256) =>
        "Obscured in this copy. The obscured picture can only be made when the server can print PDFs, so no picture is shown here. "
        + "The original's SHA-256 is " + sha256 + ".";

    private static string Describe(EvidenceKind kind) => EvidenceKinds.Describe(kind).Category switch
    {
        EvidenceCategory.Image => kind.ToString().ToUpperInvariant() + " image (only JPEG and PNG pictures are printed, without their hidden details)",
        EvidenceCategory.Video => kind.ToString().ToUpperInvariant() + " video",
        EvidenceCategory.Document => "PDF document",
        EvidenceCategory.SavedPage => "Saved web page",
        _ => "File",
    };
}
