using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Incidents;

/// <summary>One incident as it stands, with every earlier version kept and the places it was found.</summary>
[CaseOperationRequired(CaseOperation.View)]
public sealed class IncidentModel(AppDbContext db, AuditTrail audit) : CasePageModel
{
    public Guid IncidentId { get; private set; }

    public IncidentSnapshot Current { get; private set; } = null!;

    public int Revision { get; private set; }

    public DateTime CreatedUtc { get; private set; }

    public DateTime UpdatedUtc { get; private set; }

    public string CreatedByName { get; private set; } = "";

    public string UpdatedByName { get; private set; } = "";

    public IReadOnlyList<EarlierVersion> Earlier { get; private set; } = [];

    public IReadOnlyList<PlaceFound> Places { get; private set; } = [];

    /// <summary>Evidence files added for this entry: a neutral card each, never the image itself.</summary>
    public IReadOnlyList<LinkedFile> Files { get; private set; } = [];

    public bool CanViewEvidence => Membership.Can(CaseOperation.ViewEvidence);

    public bool CanEdit => Membership.Can(CaseOperation.AddEntry);

    public bool CanMarkPrivate => Membership.Can(CaseOperation.MarkPrivate);

    public bool IsPrivate { get; private set; }

    /// <summary>The entry was added just now (the page it was added from redirects here saying so).</summary>
    public bool JustAdded { get; private set; }

    /// <summary>The one primary button: what this entry needs next (<see cref="NextStepPlanner.ForEntry"/>), or null.</summary>
    public NextStep? Next { get; private set; }

    /// <summary>The case keeps words only (<see cref="Case.WordsOnly"/>): no file is offered.</summary>
    public bool WordsOnly { get; private set; }

