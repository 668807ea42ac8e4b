using IncidentResponse.Domain.Accounts;
using IncidentResponse.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IncidentResponse.Web.Pages.Account;

public sealed class SessionsModel(SessionStore sessions, SignInFlow signIn, UserManager<AppUser> users) : PageModel
{
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        SessionStore.TryRead(User, out var userId, out var currentId);
        Sessions = (await sessions.ListAliveAsync(userId, cancellationToken))
            .Select(s => new SessionView(s.Id, s.DeviceDescription, s.CreatedUtc, s.LastSeenUtc, s.Id == currentId))
            .ToList();
    }

    public async Task<IActionResult> OnPostEndAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        SessionStore.TryRead(User, out var userId, out _);
        var mine = (await sessions.ListAliveAsync(userId, cancellationToken)).Any(s => s.Id == sessionId);
        if (mine)
        {
            await sessions.EndAsync(sessionId, cancellationToken);
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndAllAsync(CancellationToken cancellationToken)
    {
        SessionStore.TryRead(User, out var userId, out _);
        await sessions.EndAllAsync(userId, cancellationToken);
        if (await users.FindByIdAsync(userId.ToString()) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync(HttpContext, cancellationToken);
        return Redirect("/account/signed-out");
    }

    public sealed record SessionView(Guid Id, string DeviceDescription, DateTime CreatedUtc, DateTime LastSeenUtc, bool IsCurrent);
}
