using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Pages.Cases.Safety;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Cases;

/// <summary>
/// The case dashboard: the journey's steps, how far along each one is, and the one next step. An ally sees it in a
/// helper's words (whose case it is, what their role lets them do), their own next step, and a link only where the page
/// itself would let them in (<see cref="CaseLinks"/>); the risk level only when the owner shares it (ADR 0014).
/// </summary>
[CaseOperationRequired(CaseOperation.View)]
public sealed class DashboardModel(CasePlanLoader plans, CaseLinks caseLinks, AppDbContext db, TimeProvider clock, IStringLocalizer<CasesText> text) : CasePageModel
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
                .FirstOrDefaultAsync(cancellationToken) ?? text["Word.Someone"];
        }

        var counts = await CountAsync(cancellationToken);
        var record = new RecordProgress(counts.Incidents, counts.Sightings);
        var takedowns = new TakedownProgress(counts.Letters, counts.Sent, counts.Removed, counts.Overdue);
        var (binders, allies, evidence) = (counts.Binders, counts.Allies, counts.Evidence);
        Steps = JourneyStep.For(Plan, Links, text, record, takedowns, binders, allies);
        if (counts.DeadlineEntry is { } entry)
        {
            // Only a case with a deadline ahead pays for this second, small read.
            var found = await db.Incidents.AsNoTracking().Where(i => i.CaseId == CaseId && i.Id == entry)
                .Select(i => new { i.ContactJson, i.TimeZone }).SingleAsync(cancellationToken);
            if (ContactDetails.FromJson(found.ContactJson) is { DeadlineOn: { } on } contact)
            {
                Deadline = new UpcomingDeadline(entry, Incidents.EntryWords.Deadline(on, contact.DeadlineAt, found.TimeZone));
            }
        }
        if (!Membership.IsOwner)
        {
            // The owner's next step is theirs: an ally is offered their own, on a page their role opens.
            Next = NextStepLink.ForAlly(Links, text);
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
        Next = NextStepLink.For(NextStepPlanner.Choose(progress, Membership.Can), Plan, text);
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
    public static NextStepLink? ForAlly(MemberLinks links, IStringLocalizer<CasesText> text)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(text);
        return links.To("/Cases/Incidents/New") is { } add ? new(NextStep.FirstEntry, text["Next.AllyAdd"], add)
            : links.To("/Cases/Takedowns/Index") is { } takedowns ? new(NextStep.Plan, text["Next.AllyTakedowns"], takedowns)
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

    /// <summary>The owner's next step: its words (the urgent step's own title from the plan's content) and address.</summary>
    public static NextStepLink For(NextStep step, CasePlan plan, IStringLocalizer<CasesText> text)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(text);
        var root = $"/cases/{plan.CaseId}";
        return step switch
        {
            NextStep.SafetyFirst => new(step, text["Next.SafetyFirst"], $"{root}/safety"),
            NextStep.UrgentSafety when UrgentEntry(plan) is { } urgent => new(step, urgent.Item.Step.Title, $"{root}/plan/{urgent.Number}"),
            NextStep.Assessment => new(step, text[plan.HasDraftAssessment ? "Next.FinishAssessment" : "Next.Assessment"], $"{root}/assessment"),
            NextStep.FirstEntry => new(step, text["Next.FirstEntry"], $"{root}/log/new"),
            NextStep.AddEvidence => new(step, text["Next.AddEvidence"], $"{root}/evidence/add"),
            NextStep.AddPlace => new(step, text["Next.AddPlace"], $"{root}/sightings/add"),
            NextStep.FirstLetter => new(step, text["Next.FirstLetter"], $"{root}/takedowns/new"),
            NextStep.Binder => new(step, text["Next.Binder"], $"{root}/binder"),
            NextStep.InviteAlly => new(step, text["Next.InviteAlly"], $"{root}/people"),
            _ => new(NextStep.Plan, text["Next.Plan"], $"{root}/plan"),
        };
    }
}

/// <summary>How much of the record is kept so far: entries in the log, and places the content was found.</summary>
public sealed record RecordProgress(int Incidents, int Sightings)
{
    public static readonly RecordProgress None = new(0, 0);

    public StepState State => Incidents + Sightings > 0 ? StepState.InProgress : StepState.NotStarted;

    /// <summary>"2 entries, 1 place found", in the request's language; null before anything is kept.</summary>
    public string? Text(IStringLocalizer<CasesText> text) => Incidents + Sightings == 0 ? null : (string)text[
        "Progress.Record",
        text[Incidents == 1 ? "Progress.Entries.One" : "Progress.Entries.Many", Incidents].Value,
        text[Sightings == 1 ? "Progress.PlacesFound.One" : "Progress.PlacesFound.Many", Sightings].Value];
}

/// <summary>How far the takedowns are: letters written and sent, places removed, answers overdue.</summary>
public sealed record TakedownProgress(int Letters, int Sent, int Removed, int Overdue)
{
    public static readonly TakedownProgress None = new(0, 0, 0, 0);

    public StepState State => Letters > 0 ? StepState.InProgress : StepState.NotStarted;

