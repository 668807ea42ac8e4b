using IncidentResponse.Domain.Accounts;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Account;

/// <summary>The account page: the devices signed in, the person's recovery codes and their time zone.</summary>
public sealed class SessionsModel(
    SessionStore sessions,
    SignInFlow signIn,
    UserManager<AppUser> users,
    AppDbContext db,
    LocalTimes times,
    IStringLocalizer<AccountText> text) : PageModel
{
    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public RecoveryCodesView RecoveryCodes { get; private set; } = new(null, 0);

    /// <summary>What the time zone picker shows selected: the saved zone, what was sent, or a guess from a case's country.</summary>
    [BindProperty]
    public string? TimeZone { get; set; }

    /// <summary>True once the zone shown was just saved.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        TimeZone = times.Zone?.Id ?? await GuessAsync(cancellationToken);
        await LoadSessionsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostTimeZoneAsync(CancellationToken cancellationToken)
    {
        var chosen = TimeZone?.Trim();
        if (!string.IsNullOrEmpty(chosen) && !TimeZoneChoices.IsKnown(chosen))
        {
            ModelState.AddModelError(nameof(TimeZone), text["Sessions.ZoneUnknown"]);
            Saved = false;
            await LoadSessionsAsync(cancellationToken);
            return Page();
        }

        SessionStore.TryRead(User, out var userId, out _);
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZone, string.IsNullOrEmpty(chosen) ? null : chosen), cancellationToken);
        return RedirectToPage(new { saved = true });
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

    /// <summary>Until a zone is chosen, a first guess from the country of a case the person owns (the browser may guess better).</summary>
    private async Task<string?> GuessAsync(CancellationToken cancellationToken)
    {
        SessionStore.TryRead(User, out var userId, out _);
        var country = await db.CaseMembers.AsNoTracking()
            .Where(m => m.UserId == userId && m.Role == CaseRole.Owner)
            .OrderBy(m => m.JoinedUtc)
            .Select(m => m.Case!.JurisdictionCode)
            .FirstOrDefaultAsync(cancellationToken);
        return TimeZoneChoices.GuessFromCountry(country);
    }

    private async Task LoadSessionsAsync(CancellationToken cancellationToken)
    {
        SessionStore.TryRead(User, out var userId, out var currentId);
        Sessions = (await sessions.ListAliveAsync(userId, cancellationToken))
            .Select(s => new SessionView(s.Id, DeviceDescription.InLanguage(s.DeviceDescription, text), s.CreatedUtc, s.LastSeenUtc, s.Id == currentId, s.PasskeyName))
            .ToList();
        RecoveryCodes = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new RecoveryCodesView(u.RecoveryCodesMadeUtc, db.RecoveryCodes.Count(c => c.UserId == userId && c.UsedUtc == null)))
            .SingleAsync(cancellationToken);
    }

    /// <summary>When the person's recovery codes were made (null: never) and how many are left.</summary>
    public sealed record RecoveryCodesView(DateTime? MadeUtc, int Left);

    public sealed record SessionView(Guid Id, string DeviceDescription, DateTime CreatedUtc, DateTime LastSeenUtc, bool IsCurrent, string? PasskeyName = null);
}
