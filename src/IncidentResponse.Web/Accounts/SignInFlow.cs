using System.Security.Claims;
using IncidentResponse.Domain.Accounts;
using IncidentResponse.Web.Hosting;
using IncidentResponse.Web.Languages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace IncidentResponse.Web.Accounts;

/// <summary>
/// Signing in and out with a server-side session. Every failure looks and takes the same (unknown name, wrong
/// passphrase, paused account), and failures count towards the lockout.
/// </summary>
public sealed class SignInFlow(
    UserManager<AppUser> users,
    SignInManager<AppUser> signInManager,
    SessionStore sessions,
    IPasswordHasher<AppUser> hasher,
    AppOptions options)
{
    private static string? _decoyHash;

    /// <summary>Checks the passphrase and signs in; the person signed in, or null for every kind of failure alike.</summary>
    public async Task<AppUser?> PasswordSignInAsync(string username, string passphrase, HttpContext http)
    {
        var user = await users.FindByNameAsync(username);
        if (user is null)
        {
            // Spend the same work as a real check, so timing does not tell whether the name exists.
            SpendDecoyCheck(passphrase);
            return null;
        }

        var result = await signInManager.CheckPasswordSignInAsync(user, passphrase, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            // A paused account is not checked at all; spend the same work so it does not answer faster.
            SpendDecoyCheck(passphrase);
        }

        if (!result.Succeeded)
        {
            return null;
        }

        await SignInAsync(user, http);
        return user;
    }

    /// <summary>
    /// Where a person goes after signing in or up, on the way to <paramref name="next"/> (a local address): first the
    /// news that their passphrase was reset with a recovery code, if it was; else their first recovery codes, if they
    /// have never had any; else straight on.
    /// </summary>
    public async Task<string> AfterSignInAsync(AppUser user, string next)
    {
        var onward = "?returnUrl=" + Uri.EscapeDataString(next);
        if (user.PassphraseResetNoticePending)
        {
            user.PassphraseResetNoticePending = false;
            await users.UpdateAsync(user);
            return RecoveredPath + onward;
        }

        return user.RecoveryCodesMadeUtc is null ? RecoveryCodesPath + onward : next;
    }

    public const string RecoveredPath = "/account/recovered";

    public const string RecoveryCodesPath = "/account/recovery-codes";

    private void SpendDecoyCheck(string passphrase)
    {
        // Made with the app's own hasher, so it costs the same iterations as a real account's hash.
        _decoyHash ??= hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(new AppUser(), _decoyHash, passphrase);
    }

    /// <summary>
    /// Starts a new server-side session and issues a fresh cookie naming it (no session fixation); a session begun with
    /// a passkey records its name, for the list of signed-in devices.
    /// </summary>
    public async Task SignInAsync(AppUser user, HttpContext http, string? passkeyName = null)
    {
        var session = await sessions.StartAsync(user.Id, http.Request.Headers.UserAgent.ToString(), http.RequestAborted, passkeyName);
        await signInManager.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SessionStore.SessionClaim, session.Id.ToString())]);
        if (AppLanguages.IsChoice(user.Language))
        {
            // The language chosen on another device (or before a Quick exit cleared this browser's cookies) comes back.
            AppLanguages.Remember(http.Response, user.Language!, options);
        }
    }

    public async Task SignOutAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (SessionStore.TryRead(http.User, out _, out var sessionId))
        {
            await sessions.EndAsync(sessionId, cancellationToken);
        }

        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        http.Response.Headers["Clear-Site-Data"] = IncidentResponse.Web.Pages.ExitModel.ClearSiteData;
    }
}
