using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Web.Cases;
using Microsoft.AspNetCore.Mvc;

namespace IncidentResponse.Web.Pages.Cases.Incidents;

/// <summary>
/// The record, a page at a time (<see cref="IncidentTimelineQuery"/>): incidents, the places content was found, the
/// evidence files kept, and the takedown requests sent and answered, in the order they happened.
/// Filters are neutral values (a kind, a platform key), never free text.
/// </summary>
[CaseOperationRequired(CaseOperation.View)]
public sealed class IndexModel(IncidentTimelineQuery timeline) : CasePageModel
{
    public const int PageSize = IncidentTimelineQuery.PageSize;

    /// <summary>The "kind" filter value that shows only places the content was found.</summary>
    public const string SightingsOnly = "Sighting";

    /// <summary>The "Show" choice for entries that record a contact from the person responsible.</summary>
    public const string ContactsOnly = "Contact";

    /// <summary>The "kind" filter value that shows only evidence files.</summary>
    public const string EvidenceOnly = "Evidence";

    /// <summary>The "kind" filter value that shows only takedown requests sent and the answers to them.</summary>
    public const string TakedownsOnly = "Takedown";

    public IReadOnlyList<TimelineRow> Rows { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int TotalCount { get; private set; }

    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public string? Kind { get; private set; }

    public string? Platform { get; private set; }

    public bool Filtered => Kind is not null || Platform is not null;

    public bool CanAdd => Membership.Can(CaseOperation.AddEntry);

    public bool CanViewEvidence => Membership.Can(CaseOperation.ViewEvidence);

    public async Task<IActionResult> OnGetAsync([FromQuery] int? page, [FromQuery] string? kind, [FromQuery] string? platform, CancellationToken cancellationToken)
    {
        IncidentKind? incidentKind = Enum.TryParse<IncidentKind>(kind, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(kind, out _) ? parsed : null;
        Kind = incidentKind?.ToString() ?? (kind is SightingsOnly or EvidenceOnly or TakedownsOnly or ContactsOnly ? kind : null);
        Platform = Platforms.IsKnown(platform) ? platform : null;
        var filter = new TimelineFilter(
            Incidents: Kind is null or ContactsOnly || incidentKind is not null,
            IncidentKind: incidentKind,
            Sightings: Kind is null or SightingsOnly,
            Files: Kind is null or EvidenceOnly,
            Letters: Kind is null or TakedownsOnly,
            Platform: Platform,
            ContactsOnly: Kind == ContactsOnly);
        var shown = await timeline.PageAsync(CaseId, CanViewEvidence, filter, Math.Max(1, page ?? 1), cancellationToken);
        (Rows, PageNumber, TotalCount) = (shown.Rows, shown.PageNumber, shown.TotalCount);
        return Page();
    }

    /// <summary>The <see cref="IncidentsText"/> keys of an entry's triage marks, in <see cref="Triage.Describe"/>'s order.</summary>
    public static IEnumerable<string> TriageKeys(TriageMarks marks) =>
        new[] { TriageMarks.FirstPost, TriageMarks.MostRecent, TriageMarks.MostConcerning }.Where(m => marks.HasFlag(m)).Select(m => "Triage." + m);

    /// <summary>The address of another page of this view, keeping its filters.</summary>
    public string PageLink(int number)
    {
        var query = new List<string> { $"page={number.ToString(System.Globalization.CultureInfo.InvariantCulture)}" };
        if (Kind is not null)
        {
            query.Add("kind=" + Uri.EscapeDataString(Kind));
        }

        if (Platform is not null)
        {
            query.Add("platform=" + Uri.EscapeDataString(Platform));
        }

        return $"/cases/{CaseId}/log?{string.Join('&', query)}";
    }
}
