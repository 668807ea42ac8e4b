using FluentValidation;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Takedowns;

/// <summary>
/// Writing a letter: first the platform, then, a few fields per screen, the kind (the platform's own report
/// recommended, the others that apply where the person lives), the places, who it is from, and the chosen kind's own
/// statements. Every answer rides in the form until the last screen writes the draft (ADR 0016).
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

    /// <summary>The screen shown (ADR 0016): which letter, which places, about you, what the letter says.</summary>
    [BindProperty]
    public LetterStep Step { get; set; } = LetterStep.Kind;

    /// <summary>The button pressed: <c>next</c>, <c>back</c>, or (as without one) write the draft.</summary>
    [BindProperty]
    public string? Intent { get; set; }

    /// <summary>The kinds offered for this platform and where the person lives, the recommended one first.</summary>
    public LetterChoices? Choices => Entry is { } entry ? LetterChoice.For(entry, JurisdictionCode, MayTakeLegalAction) : null;

    /// <summary>Whether the person said they want, or may want, to take legal action (the preservation letters then come first).</summary>
    public bool MayTakeLegalAction { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        SubmissionId = SubmissionGuard.NewKey();
        Input.LetterDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Input.Kind = Choices?.Recommended;
        Step = LetterStep.Kind;
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
            ModelState.AddModelError("Platform", TakedownWording.Text("New.ChoosePlatform"));
            return Page();
        }

        if (!Enum.IsDefined(Step))
        {
            Step = LetterStep.Kind;
        }

        switch (Intent)
        {
            case "back":
                // Nothing is checked going back; what was typed stays (an unreadable date too, shown again on its screen).
                Step = Step == LetterStep.Kind ? LetterStep.Kind : Step - 1;
                ShowOnlyErrorsOf(step: null);
                return Page();
            case "next":
                if (await CheckAsync(onlyStep: Step, cancellationToken))
                {
                    Step = Step == LetterStep.Statements ? LetterStep.Statements : Step + 1;
                }

                ShowOnlyErrorsOf(Step);
                return Page();
        }

        if (!await CheckAsync(onlyStep: null, cancellationToken))
        {
            ShowOnlyErrorsOf(Step);
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

    /// <summary>
    /// Leaves in the model state only the errors of the fields on <paramref name="step"/> (none when null), so the error
    /// summary links only to fields on the screen shown. What was typed, as typed, stays for every field.
    /// </summary>
    private void ShowOnlyErrorsOf(LetterStep? step)
    {
        foreach (var (key, entry) in ModelState)
        {
            if (step is null || !key.StartsWith("Input.", StringComparison.Ordinal) || LetterSteps.Of(key["Input.".Length..]) != step)
            {
                entry.Errors.Clear();
                entry.ValidationState = ModelValidationState.Valid;
            }
        }
    }

    /// <summary>
    /// Checks what was typed on one screen (<paramref name="onlyStep"/>), or on all of them before the draft is written.
    /// On a problem, the errors are in the model state and <see cref="Step"/> is the first screen with one.
    /// </summary>
    private async Task<bool> CheckAsync(LetterStep? onlyStep, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(Input, cancellationToken);
        var errors = validation.Errors.Where(e => onlyStep is null || LetterSteps.Of(e.PropertyName) == onlyStep).ToList();
        var steps = errors.Select(e => LetterSteps.Of(e.PropertyName)).ToList();
        if ((onlyStep is null or LetterStep.Statements) && ModelState.CouldNotRead("Input.LetterDate"))
        {
            steps.Add(LetterStep.Statements);
        }

        if (steps.Count == 0 && (onlyStep is null or LetterStep.Kind) && Input.Kind is { } kind && !Entry!.OffersIn(kind, JurisdictionCode))
        {
            ModelState.AddModelError("Input.Kind", LetterForm.KindNotOffered(kind, Entry));
            Step = LetterStep.Kind;
            return false;
        }

        if (steps.Count == 0)
        {
            return true;
        }

        new FluentValidation.Results.ValidationResult(errors).AddTo(ModelState);
        Step = steps.Min();
        return false;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Sightings = await LoadSightingsAsync(db, CaseId, cancellationToken);
        JurisdictionCode = await LoadJurisdictionAsync(db, CaseId, cancellationToken);
        MayShowSomeoneUnderEighteen = await LoadMayShowSomeoneUnderEighteenAsync(db, CaseId, cancellationToken);
        MayTakeLegalAction = await db.Cases.AsNoTracking().Where(c => c.Id == CaseId)
            .Select(c => c.LegalAction == LegalActionIntent.Yes || c.LegalAction == LegalActionIntent.Undecided)
            .SingleAsync(cancellationToken);
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
        return rows.Select(s => new SightingChoice(s.Id, s.Url, Domain.Incidents.Platforms.NameShown(s.Platform), SightingStatusRules.DisplayNameShown(s.Status))).ToList();
    }
}
