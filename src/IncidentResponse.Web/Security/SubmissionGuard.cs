using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Security;

/// <summary>
/// Exactly once for form posts that create something. Each such form carries a key (<see cref="FieldName"/>, a GUID
/// rendered with the form and kept when the form is shown again). Before creating, a page asks
/// <see cref="AlreadyDoneAsync"/>: a key already used leads to what was created then. On success the page calls
/// <see cref="Record"/> before its one <c>SaveChangesAsync</c>, so the record and its key are saved together. Two
/// posts racing with the same key collide on the key's primary key; <see cref="DatabaseUnavailableFilter"/> then sends
/// the loser to the winner's record.
/// </summary>
public sealed class SubmissionGuard(AppDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public const string FieldName = "SubmissionId";

    /// <summary>The key this request recorded, if any (for the collision case).</summary>
    public Submission? Pending { get; private set; }

    /// <summary>A fresh key for a form being shown for the first time.</summary>
    public static Guid NewKey() => Guid.NewGuid();

    /// <summary>Where an earlier post with this key led, or null (no key, or not used yet).</summary>
    public async Task<string?> AlreadyDoneAsync(Guid key, CancellationToken cancellationToken)
    {
        if (key == Guid.Empty || UserId() is not { } userId)
        {
            return null;
        }

        return await db.Submissions.AsNoTracking()
            .Where(s => s.UserId == userId && s.Id == key)
            .Select(s => s.Location)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Adds the key to the unit of work: saved with the record it created, or not at all.</summary>
    public void Record(Guid key, Guid? caseId, string location)
    {
        if (key == Guid.Empty || UserId() is not { } userId)
        {
            return;
        }

        Pending = new Submission
        {
            UserId = userId,
            Id = key,
            CaseId = caseId,
            Location = location,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Submissions.Add(Pending);
    }

    /// <summary>After a failed save: where the post that won the race led, or null if no such post was saved.</summary>
    public async Task<string?> WinnerAsync(CancellationToken cancellationToken)
    {
        if (Pending is not { } pending)
        {
            return null;
        }

        db.ChangeTracker.Clear();
        return await db.Submissions.AsNoTracking()
            .Where(s => s.UserId == pending.UserId && s.Id == pending.Id)
            .Select(s => s.Location)
            .SingleOrDefaultAsync(cancellationToken);
    }

    private Guid? UserId() =>
        http.HttpContext?.User.Identity?.IsAuthenticated == true ? http.HttpContext.User.UserId() : null;
}
