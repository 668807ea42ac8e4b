using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Pages.Cases.Safety;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases;

/// <summary>
/// The case dashboard: the journey's steps, how far along each one is, and the one next step. An ally sees it in a
/// helper's words (whose case it is, what their role lets them do), their own next step, and a link only where the page
/// itself would let them in (<see cref="CaseLinks"/>); the risk level only when the owner shares it (ADR 0014).
/// </summary>
[CaseOperationRequired(CaseOperation.View)]
public sealed class DashboardModel(CasePlanLoader plans, CaseLinks caseLinks, AppDbContext db, TimeProvider clock) : CasePageModel
{
    public CasePlan Plan { get; private set; } = null!;

    /// <summary>The pages this person may open on this case.</summary>
    public MemberLinks Links { get; private set; } = null!;

    /// <summary>The owner's username, for an ally's "You are helping …" line.</summary>
    public string OwnerName { get; private set; } = "";

    public IReadOnlyList<JourneyStep> Steps { get; private set; } = [];

    /// <summary>The one primary button: chosen from what has been done, and only ever a page this person may open.</summary>
    public NextStepLink? Next { get; private set; }

    /// <summary>The next deadline the person responsible set in a logged contact, still ahead; null when there is none.</summary>
    public UpcomingDeadline? Deadline { get; private set; }

    /// <summary>A deadline and the entry that records it, in the entry's own time.</summary>
    public sealed record UpcomingDeadline(Guid EntryId, string When);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Plan = await plans.LoadAsync(Membership, cancellationToken);
        Links = await caseLinks.ForAsync(Membership);
        if (!Membership.IsOwner)
        {
            OwnerName = await db.CaseMembers.AsNoTracking()
                .Where(m => m.CaseId == CaseId && m.Role == CaseRole.Owner)
                .Select(m => db.Users.Where(u => u.Id == m.UserId).Select(u => u.UserName).FirstOrDefault())
                .FirstOrDefaultAsync(cancellationToken) ?? "someone";
        }

        var counts = await CountAsync(cancellationToken);
        var record = new RecordProgress(counts.Incidents, counts.Sightings);
        var takedowns = new TakedownProgress(counts.Letters, counts.Sent, counts.Removed, counts.Overdue);
        var (binders, allies, evidence) = (counts.Binders, counts.Allies, counts.Evidence);
        Steps = JourneyStep.For(Plan, Links, record, takedowns, binders, allies);
        if (counts.DeadlineEntry is { } entry)
        {
            // Only a case with a deadline ahead pays for this second, small read.
            var found = await db.Incidents.AsNoTracking().Where(i => i.CaseId == CaseId && i.Id == entry)
                .Select(i => new { i.ContactJson, i.TimeZone }).SingleAsync(cancellationToken);
            if (ContactDetails.FromJson(found.ContactJson) is { DeadlineOn: { } on } contact)
            {
                Deadline = new UpcomingDeadline(entry, ContactWording.Deadline(on, contact.DeadlineAt, found.TimeZone));
            }
        }
        if (!Membership.IsOwner)
        {
            // The owner's next step is theirs: an ally is offered their own, on a page their role opens.
            Next = NextStepLink.ForAlly(Links);
            return;
        }

