using System.Security.Cryptography;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Accounts;

/// <summary>
/// A person's recovery codes (ADR 0026): a new set replaces the old one in one transaction, only hashes are kept, and
/// a code is spent by a conditional update, so two requests racing with the same code cannot both use it.
/// </summary>
public sealed class RecoveryCodeStore(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    /// <summary>
    /// Makes a new set for <paramref name="user"/> and returns the codes to show, once: they are not kept anywhere.
    /// Every code of an older set stops working in the same transaction.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReplaceAsync(AppUser user, CancellationToken cancellationToken)
    {
        var codes = RecoveryCodeFormat.NewSet();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            // A retried attempt starts again from nothing: the last attempt's codes are no longer to be saved.
            foreach (var earlier in db.ChangeTracker.Entries<RecoveryCode>().ToList())
            {
                earlier.State = EntityState.Detached;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.RecoveryCodes.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
            db.RecoveryCodes.AddRange(codes.Select(code => new RecoveryCode
            {
                Id = Guid.NewGuid(),
                UserId = user.Id,
                Hash = RecoveryCodeFormat.Hash(RecoveryCodeFormat.Canonical(code)!),
                CreatedUtc = now,
            }));
            user.RecoveryCodesMadeUtc = now;

            // Identity saves the person's row (and with it the new codes) with its concurrency check.
            var saved = await users.UpdateAsync(user);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException("The account changed while its recovery codes were being made.");
            }

            await transaction.CommitAsync(cancellationToken);
        });
        return codes;
    }

    /// <summary>How many codes of the person's current set can still be used.</summary>
    public Task<int> CountLeftAsync(Guid userId, CancellationToken cancellationToken) =>
        db.RecoveryCodes.CountAsync(c => c.UserId == userId && c.UsedUtc == null, cancellationToken);

    /// <summary>The unused code of this person's set that <paramref name="typed"/> is, or null.</summary>
    public async Task<Guid?> FindUnusedAsync(Guid userId, string? typed, CancellationToken cancellationToken)
    {
        var canonical = RecoveryCodeFormat.Canonical(typed);
        var hash = RecoveryCodeFormat.Hash(canonical ?? "");
        var unused = await db.RecoveryCodes.AsNoTracking()
            .Where(c => c.UserId == userId && c.UsedUtc == null)
            .Select(c => new { c.Id, c.Hash })
            .ToListAsync(cancellationToken);

        // Every hash is compared in full, whichever matches, so the time taken says nothing about which one did.
        Guid? found = null;
        foreach (var code in unused)
        {
            if (CryptographicOperations.FixedTimeEquals(code.Hash, hash) && canonical is not null)
            {
                found = code.Id;
            }
        }

        return found;
    }

    /// <summary>Marks the code used; false when another request used it first.</summary>
    public async Task<bool> SpendAsync(Guid codeId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.RecoveryCodes.Where(c => c.Id == codeId && c.UsedUtc == null)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.UsedUtc, now), cancellationToken) == 1;
    }
}
