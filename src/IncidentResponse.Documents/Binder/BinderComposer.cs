using System.Globalization;
using IncidentResponse.Documents.Html;
using IncidentResponse.Documents.Model;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Documents.Binder;

/// <summary>
/// Turns a case, read and checked, into the binder's content: one section per part the person chose, in a fixed
/// order, worded for someone who has never seen the case. Pure: no database, no files.
/// </summary>
public sealed partial class BinderComposer(
    BinderCase data,
    IReadOnlyList<BinderExhibit> exhibits,
    AuditChainVerification verification,
    AuditChainHead? head,
    BinderOptions options,
    PlatformDirectory platforms,
    DateTimeOffset now,
    BinderPictures pictures,
    BinderWording wording)
{
    public const string ConfidentialityNotice =
        "This record is confidential. It holds personal and sensitive material about the person who prepared it, "
        + "given to you for one purpose. Please do not copy it, share it or show it to anyone beyond that purpose, "
        + "and keep it somewhere safe.";

    /// <summary>The history's trusted timestamp for the appendix (ADR 0033); null when there is none.</summary>
    public AuditTimestamp? Timestamp { get; init; }

    /// <summary>Why no timestamp was had although one was asked for; null when none was asked for, or one was had.</summary>
    public string? TimestampProblem { get; init; }

    private readonly ILookup<Guid?, BinderExhibit> _exhibitsByIncident = exhibits.ToLookup(e => e.Item.IncidentId);
    private readonly ILookup<Guid?, Sighting> _sightingsByIncident = data.Sightings.ToLookup(s => s.IncidentId);
    private readonly Dictionary<Guid, int> _sightingNumbers = data.Sightings.Select((s, i) => (s.Id, i + 1)).ToDictionary(p => p.Id, p => p.Item2);
    private readonly Dictionary<Guid, int> _requestNumbers = data.Requests.Select((r, i) => (r.Id, i + 1)).ToDictionary(p => p.Id, p => p.Item2);

    public DocumentModel Compose()
    {
        var title = string.IsNullOrWhiteSpace(options.Title) ? BinderOptions.DefaultTitle : options.Title.Trim();
        return new DocumentModel
        {
            Title = title,
            RunningHeader = title,
            GeneratedAtUtc = now,
            Sections = BinderPresets.InPrintOrder.Where(options.Includes).Select(SectionFor).ToList(),
        };
    }

    private Section SectionFor(BinderSection part) => part switch
    {
        BinderSection.Cover => Cover(),
        BinderSection.Contents => new Section { Id = "contents", Heading = "Contents", Blocks = [new TableOfContents { Heading = "" }] },
        BinderSection.Summary => Summary(),
        BinderSection.ThreatAssessment => ThreatAssessment(),
        BinderSection.IncidentLog => IncidentLog(),
        BinderSection.Exhibits => Exhibits(),
        BinderSection.Sightings => Sightings(),
        BinderSection.Letters => Letters(),
        BinderSection.ContactsAndDemands => ContactsAndDemands(),
        _ => Verification(),
    };

    private Section Cover()
    {
        var rows = new List<KeyValueRow>();
        if (!string.IsNullOrWhiteSpace(options.PreparedBy))
        {
            rows.Add(new("Prepared by", options.PreparedBy.Trim()));
        }

        rows.Add(new("Prepared for", string.IsNullOrWhiteSpace(options.PreparedFor) ? BinderPresets.DefaultReader(options.Preset) : options.PreparedFor.Trim()));
        rows.Add(new("Date", wording.Moment(now.UtcDateTime)));
        rows.Add(new("What it holds", string.Join(", ", BinderPresets.InPrintOrder.Where(s => s != BinderSection.Cover && options.Includes(s)).Select(BinderPresets.SectionName))));
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
            rows.Add(new("First incident", wording.Date(data.Incidents.Min(i => i.OccurredOn))));
            rows.Add(new("Latest incident", wording.Date(data.Incidents.Max(i => i.LastOccurredOn))));
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
                new("When", wording.IncidentWhen(incident)),
                new("Found on", wording.Date(incident.FoundOn)),
                new("Where", Platforms.NameOf(incident.Platform)),
            };
            AddIfAny(rows, "Address", incident.Url);
            AddIfAny(rows, "Account", incident.AccountHandle);
            rows.Add(new("Who", wording.Perpetrator(incident.Perpetrator, incident.PerpetratorName)));
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

    private string SightingLabel(Guid id) =>
        _sightingNumbers.TryGetValue(id, out var n) ? "P" + n.ToString(CultureInfo.InvariantCulture) : "";

    private string RequestLabel(Guid id) =>
        _requestNumbers.TryGetValue(id, out var n) ? "R" + n.ToString(CultureInfo.InvariantCulture) : "";

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>UTC, with the time in the zone of the person making the binder beside it once they have chosen one.</summary>
    private string Moment(DateTime utc) => wording.Moment(utc);

    private static void AddIfAny(List<KeyValueRow> rows, string label, string value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            rows.Add(new(label, value.Trim()));
        }
    }
}
