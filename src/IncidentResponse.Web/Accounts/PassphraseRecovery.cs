using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Accounts;

/// <summary>
/// "Forgot your passphrase?": a username and one unused recovery code let a person choose a new passphrase. A wrong
/// code counts towards the same lockout as a wrong passphrase, and a paused account is not checked at all. On success,
/// in one transaction: the code is spent, the new passphrase and a new security stamp are saved, every session ends,
/// and the next sign-in is told that this happened (ADR 0026).
/// </summary>
public sealed class PassphraseRecovery(
    AppDbContext db,
    UserManager<AppUser> users,
    RecoveryCodeStore codes,
    SessionStore sessions,
    TimeProvider clock)
{
    public enum Outcome
    {
        /// <summary>The passphrase is changed and every session has ended.</summary>
        Reset,

        /// <summary>Unknown name, wrong or used code, or a paused account: the same answer for each.</summary>
        NotRecognised,

        /// <summary>The code was right but the new passphrase was refused; nothing was changed and the code still works.</summary>
        PassphraseRefused,
    }

    public sealed record Result(Outcome Outcome, IReadOnlyList<string> Problems);

    public async Task<Result> ResetAsync(string username, string code, string newPassphrase, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(username);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return new Result(Outcome.NotRecognised, []);
        }

        var codeId = await codes.FindUnusedAsync(user.Id, code, cancellationToken);
        if (codeId is not { } id)
        {
            await users.AccessFailedAsync(user);
            return new Result(Outcome.NotRecognised, []);
        }

        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (!await codes.SpendAsync(id, cancellationToken))
            {
                // Another request used this code a moment ago.
                return new Result(Outcome.NotRecognised, []);
            }

            user.PassphraseResetUtc = clock.GetUtcNow().UtcDateTime;
            user.PassphraseResetNoticePending = true;
            user.AccessFailedCount = 0;
            var token = await users.GeneratePasswordResetTokenAsync(user);

            // Validates the passphrase as everywhere else, stores its hash and a new security stamp, saves the row.
            var changed = await users.ResetPasswordAsync(user, token, newPassphrase);
            if (!changed.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new Result(Outcome.PassphraseRefused, [.. changed.Errors.Select(e => e.Description)]);
            }

            await sessions.EndAllAsync(user.Id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Result(Outcome.Reset, []);
        });
    }
}
