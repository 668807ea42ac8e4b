using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Accounts;

/// <summary>
/// Refuses a username that belonged to an account deleted less than <see cref="AccountDeletion.UsernameHeldFor"/>
/// ago, with the same words as a name in use, so the form tells no one that an account was deleted.
/// </summary>
public sealed class RetiredUsernameValidator(AppDbContext db, TimeProvider clock) : IUserValidator<AppUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        if (manager.NormalizeName(user.UserName) is not { Length: > 0 } normalized)
        {
            return IdentityResult.Success;
        }

        var hash = RetiredUsername.HashOf(normalized);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.RetiredUsernames.AsNoTracking().AnyAsync(r => r.NameHash == hash && r.FreeAfterUtc > now)
            ? IdentityResult.Failed(manager.ErrorDescriber.DuplicateUserName(user.UserName ?? ""))
            : IdentityResult.Success;
    }
}
