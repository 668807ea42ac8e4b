using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Pages.Cases.Takedowns.Sightings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Evidence;

/// <summary>One file: what was said about it, its SHA-256 in full with how to check it, and the choice to see it.</summary>
[CaseOperationRequired(CaseOperation.ViewEvidence)]
public sealed class DetailsModel(AppDbContext db, AuditTrail audit, StepUp stepUp, LookAlikes lookAlikes) : CasePageModel
{
    public EvidenceItem Item { get; private set; } = null!;

    /// <summary>True once the person chose to see the image (only JPEG and PNG previews exist).</summary>
    public bool Show { get; private set; }

    public bool CanPreview => MetadataStripper.Supports(Item.Kind);

    /// <summary>The case's other pictures (that this person may see) that look like this one.</summary>
    public IReadOnlyList<LookAlike> LookAlikes { get; private set; } = [];

    /// <summary>
    /// Where this file was found, offered as a place to take down with the entry of the first look-alike that has one
    /// (else this file's own entry), so the places one picture spread to are followed together. Null when the file names
    /// no web address, the address is already a place in the case, or this person may not add places.
    /// </summary>
    public PlaceOffer? Offer { get; private set; }

    public bool CanMarkPrivate => Membership.Can(CaseOperation.MarkPrivate);

    /// <summary>
    /// The passphrase was entered again a moment ago, so the download link downloads straight away. Otherwise it leads
    /// to the passphrase page first, which comes back here (not to the download, which would leave the person looking
    /// at the passphrase page while the file arrives).
    /// </summary>
    public bool Confirmed { get; private set; }

    public string DownloadHref => Confirmed
        ? $"/cases/{CaseId}/evidence/{Item.Id}/download"
        : StepUp.ConfirmUrl($"/cases/{CaseId}/evidence/{Item.Id}");

    /// <summary>This person downloads the original; otherwise a copy without hidden details, where one can be made.</summary>
    public bool ReceivesOriginals => Membership.ReceivesOriginals;

    /// <summary>False for an ally without the originals when the file's kind cannot be stripped of its details.</summary>
    public bool CanDownload => ReceivesOriginals || MetadataStripper.Supports(Item.Kind);

    /// <summary>What the file's hidden details give away, told to the owner (who decides who gets originals); null otherwise.</summary>
    public string? Reveals => Membership.IsOwner ? EvidenceWording.Reveals(Item.RevealedDetails) : null;

    /// <summary>The owner hides this file from every ally, or shares it again. Effective on their next request.</summary>
    [CaseOperationRequired(CaseOperation.MarkPrivate)]
    public async Task<IActionResult> OnPostPrivacyAsync(Guid evidenceId, bool makePrivate, CancellationToken cancellationToken)
    {
        var item = await db.EvidenceItems.SingleOrDefaultAsync(e => e.Id == evidenceId && e.CaseId == CaseId, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        if (item.IsPrivate != makePrivate)
        {
            item.IsPrivate = makePrivate;
            await audit.RecordAsync(CaseId, User.UserId(), makePrivate ? AuditActions.EvidenceMadePrivate : AuditActions.EvidenceMadeShared, nameof(EvidenceItem), item.Id.ToString(), cancellationToken: cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Redirect($"/cases/{CaseId}/evidence/{evidenceId}");
    }

    public async Task<IActionResult> OnGetAsync(Guid evidenceId, bool show, CancellationToken cancellationToken)
    {
        var item = await db.EvidenceItems.AsNoTracking()
            .SingleOrDefaultAsync(e => e.Id == evidenceId && e.CaseId == CaseId, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        Item = item;
        Show = show && CanPreview;
        LookAlikes = await lookAlikes.ForAsync(item, cancellationToken);
        Offer = await OfferPlaceAsync(item, cancellationToken);
        Confirmed = await stepUp.IsRecentAsync(User, cancellationToken);
        return Page();
    }

    private async Task<PlaceOffer?> OfferPlaceAsync(EvidenceItem item, CancellationToken cancellationToken)
    {
        if (LookAlikes.Count == 0 || !Membership.Can(CaseOperation.AddEntry) || !await NewPlaces.IsNewAsync(db, CaseId, item.SourceUrl, cancellationToken))
        {
            return null;
        }

        var beside = LookAlikes.FirstOrDefault(l => l.IncidentId is not null);
        var entry = beside?.IncidentId ?? item.IncidentId;
        var href = $"/cases/{CaseId}/sightings/add?evidence={item.Id}" + (entry is { } id ? $"&incident={id}" : "");
        return new PlaceOffer(item.SourceUrl, href, beside?.ExhibitNumber, beside is null && item.IncidentId is not null);
    }

    /// <summary>An address to add as a place: with the same entry as exhibit <paramref name="SameEntryAs"/>, this file's own entry, or none.</summary>
    public sealed record PlaceOffer(string Url, string Href, int? SameEntryAs, bool OwnEntry);
}
