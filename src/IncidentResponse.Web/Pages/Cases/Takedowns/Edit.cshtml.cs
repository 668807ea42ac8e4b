using FluentValidation;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Takedowns;

/// <summary>Editing a draft letter. A finalised letter is never edited: it gets a new version instead.</summary>
[CaseOperationRequired(CaseOperation.AddEntry)]
public sealed class EditModel(AppDbContext db, PlatformDirectory directory, AuditTrail audit, IValidator<LetterForm> validator, TimeProvider clock) : CasePageModel
{
    [BindProperty]
    public LetterForm Input { get; set; } = new();

    public TakedownRequest Current { get; private set; } = null!;

    public PlatformEntry Entry { get; private set; } = null!;

    public IReadOnlyList<SightingChoice> Sightings { get; private set; } = [];

    /// <summary>Where the person lives (the case's country code), for the letters offered.</summary>
    public string JurisdictionCode { get; private set; } = "";

    /// <summary>Whether the images may have been made when someone in them was under 18 (a DSA notice's name and email are then optional).</summary>
    public bool MayShowSomeoneUnderEighteen { get; private set; }

    public bool Conflict { get; private set; }

    /// <summary>False for a helper: the sender details marked private are neither shown nor changed by them.</summary>
    public bool SeesPrivateSender => Membership.Can(CaseOperation.ViewPrivateSenderDetails);

    /// <summary>The form as this person may see it (<see cref="LetterForm.WithoutPrivateSenderDetails"/>).</summary>
    public LetterForm Form => Shown(Input);

    /// <summary>On a conflict: every field as typed here and as saved now, the differences marked.</summary>
    public IReadOnlyList<FieldComparison> Comparison { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid requestId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(requestId, cancellationToken))
        {
            return NotFound();
        }

        if (!Current.IsEditable)
        {
            return Redirect($"/cases/{CaseId}/takedowns/{requestId}");
        }

        Input = LetterForm.From(Current);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid requestId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(requestId, cancellationToken))
        {
            return NotFound();
        }

        if (!Current.IsEditable)
        {
            return Redirect($"/cases/{CaseId}/takedowns/{requestId}");
        }

        if (!SeesPrivateSender)
        {
            Input.KeepPrivateSenderDetailsOf(Current);
        }

        if (Current.Version != Input.Version)
        {
            // What was typed is exactly what is saved (a retry, or a second press): that save is done.
            return AlreadySaved()
                ? Redirect($"/cases/{CaseId}/takedowns/{requestId}")
                : await ShowConflictAsync(cancellationToken);
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid || ModelState.CouldNotRead("Input.LetterDate"))
        {
            validation.AddTo(ModelState);
            return Page();
        }

        // The draft's own kind stays allowed (a follow-up, or a kind the directory has since stopped offering).
        if (Input.Kind != Current.Kind && !Entry.OffersIn(Input.Kind!.Value, JurisdictionCode))
        {
            ModelState.AddModelError("Input.Kind", LetterForm.KindNotOffered(Input.Kind!.Value, Entry));
            return Page();
        }

        return await SaveAsync(requestId, cancellationToken);
    }

    /// <summary>Saves what was typed over the draft; when someone saved it in between, shows both side by side.</summary>
    private async Task<IActionResult> SaveAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var request = await db.TakedownRequests.Include(r => r.Sightings)
            .SingleAsync(r => r.CaseId == CaseId && r.Id == requestId, cancellationToken);
        db.Entry(request).Property(r => r.Version).OriginalValue = Input.Version;
        Input.ApplyTo(request, Sightings.Select(s => s.Id).Where(Input.SightingIds.Contains).ToList(), clock.GetUtcNow().UtcDateTime);
        await audit.RecordAsync(CaseId, User.UserId(), AuditActions.TakedownEdited, "TakedownRequest", request.Id.ToString(), request.Kind.ToString(), cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(requestId, cancellationToken);
            return AlreadySaved()
                ? Redirect($"/cases/{CaseId}/takedowns/{requestId}")
                : await ShowConflictAsync(cancellationToken);
        }

        return Redirect($"/cases/{CaseId}/takedowns/{requestId}");
    }

    private bool AlreadySaved() => LetterComparison.Of(Input, LetterForm.From(Current), Sightings).All(f => !f.Changed);

    /// <summary>Who saved the letter last (from its newest audit event), by their display name.</summary>
    public string SavedByName { get; private set; } = "";

    private async Task<Microsoft.AspNetCore.Mvc.RazorPages.PageResult> ShowConflictAsync(CancellationToken cancellationToken)
    {
        Conflict = true;
        var requestId = Current.Id.ToString();
        var actor = await db.AuditEvents.AsNoTracking()
            .Where(e => e.CaseId == CaseId && e.EntityType == "TakedownRequest" && e.EntityId == requestId)
            .OrderByDescending(e => e.Sequence).Select(e => e.ActorId).FirstOrDefaultAsync(cancellationToken);
        SavedByName = actor == User.UserId()
            ? TakedownWording.Text("Edit.SavedByYou")
            : (await CaseAudience.LoadAsync(db, Membership, cancellationToken)).NameOf(
                actor, await db.Users.Where(u => u.Id == actor).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken), TakedownWording.Text("Edit.SavedBySomeone"));
        // An empty date means "today" when saved: compare what would be saved.
        Comparison = LetterComparison.Of(Shown(Input), Shown(LetterForm.From(Current)), Sightings);
        ModelState.Remove("Input.Version");
        Input.Version = Current.Version;
        return Page();
    }

    private LetterForm Shown(LetterForm form) => SeesPrivateSender ? form : form.WithoutPrivateSenderDetails();

    private async Task<bool> LoadAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var request = await db.TakedownRequests.AsNoTracking().Include(r => r.Sightings)
            .SingleOrDefaultAsync(r => r.CaseId == CaseId && r.Id == requestId, cancellationToken);
        if (request is null || (request.FinalText is not null && await WithheldLetters.IsWithheldAsync(db, CaseId, requestId, cancellationToken)))
        {
            return false;
        }

        Current = request;
        Entry = directory.Get(request.PlatformId);
        Sightings = await NewModel.LoadSightingsAsync(db, CaseId, cancellationToken);
        JurisdictionCode = await NewModel.LoadJurisdictionAsync(db, CaseId, cancellationToken);
        MayShowSomeoneUnderEighteen = await NewModel.LoadMayShowSomeoneUnderEighteenAsync(db, CaseId, cancellationToken);
        return true;
    }
}
