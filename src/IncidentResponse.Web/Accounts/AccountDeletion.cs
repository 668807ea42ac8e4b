using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Pages.Cases.Binder;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Accounts;

/// <summary>
/// "Delete my account" (issue 21): every case the person owns is shredded as "Delete this case" does (its key first,
/// so nothing of it can be decrypted from any copy); their place on other people's cases ends, recorded in each of
/// those cases' history as leaving; then the account row goes, and with it (the database cascades) their sessions,
/// recovery codes and binder jobs. The username is held back from new accounts for <see cref="UsernameHeldFor"/>.
/// Each owned case is shredded in its own transaction before the rest, so a failure part-way leaves an account that
/// still exists with fewer cases, never a case without its owner; deleting again finishes the work.
/// </summary>
public sealed partial class AccountDeletion(
    AppDbContext db,
    CaseShredder shredder,
    AuditTrail audit,
    BinderJobFiles binders,
    TimeProvider clock,
    ILogger<AccountDeletion> logger)
{
    /// <summary>How long a deleted account's username cannot be taken by a new account.</summary>
    public static readonly TimeSpan UsernameHeldFor = TimeSpan.FromDays(90);

    /// <summary>What deleting would do: the cases the person owns (to offer "Download everything" first) and how many they help with.</summary>
    public async Task<(IReadOnlyList<(Guid Id, string Title)> Owned, int Helping)> SummaryAsync(Guid userId, CancellationToken cancellationToken)
    {
        var memberships = await db.CaseMembers.AsNoTracking().Where(m => m.UserId == userId)
            .OrderBy(m => m.JoinedUtc)
            .Select(m => new { m.CaseId, m.Role, m.Case!.Title })
            .ToListAsync(cancellationToken);
        return ([.. memberships.Where(m => m.Role == CaseRole.Owner).Select(m => (m.CaseId, m.Title))],
            memberships.Count(m => m.Role != CaseRole.Owner));
    }

    public async Task DeleteAsync(AppUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var owned = await db.CaseMembers.Where(m => m.UserId == user.Id && m.Role == CaseRole.Owner).Select(m => m.CaseId).ToListAsync(cancellationToken);
        foreach (var caseId in owned)
        {
            await shredder.ShredAsync(caseId, CaseShredder.WithOwnersAccount, cancellationToken);
        }

        var binderFiles = await db.BinderJobs.Where(j => j.UserId == user.Id && j.BlobId != null).Select(j => j.BlobId!.Value).ToListAsync(cancellationToken);
        var helping = await LeaveOthersCasesAndDeleteAsync(user, cancellationToken);
        foreach (var blobId in binderFiles)
        {
            await binders.Store.DeleteAsync(blobId, CancellationToken.None);
        }

        await SqliteShredding.CheckpointAsync(db, CancellationToken.None);
        LogDeleted(logger, owned.Count, helping);
    }

    /// <summary>Ends every membership (each recorded as leaving), holds the username back and deletes the account, in one transaction.</summary>
    private Task<int> LeaveOthersCasesAndDeleteAsync(AppUser user, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var memberships = await db.CaseMembers.Where(m => m.UserId == user.Id).ToListAsync(cancellationToken);
            foreach (var member in memberships)
            {
                db.CaseMembers.Remove(member);
                await audit.RecordAsync(member.CaseId, user.Id, AuditActions.AllyLeft, "CaseMember", user.Id.ToString(), $"role={member.Role}", cancellationToken);
            }

            var hash = RetiredUsername.HashOf(user.NormalizedUserName ?? "");
            var freeAfter = clock.GetUtcNow().UtcDateTime + UsernameHeldFor;
            if (await db.RetiredUsernames.FindAsync([hash], cancellationToken) is { } held)
            {
                held.FreeAfterUtc = freeAfter;
            }
            else
            {
                db.RetiredUsernames.Add(new RetiredUsername { NameHash = hash, FreeAfterUtc = freeAfter });
            }

            await db.SaveChangesAsync(cancellationToken);
            await db.Users.Where(u => u.Id == user.Id).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return memberships.Count;
        });

    [LoggerMessage(EventId = 1040, Level = LogLevel.Information, Message = "An account was deleted by its holder: {Owned} cases shredded, {Helping} places on others' cases ended")]
    private static partial void LogDeleted(ILogger logger, int owned, int helping);
}
