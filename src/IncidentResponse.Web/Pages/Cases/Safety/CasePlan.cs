using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Web.Cases;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Safety;

/// <summary>A case's safety plan as the pages show it: the adapted steps, each with its stored status and note.</summary>
public sealed record CasePlan(
    Guid CaseId,
    string Title,
    JurisdictionPack Pack,
    bool UnderEighteenRoute,
    ThreatAssessment? LatestAssessment,
    bool HasDraftAssessment,
    IReadOnlyList<CasePlan.Entry> Entries)
{
    /// <summary>"Are you under 18?" as answered, or null.</summary>
    public AgeAnswer? UnderEighteenNow { get; init; }

    /// <summary>"Were any of the images made when someone in them was under 18?" as answered, or null.</summary>
    public AgeAnswer? MadeUnderEighteen { get; init; }

    /// <summary>
    /// The safety questions have been answered (at least once). True also when the answers are withheld from the person
    /// looking (<see cref="LatestAssessment"/> is then null): that they were answered is no secret, what they say is.
    /// </summary>
    public bool Assessed { get; init; }

    /// <summary>The answers exist but are not this person's to see: the plan is shown as it stands before they shaped it.</summary>
    public bool AssessmentWithheld => Assessed && LatestAssessment is null;

    /// <summary>The case is kept to words only (<see cref="Case.WordsOnly"/>).</summary>
    public bool WordsOnly => Case.IsWordsOnly(UnderEighteenRoute, UnderEighteenNow, MadeUnderEighteen);

    public int DoneCount => Entries.Count(e => e.Status is SafetyStepStatus.Done or SafetyStepStatus.NotForMe);

    public ThreatLevel? Level => LatestAssessment?.Level;

    public bool IsUrgent => Level is ThreatLevel.High or ThreatLevel.ImmediateDanger;

    /// <summary>
    /// One step with where the person is with it. <see cref="Number"/> is the step's stable place in the catalog.
    /// <see cref="Note"/> is the owner's: show it to an ally only when <see cref="NoteShared"/>.
    /// </summary>
    public sealed record Entry(SafetyPlanItem Item, int Number, SafetyStepStatus Status, string Note, uint Version, DateTime? UpdatedUtc, bool NoteShared = false);

    /// <summary>Stable, neutral numbers for steps in addresses: a step's key names its subject, which URLs must not.</summary>
    public static int NumberOf(string stepKey) =>
        SafetyStepCatalog.Steps.Select((s, i) => (s.Key, i)).Single(x => x.Key == stepKey).i + 1;

    public static string? KeyOf(int number) =>
        number >= 1 && number <= SafetyStepCatalog.Steps.Count ? SafetyStepCatalog.Steps[number - 1].Key : null;

    /// <summary>The page (for <see cref="MemberLinks.To"/>) where a step is done, once that part exists.</summary>
    public static string? PageFor(string? target) => target switch
    {
        SafetyStepCatalog.LinkAssessment => "/Cases/Assessment/Index",
        SafetyStepCatalog.LinkLog => "/Cases/Incidents/Index",
        SafetyStepCatalog.LinkEvidence => "/Cases/Evidence/Index",
        SafetyStepCatalog.LinkTakedowns => "/Cases/Takedowns/Index",
        SafetyStepCatalog.LinkBinder => "/Cases/Binder/Index",
        _ => null,
    };
}

/// <summary>
/// Loads a case's plan, as one member may see it, in four queries whatever its size: case, latest assessment, any draft,
/// step states. Someone the owner has not shared the risk assessment with (<see cref="CaseOperation.ViewRiskAssessment"/>)
/// gets the plan without it: no level, no answers, no step the answers added or moved (ADR 0014).
/// </summary>
public sealed class CasePlanLoader(AppDbContext db, JurisdictionCatalog jurisdictions)
{
    /// <summary>
    /// A step's status as stored, except that "Answer the safety questions" follows the questions themselves: done once
    /// answered, whatever was marked by hand, and begun while a draft is kept and it was not marked otherwise.
    /// </summary>
    public static SafetyStepStatus StatusOf(string stepKey, SafetyStepStatus stored, bool assessed, bool draft) =>
        stepKey != SafetyStepCatalog.ThreatAssessment ? stored
        : assessed ? SafetyStepStatus.Done
        : draft && stored == SafetyStepStatus.ToDo ? SafetyStepStatus.Doing
        : stored;

    // The plan's three queries, compiled once: the dashboard and every safety page run them (issue 20).
    private static readonly PerModel<Func<AppDbContext, Guid, CancellationToken, Task<PlanHead>>> Head = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, Guid caseId, CancellationToken _) =>
            db.Cases.AsNoTracking().Where(c => c.Id == caseId)
                .Select(c => new PlanHead(c, db.ThreatAssessments.Any(a => a.CaseId == caseId && a.CompletedUtc == null)))
                .Single()));

    private static readonly PerModel<Func<AppDbContext, Guid, CancellationToken, Task<ThreatAssessment?>>> Latest = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, Guid caseId, CancellationToken _) =>
            db.ThreatAssessments.AsNoTracking()
                .Where(a => a.CaseId == caseId && a.CompletedUtc != null)
                .OrderByDescending(a => a.CompletedUtc)
                .FirstOrDefault()));

    private static readonly PerModel<Func<AppDbContext, Guid, IAsyncEnumerable<SafetyPlanStepState>>> Steps = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, Guid caseId) => db.SafetyPlanSteps.AsNoTracking().Where(s => s.CaseId == caseId)));

    public async Task<CasePlan> LoadAsync(CaseMembership viewer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var caseId = viewer.CaseId;
        // The case and whether an assessment is in progress in one query (issue 20); the latest finished one beside it
        // (an entity picked by a subquery would need APPLY, which SQLite lacks).
        var head = await Head.For(db)(db, caseId, cancellationToken);
        var (found, hasDraft) = (head.Case, head.HasDraft);
        var latest = await Latest.For(db)(db, caseId, cancellationToken);
        var assessed = latest is not null;
        if (!viewer.Can(CaseOperation.ViewRiskAssessment))
        {
            latest = null;
        }

        var states = await Steps.For(db)(db, caseId).ToDictionaryAsync(s => s.StepKey, StringComparer.Ordinal, cancellationToken);

        var pack = jurisdictions.Get(found.JurisdictionCode);
        // The plan in the request's language: the words are chosen now, for showing; keys and statuses stay as stored.
        var items = SafetyPlanBuilder.Build(found.PlanInput(latest?.Result)).Select(i => SafetyPlanWords.Shown(i).ResolveFor(pack)).ToList();
        var entries = items.Select(item =>
        {
            var state = states.GetValueOrDefault(item.Key);
            return new CasePlan.Entry(item, CasePlan.NumberOf(item.Key), StatusOf(item.Key, state?.Status ?? SafetyStepStatus.ToDo, assessed, hasDraft), state?.Note ?? "", state?.Version ?? 0, state?.UpdatedUtc, state?.NoteShared ?? false);
        }).ToList();
        return new CasePlan(found.Id, found.Title, pack, found.UnderEighteenRoute, latest, hasDraft, entries)
        {
            UnderEighteenNow = found.UnderEighteenNow,
            MadeUnderEighteen = found.MadeUnderEighteen,
            Assessed = assessed,
        };
    }

    private sealed record PlanHead(Case Case, bool HasDraft);
}
