using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Cases;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Takedowns;

/// <summary>Every takedown letter in the case, where each stands, overdue ones marked, and what to do next.</summary>
[CaseOperationRequired(CaseOperation.View)]
public sealed class IndexModel(AppDbContext db, PlatformDirectory directory, TimeProvider clock) : CasePageModel
{
    public IReadOnlyList<Item> Items { get; private set; } = [];

    public bool CanWrite => Membership.Can(CaseOperation.AddEntry);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.TakedownRequests.AsNoTracking()
            .Where(r => r.CaseId == CaseId)
            .OrderByDescending(r => r.CreatedUtc)
            .Select(r => new
            {
                r.Id,
                r.Kind,
                r.PlatformId,
                r.Status,
                r.DueUtc,
                r.SentOn,
                Places = r.Sightings.Count,
                Outcome = db.TakedownResponses.Where(a => a.RequestId == r.Id).OrderByDescending(a => a.RecordedUtc).Select(a => (TakedownOutcome?)a.Outcome).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var withheld = await WithheldLetters.IdsAsync(db, CaseId, cancellationToken);
        Items = rows.Select(r =>
        {
            if (withheld.Contains(r.Id))
            {
                return Item.Withheld;
            }

            var overdue = r.Status == TakedownStatus.Sent && r.DueUtc is { } due && now > due;
            return new Item(r.Id, TakedownWording.KindAtStart(r.Kind), directory.Get(r.PlatformId).Name, r.Status, r.Places, r.DueUtc, overdue, r.Outcome,
                NextStep(r.Status, overdue, r.Outcome));
        }).ToList();
    }

    /// <summary>The one next step for a letter, in the request's language.</summary>
    public static string NextStep(TakedownStatus status, bool overdue, TakedownOutcome? outcome) => TakedownWording.Text(status switch
    {
        TakedownStatus.Draft => "Next.Draft",
        TakedownStatus.Final => "Next.Final",
        TakedownStatus.Sent when overdue => "Next.Overdue",
        TakedownStatus.Sent => "Next.Sent",
        TakedownStatus.Answered when outcome == TakedownOutcome.Refused => "Next.Refused",
        TakedownStatus.Answered when outcome == TakedownOutcome.AskedForMore => "Next.AskedForMore",
        TakedownStatus.Answered => "Next.Answered",
        _ => "Next.Replaced",
    });

    public sealed record Item(Guid Id, string Title, string Platform, TakedownStatus Status, int Places, DateTime? DueUtc, bool Overdue, TakedownOutcome? Outcome, string Next)
    {
        /// <summary>A letter withheld from this ally (ADR 0008): nothing of it is shown, not even its id.</summary>
        public static readonly Item Withheld = new(Guid.Empty, WithheldLetters.Placeholder, "", TakedownStatus.Final, 0, null, false, null, "");

        public bool IsWithheld => ReferenceEquals(this, Withheld);
    }
}