        var progress = new CaseProgress(
            Plan.Level,
            Plan.LatestAssessment is not null,
            NextStepLink.UrgentEntry(Plan) is not null,
            Plan.LatestAssessment is not null || Plan.HasDraftAssessment || Plan.Entries.Any(e => e.UpdatedUtc is not null) || record.Incidents + record.Sightings > 0,
            record.Incidents,
            evidence,
            record.Sightings,
            takedowns.Letters,
            binders,
            allies,
            Plan.WordsOnly);
        Next = NextStepLink.For(NextStepPlanner.Choose(progress, Membership.Can), Plan);
    }

    /// <summary>Every count the dashboard shows, in one query (each a subquery; the private-item filters apply in each).</summary>
    private Task<DashboardCounts> CountAsync(CancellationToken cancellationToken) =>
        Counts.For(db)(db, CaseId, clock.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>The counts' query, compiled once (issue 20: building and parameterising its tree cost more than running it).</summary>
    private static readonly PerModel<Func<AppDbContext, Guid, DateTime, CancellationToken, Task<DashboardCounts>>> Counts = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, Guid caseId, DateTime now, CancellationToken _) =>
            db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => new DashboardCounts(
                db.Incidents.Count(i => i.CaseId == caseId),
                db.Sightings.Count(s => s.CaseId == caseId),
                db.TakedownRequests.Count(r => r.CaseId == caseId),
                db.TakedownRequests.Count(r => r.CaseId == caseId && r.SentOn != null),
                db.Sightings.Count(s => s.CaseId == caseId && s.Status == SightingStatus.Removed),
                db.TakedownRequests.Count(r => r.CaseId == caseId && r.Status == TakedownStatus.Sent && r.DueUtc < now),
                db.AuditEvents.Count(e => e.CaseId == caseId && e.Action == AuditActions.BinderMade),
                db.CaseMembers.Count(m => m.CaseId == caseId && m.Role != CaseRole.Owner),
                db.EvidenceItems.Count(e => e.CaseId == caseId),
                db.Incidents.Where(i => i.CaseId == caseId && i.DeadlineUtc > now).OrderBy(i => i.DeadlineUtc).Select(i => (Guid?)i.Id).FirstOrDefault()))
            .Single()));

    private sealed record DashboardCounts(
        int Incidents, int Sightings, int Letters, int Sent, int Removed, int Overdue, int Binders, int Allies, int Evidence, Guid? DeadlineEntry);
}

/// <summary>The words and address of the dashboard's one primary button (null: none is offered).</summary>
public sealed record NextStepLink(NextStep Step, string Name, string Link)
{
    /// <summary>
    /// An ally's own next step: adding to the record when their role lets them, otherwise seeing where the takedowns
    /// stand; none when neither page lets them in.
    /// </summary>
    public static NextStepLink? ForAlly(MemberLinks links)
    {
        ArgumentNullException.ThrowIfNull(links);
        return links.To("/Cases/Incidents/New") is { } add ? new(NextStep.FirstEntry, "Add something that happened to the record", add)
            : links.To("/Cases/Takedowns/Index") is { } takedowns ? new(NextStep.Plan, "See where the takedowns stand", takedowns)
            : null;
    }

    /// <summary>The plan's urgent safety step still open (physical safety first, then urgent protection), or null.</summary>
    public static CasePlan.Entry? UrgentEntry(CasePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Entries.FirstOrDefault(e =>
            e.Item.Key is SafetyStepCatalog.PhysicalSafety or SafetyStepCatalog.EmergencyProtectiveOrder
            && e.Status is not (SafetyStepStatus.Done or SafetyStepStatus.NotForMe));
    }