    /// <summary>"1 request sent, 0 places removed, 1 overdue", in the request's language; null before any letter.</summary>
    public string? Text(IStringLocalizer<CasesText> text) => Letters == 0 ? null : (string)text[
        Overdue > 0 ? "Progress.TakedownsOverdue" : "Progress.Takedowns",
        text[Sent == 1 ? "Progress.Sent.One" : "Progress.Sent.Many", Sent].Value,
        text[Removed == 1 ? "Progress.Removed.One" : "Progress.Removed.Many", Removed].Value,
        Overdue];
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
    /// <summary>The key of the words for <see cref="State"/>, shown when there is no <see cref="Progress"/>.</summary>
    public string StateKey => $"Step.State.{State}";

    /// <summary>
    /// The six steps of the journey; each part of the app reports its own progress here. A step links to its page only
    /// when that page lets the person in (<paramref name="links"/>); an ally reads the steps in a helper's words, and the
    /// risk level only when the owner shares it with them.
    /// </summary>
    public static IReadOnlyList<JourneyStep> For(
        CasePlan plan, MemberLinks links, IStringLocalizer<CasesText> text, RecordProgress? record = null, TakedownProgress? takedowns = null, int binders = 0, int allies = 0)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(text);
        record ??= RecordProgress.None;
        takedowns ??= TakedownProgress.None;
        var isOwner = links.Member.IsOwner;
        var nowSteps = plan.Entries.Where(e => e.Item.Section == SafetySection.Now).ToList();
        var nowDone = nowSteps.Count(e => e.Status is SafetyStepStatus.Done or SafetyStepStatus.NotForMe);
        var safety = nowDone == nowSteps.Count ? StepState.Done
            : plan.Entries.Any(e => e.UpdatedUtc is not null) ? StepState.InProgress
            : StepState.NotStarted;
        var risk = plan.Assessed ? StepState.Done : plan.HasDraftAssessment ? StepState.InProgress : StepState.NotStarted;
        string people = text[allies == 1 ? "Step.People.One" : "Step.People.Many", allies];
        var binderLink = links.To("/Cases/Binder/Index");
        return
        [
            new(text["Step.Safety"], text[isOwner ? "Step.Safety.Owner" : "Step.Safety.Ally"],
                safety,
                links.To("/Cases/Safety/SafetyFirst"),
                text[isOwner ? "Step.Safety.DoneOwner" : "Step.Safety.DoneAlly", plan.DoneCount, plan.Entries.Count]),
            RiskStep(plan, links, risk, text),
            new(text["Step.Record"], text[isOwner ? "Step.Record.Owner" : "Step.Record.Ally"], record.State,
                links.To("/Cases/Incidents/Index"), record.Text(text)),
            new(text["Step.Takedowns"], text["Step.Takedowns.Text"], takedowns.State,
                CasePlan.PageFor(SafetyStepCatalog.LinkTakedowns) is { } takedownPage ? links.To(takedownPage) : null, takedowns.Text(text)),
            binderLink is not null
                ? new(text["Step.Binder"], text["Step.Binder.Text"], binders > 0 ? StepState.Done : StepState.NotStarted,
                    binderLink,
                    binders == 0 ? null : text[binders == 1 ? "Step.Binder.One" : "Step.Binder.Many", binders].Value)
                : new(text["Step.Binder"], text["Step.Binder.Text"], StepState.NotAvailableYet, null,
                    text["Step.Binder.OwnerOnly"]),
            isOwner
                ? new(text["Step.Allies"], text["Step.Allies.Owner"], allies > 0 ? StepState.InProgress : StepState.NotStarted,
                    links.To("/Cases/Allies/Index"), allies == 0 ? text["Step.Allies.None"] : people)
                : new(text["Step.Allies"], text["Step.Allies.Ally"], StepState.InProgress,
                    links.To("/Cases/Allies/Index"), people),
        ];
    }

    /// <summary>
    /// "Understand the risk": the owner answers the questions and sees their level; an ally the owner shares it with sees
    /// the level and the latest result; any other ally only whether the questions were answered.
    /// </summary>
    private static JourneyStep RiskStep(CasePlan plan, MemberLinks links, StepState state, IStringLocalizer<CasesText> text)
    {
        if (links.Member.IsOwner)
        {
            return new(text["Step.Risk"], text["Step.Risk.Owner"], state, links.To("/Cases/Assessment/Index"),
                plan.LatestAssessment?.Level is { } level ? text["Step.Risk.DoneLevel", ThreatLevels.DisplayNameShown(level)].Value : null);
        }

        if (plan.LatestAssessment is { Level: { } shared } latest)
        {
            return new(text["Step.Risk"], text["Step.Risk.Shared"], state,
                links.To("/Cases/Assessment/Result", new { assessmentId = latest.Id }), text["Step.Risk.AnsweredLevel", ThreatLevels.DisplayNameShown(shared)]);
        }

        return new(text["Step.Risk"], text["Step.Risk.NotShared"],
            state, null, text[plan.Assessed ? "Step.Risk.Answered" : "Step.Risk.NotAnswered"]);
    }
}
