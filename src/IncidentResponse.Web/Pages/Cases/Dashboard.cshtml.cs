using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Safety;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases;

/// <summary>The case dashboard: the journey's steps, how far along each one is, and the one next step.</summary>
[CaseOperationRequired(CaseOperation.View)]
public sealed class DashboardModel(CasePlanLoader plans, AppDbContext db, TimeProvider clock) : CasePageModel
{
    public CasePlan Plan { get; private set; } = null!;

    public IReadOnlyList<JourneyStep> Steps { get; private set; } = [];

    public JourneyStep? Next => Steps.FirstOrDefault(s => s.Link is not null && s.State != StepState.Done);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Plan = await plans.LoadAsync(CaseId, cancellationToken);
        var record = new RecordProgress(
            await db.Incidents.CountAsync(i => i.CaseId == CaseId, cancellationToken),
            await db.Sightings.CountAsync(s => s.CaseId == CaseId, cancellationToken));
        var now = clock.GetUtcNow().UtcDateTime;
        var takedowns = new TakedownProgress(
            await db.TakedownRequests.CountAsync(r => r.CaseId == CaseId, cancellationToken),
            await db.TakedownRequests.CountAsync(r => r.CaseId == CaseId && r.SentOn != null, cancellationToken),
            await db.Sightings.CountAsync(s => s.CaseId == CaseId && s.Status == SightingStatus.Removed, cancellationToken),
            await db.TakedownRequests.CountAsync(r => r.CaseId == CaseId && r.Status == TakedownStatus.Sent && r.DueUtc < now, cancellationToken));
        Steps = JourneyStep.For(Plan, record, takedowns, Membership.Can(Domain.Cases.CaseOperation.Export));
    }
}

/// <summary>How much of the record is kept so far: entries in the log, and places the content was found.</summary>
public sealed record RecordProgress(int Incidents, int Sightings)
{
    public static readonly RecordProgress None = new(0, 0);

    public StepState State => Incidents + Sightings > 0 ? StepState.InProgress : StepState.NotStarted;

    public string? Text => Incidents + Sightings == 0 ? null : string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Incidents} {(Incidents == 1 ? "entry" : "entries")}, {Sightings} {(Sightings == 1 ? "place" : "places")} found");
}

/// <summary>How far the takedowns are: letters written and sent, places removed, answers overdue.</summary>
public sealed record TakedownProgress(int Letters, int Sent, int Removed, int Overdue)
{
    public static readonly TakedownProgress None = new(0, 0, 0, 0);

    public StepState State => Letters > 0 ? StepState.InProgress : StepState.NotStarted;

    public string? Text => Letters == 0 ? null : string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"{Sent} {(Sent == 1 ? "request" : "requests")} sent, {Removed} {(Removed == 1 ? "place" : "places")} removed{(Overdue > 0 ? $", {Overdue} overdue" : "")}");
}

public enum StepState
{
    NotAvailableYet,
    NotStarted,
    InProgress,
    Done,
}

public sealed record JourneyStep(string Name, string Description, StepState State, string? Link, string? Progress = null)
{
    public string StateText => Progress ?? State switch
    {
        StepState.Done => "Done",
        StepState.InProgress => "In progress",
        StepState.NotStarted => "Not started",
        _ => "Not available yet",
    };

    /// <summary>The six steps of the journey; each part of the app reports its own progress here.</summary>
    public static IReadOnlyList<JourneyStep> For(CasePlan plan, RecordProgress? record = null, TakedownProgress? takedowns = null, bool canMakeBinder = false)
    {
        record ??= RecordProgress.None;
        takedowns ??= TakedownProgress.None;
        var nowSteps = plan.Entries.Where(e => e.Item.Section == SafetySection.Now).ToList();
        var nowDone = nowSteps.Count(e => e.Status is SafetyStepStatus.Done or SafetyStepStatus.NotForMe);
        var safety = nowDone == nowSteps.Count ? StepState.Done
            : plan.Entries.Any(e => e.UpdatedUtc is not null) ? StepState.InProgress
            : StepState.NotStarted;
        var risk = plan.LatestAssessment is not null ? StepState.Done : plan.HasDraftAssessment ? StepState.InProgress : StepState.NotStarted;
        return
        [
            new("Safety first", "Your physical safety, someone to talk to, and saving evidence before anything is deleted.", safety,
                $"/cases/{plan.CaseId}/safety",
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{plan.DoneCount} of {plan.Entries.Count} steps in your plan done")),
            new("Understand the risk", "A few questions that shape your next steps.", risk, $"/cases/{plan.CaseId}/assessment",
                plan.LatestAssessment?.Level is { } level ? $"Done: {ThreatLevels.DisplayName(level)}" : null),
            new("Keep a record", "What happened, when and where, with your screenshots kept exactly as saved.", record.State,
                $"/cases/{plan.CaseId}/log", record.Text),
            new("Get it taken down", "Platform by platform, with letters written for you and tracked until the content is gone.", takedowns.State,
                CasePlan.LinkFor(plan.CaseId, SafetyStepCatalog.LinkTakedowns), takedowns.Text),
            canMakeBinder
                ? new("Evidence binder", "A printable record for the police, a lawyer or a platform.", StepState.NotStarted, $"/cases/{plan.CaseId}/binder")
                : new("Evidence binder", "A printable record for the police, a lawyer or a platform.", StepState.NotAvailableYet, null),
            new("Trusted allies", "Invite someone you trust to help, and remove them whenever you choose.", StepState.NotAvailableYet, null),
        ];
    }
}
