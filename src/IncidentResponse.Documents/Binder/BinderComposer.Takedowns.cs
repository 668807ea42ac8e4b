using System.Globalization;
using IncidentResponse.Documents.Model;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Takedowns;

namespace IncidentResponse.Documents.Binder;

/// <summary>The sightings and takedown log, and the letters as finalised and sent.</summary>
public sealed partial class BinderComposer
{
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
                data.Sightings.Select(s => (IReadOnlyList<string>)[SightingLabel(s.Id), s.Url, Platforms.NameOf(s.Platform), DateOnly.FromDateTime(s.FirstSeenUtc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), SightingStatusRules.DisplayName(s.Status), Moment(s.LastCheckedUtc)]).ToList())
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

        blocks.Add(RequestsTable());
        if (data.Responses.Count > 0)
        {
            blocks.Add(new Table(
                ["Request", "Received", "Outcome", "Reason given", "Note"],
                data.Responses.Select(a => (IReadOnlyList<string>)[RequestLabel(a.RequestId), wording.Date(a.ReceivedOn), TakedownResponse.DisplayName(a.Outcome), a.Reason, a.Note]).ToList())
            {
                Caption = "Responses",
            });
        }

        return new Section { Id = "sightings", Heading = "Sightings and takedown log", Blocks = blocks };
    }

    /// <summary>Every takedown request written, with the places it names and where it stands.</summary>
    private Block RequestsTable()
    {
        if (data.Requests.Count == 0)
        {
            return new Paragraph("No takedown requests have been written.");
        }

        var placesByRequest = data.RequestSightings.ToLookup(rs => rs.RequestId, rs => rs.SightingId);
        return new Table(
            ["Request", "Kind", "To", "Places", "Status", "Finalised", "Sent", "Channel", "Reference", "Answer due"],
            data.Requests.Select(r => (IReadOnlyList<string>)
            [
                RequestLabel(r.Id),
                LetterComposer.TitleOf(r.Kind),
                platforms.Get(r.PlatformId).Name,
                string.Join(", ", placesByRequest[r.Id].Select(SightingLabel).Order(StringComparer.Ordinal)),
                wording.LetterStatus(r.Status),
                r.FinalisedUtc is { } f ? Moment(f) : "",
                r.SentOn is { } s ? wording.Date(s) : "",
                r.Channel?.ToString() ?? "",
                r.Reference ?? "",
                r.DueUtc is { } d ? Moment(d) : "",
            ]).ToList())
        {
            Caption = "Takedown requests",
            AddressColumns = new HashSet<int> { 8 },
        };
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
                new("Status", wording.LetterStatus(request.Status)),
            };
            if (request.FinalisedUtc is { } finalisedAt)
            {
                rows.Add(new("Finalised", Moment(finalisedAt)));
            }

            if (request.SentOn is { } sentOn)
            {
                rows.Add(new("Sent", (request.SentUtc is { } at ? Moment(at) : wording.Date(sentOn)) + (request.Channel is { } c ? $" ({c})" : "")));
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
}