    public static NextStepLink For(NextStep step, CasePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var root = $"/cases/{plan.CaseId}";
        return step switch
        {
            NextStep.SafetyFirst => new(step, "Safety first", $"{root}/safety"),
            NextStep.UrgentSafety when UrgentEntry(plan) is { } urgent => new(step, urgent.Item.Step.Title, $"{root}/plan/{urgent.Number}"),
            NextStep.Assessment => new(step, plan.HasDraftAssessment ? "Finish the safety questions" : "Answer the safety questions", $"{root}/assessment"),
            NextStep.FirstEntry => new(step, "Write down what happened", $"{root}/log/new"),
            NextStep.AddEvidence => new(step, "Keep a screenshot or file as evidence", $"{root}/evidence/add"),
            NextStep.AddPlace => new(step, "Add where you found it", $"{root}/sightings/add"),
            NextStep.FirstLetter => new(step, "Ask a site to take it down", $"{root}/takedowns/new"),
            NextStep.Binder => new(step, "Make an evidence binder", $"{root}/binder"),
            NextStep.InviteAlly => new(step, "Invite someone you trust to help", $"{root}/people"),
            _ => new(NextStep.Plan, "Look at your plan", $"{root}/plan"),
        };
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

    /// <summary>
    /// The six steps of the journey; each part of the app reports its own progress here. A step links to its page only
    /// when that page lets the person in (<paramref name="links"/>); an ally reads the steps in a helper's words, and the
    /// risk level only when the owner shares it with them.
    /// </summary>
    public static IReadOnlyList<JourneyStep> For(CasePlan plan, MemberLinks links, RecordProgress? record = null, TakedownProgress? takedowns = null, int binders = 0, int allies = 0)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(links);
        record ??= RecordProgress.None;
        takedowns ??= TakedownProgress.None;
        var isOwner = links.Member.IsOwner;
        var nowSteps = plan.Entries.Where(e => e.Item.Section == SafetySection.Now).ToList();
        var nowDone = nowSteps.Count(e => e.Status is SafetyStepStatus.Done or SafetyStepStatus.NotForMe);
        var safety = nowDone == nowSteps.Count ? StepState.Done
            : plan.Entries.Any(e => e.UpdatedUtc is not null) ? StepState.InProgress
            : StepState.NotStarted;
        var risk = plan.Assessed ? StepState.Done : plan.HasDraftAssessment ? StepState.InProgress : StepState.NotStarted;
        var people = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{allies} {(allies == 1 ? "person" : "people")} helping");
        var binderLink = links.To("/Cases/Binder/Index");
        return
        [
            new("Safety first", isOwner
                    ? "Your physical safety, someone to talk to, and saving evidence before anything is deleted."
                    : "Their physical safety, someone to talk to, and saving evidence before anything is deleted.",
                safety,
                links.To("/Cases/Safety/SafetyFirst"),
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{plan.DoneCount} of {plan.Entries.Count} steps in {(isOwner ? "your" : "the")} plan done")),
            RiskStep(plan, links, risk),
            new("Keep a record", isOwner
                    ? "What happened, when and where, with your screenshots kept exactly as saved."
                    : "What happened, when and where, with screenshots kept exactly as saved.", record.State,
                links.To("/Cases/Incidents/Index"), record.Text),
            new("Get it taken down", "Platform by platform, with letters written for you and tracked until the content is gone.", takedowns.State,
                CasePlan.PageFor(SafetyStepCatalog.LinkTakedowns) is { } takedownPage ? links.To(takedownPage) : null, takedowns.Text),
            binderLink is not null
                ? new("Evidence binder", "A printable record for the police, a lawyer or a platform.", binders > 0 ? StepState.Done : StepState.NotStarted,
                    binderLink,
                    binders == 0 ? null : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{binders} {(binders == 1 ? "binder" : "binders")} made"))
                : new("Evidence binder", "A printable record for the police, a lawyer or a platform.", StepState.NotAvailableYet, null,
                    "Made by the person whose case this is"),
            isOwner
                ? new("Trusted allies", "Invite someone you trust to help, and remove them whenever you choose.", allies > 0 ? StepState.InProgress : StepState.NotStarted,
                    links.To("/Cases/Allies/Index"), allies == 0 ? "No one invited yet" : people)
                : new("Trusted allies", "The people helping on this case, and what you can do as one of them.", StepState.InProgress,
                    links.To("/Cases/Allies/Index"), people),
        ];
    }

    /// <summary>
    /// "Understand the risk": the owner answers the questions and sees their level; an ally the owner shares it with sees
    /// the level and the latest result; any other ally only whether the questions were answered.
    /// </summary>
    private static JourneyStep RiskStep(CasePlan plan, MemberLinks links, StepState state)
    {
        if (links.Member.IsOwner)
        {
            return new("Understand the risk", "A few questions that shape your next steps.", state, links.To("/Cases/Assessment/Index"),
                plan.LatestAssessment?.Level is { } level ? $"Done: {ThreatLevels.DisplayName(level)}" : null);
        }

        if (plan.LatestAssessment is { Level: { } shared } latest)
        {
            return new("Understand the risk", "Their answers to a few safety questions, which they chose to share with you.", state,
                links.To("/Cases/Assessment/Result", new { assessmentId = latest.Id }), $"Answered: {ThreatLevels.DisplayName(shared)}");
        }

        return new("Understand the risk", "A few safety questions that shape the plan. The answers and the risk level are theirs: they have not shared them with you.",
            state, null, plan.Assessed ? "Answered" : "Not answered yet");
    }
}
