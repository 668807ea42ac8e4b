using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Allies;

/// <summary>
/// Where an invitation link lands. The token is not case content, but it is a secret: it is looked up only by its
/// SHA-256, the request log records the route template only, and the page says nothing about the case before the
/// invitation is accepted. Every unusable token (wrong, used, cancelled, expired) gets the same 404.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Accounts)]
public sealed class AcceptModel(AppDbContext db, AuditTrail audit, TimeProvider clock) : PageModel
{
    public CaseRole Role { get; private set; }

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public string ReturnUrl => Request.Path;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var invitation = await OpenInvitationAsync(token, cancellationToken);
        if (invitation is null)
        {
            return NotFound();
        }

        Role = invitation.Role;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (!SignedIn)
        {
            return Challenge();
        }

        var invitation = await OpenInvitationAsync(token, cancellationToken);
        if (invitation is null)
        {
            return NotFound();
        }

        var userId = User.UserId();
        if (await db.CaseMembers.AnyAsync(m => m.CaseId == invitation.CaseId && m.UserId == userId, cancellationToken))
        {
            // Already on the case (the owner testing their own link, say): the link stays unused for its person.
            return Redirect($"/cases/{invitation.CaseId}");
        }

        var now = clock.GetUtcNow().UtcDateTime;

        // One transaction (inside the provider's retry strategy): the claim, the membership and its audit event.
        var joined = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // Single use even when two people click at once: only one conditional update can claim the invitation.
            var claimed = await db.AllyInvitations
                .Where(i => i.Id == invitation.Id && i.AcceptedUtc == null && i.RevokedUtc == null && i.ExpiresUtc > now)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedUtc, now).SetProperty(i => i.AcceptedByUserId, userId), cancellationToken);
            if (claimed != 1)
            {
                return false;
            }

            db.CaseMembers.Add(new CaseMember { CaseId = invitation.CaseId, UserId = userId, Role = invitation.Role, JoinedUtc = now });
            await audit.RecordAsync(invitation.CaseId, userId, AuditActions.AllyJoined, "CaseMember", userId.ToString(), $"role={invitation.Role};invitation={invitation.Id}", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
        if (!joined)
        {
            return NotFound();
        }

        return Redirect($"/cases/{invitation.CaseId}");
    }

    private async Task<AllyInvitation?> OpenInvitationAsync(string token, CancellationToken cancellationToken)
    {
        if (!AllyInvitation.LooksLikeToken(token))
        {
            return null;
        }

        var hash = AllyInvitation.HashToken(token);
        var invitation = await db.AllyInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return invitation is not null && invitation.IsOpenAt(clock.GetUtcNow().UtcDateTime) ? invitation : null;
    }
}
