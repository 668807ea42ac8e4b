using IncidentResponse.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>The app's real hasher, counting verifications so tests can see equal work on every sign-in path.</summary>
public sealed class CountingPasswordHasher(IPasswordHasher<AppUser> inner) : IPasswordHasher<AppUser>
{
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
