using FluentValidation;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Infrastructure;
using IncidentResponse.Web.Takedowns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Takedowns;

/// <summary>
/// Writing a letter: first the platform, then (with its routes and warnings in view) the kind, the places, who it is
/// from and what is confirmed. Saves a draft.
/// </summary>
[CaseOperationRequired(CaseOperation.AddEntry)]
[ShownAgainWhenDatabaseUnavailable]
public sealed class NewModel(
    AppDbContext db, PlatformDirectory directory, DigitalServicesCoordinators coordinators, TakedownActions actions, SubmissionGuard submissions,
    IValidator<LetterForm> validator, TimeProvider clock) : CasePageModel
{
    [BindProperty]
    public LetterForm Input { get; set; } = new();

    /// <summary>This form's key: posting it twice writes one letter (see <see cref="SubmissionGuard"/>).</summary>
    [BindProperty]
    public Guid SubmissionId { get; set; }

    /// <summary>The chosen platform's directory id (a neutral key, never case content).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Platform { get; set; }

    public PlatformEntry? Entry => Platform is not null && directory.TryGet(Platform, out var entry) ? entry : null;

    public IReadOnlyList<PlatformEntry> Platforms => directory.Entries;

    public IReadOnlyList<SightingChoice> Sightings { get; private set; } = [];

    /// <summary>Where the person lives (the case's country code), for the letters and routes offered.</summary>
    public string JurisdictionCode { get; private set; } = "";

    /// <summary>Whether the images may have been made when someone in them was under 18 (a DSA notice's name and email are then optional).</summary>
    public bool MayShowSomeoneUnderEighteen { get; private set; }

    /// <summary>
    /// The Digital Services Coordinator of the EU country the person lives in, shown where a DSA notice to this platform
    /// is offered or the platform's EU regulator is named: a complaint may go to it (DSA Article 53). Null outside the EU.
    /// </summary>
    public DigitalServicesCoordinator? Coordinator =>
        Entry is { } entry && (entry.OffersIn(LetterKind.DsaNotice, JurisdictionCode)
                               || (entry.Escalation ?? []).Any(s => s is { Step: EscalationStepKind.Regulator } && s.AppliesIn?.Contains(EuropeanUnion.Code) == true))
            ? coordinators.For(JurisdictionCode)
            : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        SubmissionId = SubmissionGuard.NewKey();
        Input.LetterDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await submissions.AlreadyDoneAsync(SubmissionId, cancellationToken) is { } done)
        {
            return Redirect(done);
        }

        await LoadAsync(cancellationToken);
        if (Entry is null)
        {
            ModelState.AddModelError("Platform", "Please choose where the letter goes.");
            return Page();
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid || ModelState.CouldNotRead("Input.LetterDate"))
        {
            validation.AddTo(ModelState);
            return Page();
        }

        if (!Entry.OffersIn(Input.Kind!.Value, JurisdictionCode))
        {
            ModelState.AddModelError("Input.Kind", LetterForm.KindNotOffered(Input.Kind.Value, Entry));
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var request = new TakedownRequest
        {
            Id = Guid.NewGuid(),
            CaseId = CaseId,
            PlatformId = Entry.Id,
            CreatedBy = User.UserId(),
            CreatedUtc = now,
        };
        Input.ApplyTo(request, Sightings.Select(s => s.Id).Where(Input.SightingIds.Contains).ToList(), now);
        await actions.DraftAsync(request, cancellationToken);
        var location = $"/cases/{CaseId}/takedowns/{request.Id}";
        submissions.Record(SubmissionId, CaseId, location);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect(location);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Sightings = await LoadSightingsAsync(db, CaseId, cancellationToken);
        JurisdictionCode = await LoadJurisdictionAsync(db, CaseId, cancellationToken);
        MayShowSomeoneUnderEighteen = await LoadMayShowSomeoneUnderEighteenAsync(db, CaseId, cancellationToken);
    }

    /// <summary>The case's country code (a pack's code or an EU member state's).</summary>
    internal static Task<string> LoadJurisdictionAsync(AppDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.JurisdictionCode).SingleAsync(cancellationToken);

    /// <summary>Whether the case's images may have been made when someone in them was under 18 (<see cref="Case.MayShowSomeoneUnderEighteen"/>).</summary>
    internal static Task<bool> LoadMayShowSomeoneUnderEighteenAsync(AppDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => c.UnderEighteenRoute || c.MadeUnderEighteen == AgeAnswer.Yes || c.MadeUnderEighteen == AgeAnswer.NotSure)
            .SingleAsync(cancellationToken);

    internal static async Task<IReadOnlyList<SightingChoice>> LoadSightingsAsync(AppDbContext db, Guid caseId, CancellationToken cancellationToken)
    {
        var rows = await db.Sightings.AsNoTracking()
            .Where(s => s.CaseId == caseId)
            .OrderBy(s => s.FirstSeenUtc).ThenBy(s => s.Url)
            .Select(s => new { s.Id, s.Url, s.Platform, s.Status })
            .ToListAsync(cancellationToken);
        return rows.Select(s => new SightingChoice(s.Id, s.Url, Domain.Incidents.Platforms.NameOf(s.Platform), SightingStatusRules.DisplayName(s.Status))).ToList();
    }
}