    /// <summary>The owner hides this entry from every ally, or shares it again. Effective on their next request.</summary>
    [CaseOperationRequired(CaseOperation.MarkPrivate)]
    public async Task<IActionResult> OnPostPrivacyAsync(Guid incidentId, bool makePrivate, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.SingleOrDefaultAsync(i => i.CaseId == CaseId && i.Id == incidentId, cancellationToken);
        if (incident is null)
        {
            return NotFound();
        }

        if (incident.IsPrivate != makePrivate)
        {
            incident.IsPrivate = makePrivate;
            await audit.RecordAsync(CaseId, User.UserId(), makePrivate ? AuditActions.IncidentMadePrivate : AuditActions.IncidentMadeShared, nameof(Incident), incident.Id.ToString(), cancellationToken: cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Redirect($"/cases/{CaseId}/log/{incidentId}");
    }

    /// <summary>
    /// The assessment this entry's contact just updated, when the reader may see the risk assessment: the page says the
    /// plan's order changed and links what changed and why.
    /// </summary>
    public Guid? ReassessedId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid incidentId, [FromQuery] bool added, [FromQuery] bool reassessed, CancellationToken cancellationToken)
    {
        var found = await db.Incidents.AsNoTracking()
            .Where(i => i.CaseId == CaseId && i.Id == incidentId)
            .Select(i => new
            {
                Incident = i,
                CreatedBy = db.Users.Where(u => u.Id == i.CreatedBy).Select(u => u.UserName).FirstOrDefault(),
                UpdatedBy = db.Users.Where(u => u.Id == i.UpdatedBy).Select(u => u.UserName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var audience = await CaseAudience.LoadAsync(db, Membership, cancellationToken);
        IncidentId = found.Incident.Id;
        IsPrivate = found.Incident.IsPrivate;
        Current = found.Incident.Snapshot();
        Revision = found.Incident.Revision;
        CreatedUtc = found.Incident.CreatedUtc;
        UpdatedUtc = found.Incident.UpdatedUtc;
        CreatedByName = audience.NameOf(found.Incident.CreatedBy, found.CreatedBy);
        UpdatedByName = audience.NameOf(found.Incident.UpdatedBy, found.UpdatedBy);

        Earlier = await EarlierVersionsAsync(incidentId, audience, cancellationToken);
        Places = await db.Sightings.AsNoTracking()
            .Where(s => s.CaseId == CaseId && s.IncidentId == incidentId)
            .OrderBy(s => s.FirstSeenUtc)
            .Select(s => new PlaceFound(s.Id, s.Url, s.Platform, s.Status))
            .ToListAsync(cancellationToken);
        Files = await FilesAsync(incidentId, cancellationToken);
        WordsOnly = await db.IsWordsOnlyAsync(CaseId, cancellationToken);
        Next = NextStepPlanner.ForEntry(Files.Count, Places.Count, WordsOnly, Membership.Can);
        JustAdded = added;
        if (reassessed && Membership.Can(CaseOperation.ViewRiskAssessment))
        {
            ReassessedId = await db.ThreatAssessments.AsNoTracking()
                .Where(a => a.CaseId == CaseId && a.CompletedUtc != null)
                .OrderByDescending(a => a.CompletedUtc)
                .Select(a => a.FromIncidentId == incidentId ? a.Id : (Guid?)null)
                .FirstOrDefaultAsync(cancellationToken);
        }

        return Page();
    }

    /// <summary>The <see cref="IncidentsText"/> key of what the "added" message says comes next, matching the primary button.</summary>
    public static string AddedNextKey(NextStep? next) => next switch
    {
        NextStep.AddEvidence => "Incident.AddedNext.AddEvidence",
        NextStep.AddPlace => "Incident.AddedNext.AddPlace",
        _ => "Incident.AddedNext.Any",
    };

    /// <summary>Every earlier version of the entry, newest first, with who saved it and who replaced it.</summary>
    private async Task<IReadOnlyList<EarlierVersion>> EarlierVersionsAsync(Guid incidentId, CaseAudience audience, CancellationToken cancellationToken)
    {
        var revisions = await db.IncidentRevisions.AsNoTracking()
            .Where(r => r.CaseId == CaseId && r.IncidentId == incidentId)
            .OrderByDescending(r => r.Number)
            .Select(r => new
            {
                r.Number,
                r.SnapshotJson,
                r.SavedUtc,
                SavedById = r.SavedBy,
                ReplacedById = r.ReplacedBy,
                SavedBy = db.Users.Where(u => u.Id == r.SavedBy).Select(u => u.UserName).FirstOrDefault(),
                r.ReplacedUtc,
                ReplacedBy = db.Users.Where(u => u.Id == r.ReplacedBy).Select(u => u.UserName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return revisions.Select(r => new EarlierVersion(
            r.Number, IncidentSnapshot.FromJson(r.SnapshotJson), r.SavedUtc, audience.NameOf(r.SavedById, r.SavedBy), r.ReplacedUtc,
            audience.NameOf(r.ReplacedById, r.ReplacedBy))).ToList();
    }

    private async Task<IReadOnlyList<LinkedFile>> FilesAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        var files = await db.EvidenceItems.AsNoTracking()
            .Where(e => e.CaseId == CaseId && e.IncidentId == incidentId)
            .OrderBy(e => e.ReceivedUtc)
            .Select(e => new { e.Id, e.Kind, e.Length, e.Sha256, e.ReceivedUtc })
            .ToListAsync(cancellationToken);
        return files.Select(f => new LinkedFile(f.Id, f.Kind, f.Length, Convert.ToHexStringLower(f.Sha256), f.ReceivedUtc)).ToList();
    }

    public sealed record EarlierVersion(int Number, IncidentSnapshot Snapshot, DateTime SavedUtc, string SavedBy, DateTime ReplacedUtc, string ReplacedBy);

    public sealed record LinkedFile(Guid Id, EvidenceKind Kind, long Length, string Sha256Hex, DateTime ReceivedUtc);

    public sealed record PlaceFound(Guid Id, string Url, string Platform, SightingStatus Status);
}
