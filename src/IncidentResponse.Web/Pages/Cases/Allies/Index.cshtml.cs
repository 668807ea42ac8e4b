using FluentValidation;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace IncidentResponse.Web.Pages.Cases.Allies;

/// <summary>
/// Who is on the case and what each may do. The owner invites, changes roles, grants evidence images and export per
/// person, decides whether helpers see each other, and removes people; an ally sees their own place and whose case it
/// is (everyone's names and roles only if the owner lets helpers see each other) and can leave. Each change is read on
/// the person's very next request: nothing here is cached.
/// </summary>
[CaseOperationRequired(CaseOperation.View)]
public sealed class IndexModel(
    AppDbContext db,
    AuditTrail audit,
    IValidator<IndexModel.InviteInput> inviteValidator,
    TimeProvider clock,
    IStringLocalizer<CasesText> text) : CasePageModel
{
    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    public IReadOnlyList<MemberRow> Members { get; private set; } = [];

    public IReadOnlyList<InvitationRow> Invitations { get; private set; } = [];

    /// <summary>The owner's case setting: whether the people helping see who else helps. Off by default.</summary>
    public bool HelpersSeeEachOther { get; private set; }

    /// <summary>The link of an invitation just made: shown once, in this response only, never stored.</summary>
    public string? NewLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    [CaseOperationRequired(CaseOperation.Share)]
    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        var validation = await inviteValidator.ValidateAsync(Invite, cancellationToken);
        if (!validation.IsValid)
        {
            validation.AddTo(ModelState, "Invite");
            await LoadAsync(cancellationToken);
            return Page();
        }

        var (invitation, token) = AllyInvitation.Create(CaseId, Invite.Role, Invite.Label ?? "", User.UserId(), clock.GetUtcNow().UtcDateTime);
        db.AllyInvitations.Add(invitation);
        await audit.RecordAsync(CaseId, User.UserId(), AuditActions.InvitationCreated, AllyInvitation.AuditEntityType, invitation.Id.ToString(), $"role={invitation.Role}", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        NewLink = $"{Request.Scheme}://{Request.Host}/invitations/{token}";
        ModelState.Clear();
        Invite = new InviteInput();
        await LoadAsync(cancellationToken);
        return Page();
    }

    [CaseOperationRequired(CaseOperation.Share)]
    public async Task<IActionResult> OnPostRevokeInvitationAsync(Guid invitationId, CancellationToken cancellationToken)
    {
        var invitation = await db.AllyInvitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.CaseId == CaseId, cancellationToken);
        if (invitation is null)
        {
            return NotFound();
        }

        if (invitation.IsOpenAt(clock.GetUtcNow().UtcDateTime))
        {
            invitation.RevokedUtc = clock.GetUtcNow().UtcDateTime;
            await audit.RecordAsync(CaseId, User.UserId(), AuditActions.InvitationRevoked, AllyInvitation.AuditEntityType, invitation.Id.ToString(), cancellationToken: cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Redirect($"/cases/{CaseId}/people");
    }

    [CaseOperationRequired(CaseOperation.Share)]
    public async Task<IActionResult> OnPostRoleAsync(Guid userId, CaseRole role, CancellationToken cancellationToken)
    {
        if (!AllyWording.InvitableRoles.Contains(role))
        {
            return BadRequest();
        }

        return await ChangeAllyAsync(userId, m =>
        {
            var from = m.Role;
            m.Role = role;
            return from == role ? null : (AuditActions.AllyRoleChanged, $"from={from};to={role}");
        }, cancellationToken);
    }

    [CaseOperationRequired(CaseOperation.Share)]
    public async Task<IActionResult> OnPostEvidenceImagesAsync(Guid userId, bool grant, CancellationToken cancellationToken)
    {
        return await ChangeGrantAsync(userId, grant, m => m.EvidenceImagesGranted, (m, on) => m.EvidenceImagesGranted = on,
            AuditActions.AllyEvidenceImagesGranted, AuditActions.AllyEvidenceImagesWithdrawn, cancellationToken);
    }

    /// <summary>The owner lets this ally receive evidence files as they were received, hidden details and all, or stops it.</summary>
    [CaseOperationRequired(CaseOperation.Share)]
    public async Task<IActionResult> OnPostOriginalsAsync(Guid userId, bool grant, CancellationToken cancellationToken)
    {
        return await ChangeGrantAsync(userId, grant, m => m.OriginalsGranted, (m, on) => m.OriginalsGranted = on,
            AuditActions.AllyOriginalsGranted, AuditActions.AllyOriginalsWithdrawn, cancellationToken);
    }

    /// <summary>
    /// The owner shares their risk level and their answers to the safety questions with this ally, or stops it (ADR 0014).
    /// Off until the owner chooses it.
    /// </summary>
    [CaseOperationRequired(CaseOperation.Share)]
    public async Task<IActionResult> OnPostRiskAssessmentAsync(Guid userId, bool grant, CancellationToken cancellationToken)
    {
        return await ChangeGrantAsync(userId, grant, m => m.RiskAssessmentShared, (m, on) => m.RiskAssessmentShared = on,
            AuditActions.AllyRiskAssessmentShared, AuditActions.AllyRiskAssessmentWithdrawn, cancellationToken);
    }

    [CaseOperationRequired(CaseOperation.Share)]
    public async Task<IActionResult> OnPostExportAsync(Guid userId, bool allow, CancellationToken cancellationToken)
    {
        return await ChangeAllyAsync(userId, m =>
        {
            var changed = m.ExportAllowed != allow;
            m.ExportAllowed = allow;
            return changed ? (allow ? AuditActions.AllyExportAllowed : AuditActions.AllyExportWithdrawn, "") : null;
        }, cancellationToken);
    }

    /// <summary>The owner lets the people helping see each other (names and roles), or stops it. Counts from their next click.</summary>
    [CaseOperationRequired(CaseOperation.Share)]
    public async Task<IActionResult> OnPostHelpersSeeEachOtherAsync(bool allow, CancellationToken cancellationToken)
    {
        var theCase = await db.Cases.SingleAsync(c => c.Id == CaseId, cancellationToken);
        if (theCase.HelpersSeeEachOther != allow)
        {
            theCase.HelpersSeeEachOther = allow;
            await audit.RecordAsync(CaseId, User.UserId(), allow ? AuditActions.CaseHelpersSeeEachOther : AuditActions.CaseHelpersKeptApart, nameof(Case), CaseId.ToString(), cancellationToken: cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Redirect($"/cases/{CaseId}/people");
    }

    [CaseOperationRequired(CaseOperation.Share)]
    public async Task<IActionResult> OnPostRemoveAsync(Guid userId, CancellationToken cancellationToken)
    {
        return await ChangeAllyAsync(userId, m =>
        {
            db.CaseMembers.Remove(m);
            return (AuditActions.AllyRemoved, $"role={m.Role}");
        }, cancellationToken);
    }

    /// <summary>An ally stops helping with this case. The owner cannot leave their own case (they can delete it).</summary>
    [CaseOperationRequired(CaseOperation.View)]
    public async Task<IActionResult> OnPostLeaveAsync(CancellationToken cancellationToken)
    {
        if (Membership.IsOwner)
        {
            return NotFound();
        }

        var member = await db.CaseMembers.SingleOrDefaultAsync(m => m.CaseId == CaseId && m.UserId == Membership.UserId, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        db.CaseMembers.Remove(member);
        await audit.RecordAsync(CaseId, User.UserId(), AuditActions.AllyLeft, "CaseMember", member.UserId.ToString(), $"role={member.Role}", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/cases");
    }

    /// <summary>One change to one ally (never the owner), audited and saved together.</summary>
    /// <summary>Turns one of an ally's grants on or off, recording the change only when it is one.</summary>
    private Task<IActionResult> ChangeGrantAsync(
        Guid userId, bool grant, Func<CaseMember, bool> read, Action<CaseMember, bool> write, string grantedAction, string withdrawnAction,
        CancellationToken cancellationToken) =>
        ChangeAllyAsync(userId, m =>
        {
            var changed = read(m) != grant;
            write(m, grant);
            return changed ? (grant ? grantedAction : withdrawnAction, "") : null;
        }, cancellationToken);

    private async Task<IActionResult> ChangeAllyAsync(Guid userId, Func<CaseMember, (string Action, string Details)?> change, CancellationToken cancellationToken)
    {
        var member = await db.CaseMembers.SingleOrDefaultAsync(m => m.CaseId == CaseId && m.UserId == userId, cancellationToken);
        if (member is null || member.Role == CaseRole.Owner)
        {
            return NotFound();
        }

        if (change(member) is { } done)
        {
            await audit.RecordAsync(CaseId, User.UserId(), done.Action, "CaseMember", member.UserId.ToString(), done.Details, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Redirect($"/cases/{CaseId}/people");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        HelpersSeeEachOther = await db.Cases.AsNoTracking().Where(c => c.Id == CaseId).Select(c => c.HelpersSeeEachOther).SingleAsync(cancellationToken);
        var members = db.CaseMembers.AsNoTracking().Where(m => m.CaseId == CaseId);
        if (!Membership.IsOwner && !HelpersSeeEachOther)
        {
            // An ally sees the owner and their own place: who else helps is the owner's to share.
            members = members.Where(m => m.UserId == Membership.UserId || m.Role == CaseRole.Owner);
        }

        // (Roles are stored as text: ordered here, owner first, by the enum's order.)
        var rows = await members
            .Select(m => new MemberRow(
                m.UserId,
                db.Users.Where(u => u.Id == m.UserId).Select(u => u.UserName).FirstOrDefault() ?? "",
                m.Role,
                m.JoinedUtc,
                m.EvidenceImagesGranted,
                m.ExportAllowed,
                m.OriginalsGranted,
                m.RiskAssessmentShared))
            .ToListAsync(cancellationToken);
        Members = rows.OrderBy(m => m.Role).ThenBy(m => m.JoinedUtc).ToList();

        if (Membership.IsOwner)
        {
            var invitations = await db.AllyInvitations.AsNoTracking()
                .Where(i => i.CaseId == CaseId)
                .OrderByDescending(i => i.CreatedUtc)
                .Select(i => new
                {
                    Invitation = i,
                    AcceptedBy = db.Users.Where(u => u.Id == i.AcceptedByUserId).Select(u => u.UserName).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            Invitations = invitations.Select(r => new InvitationRow(r.Invitation.Id, r.Invitation.Role, r.Invitation.Label, r.Invitation.CreatedUtc, r.Invitation.ExpiresUtc, StateOf(r.Invitation, now, r.AcceptedBy, text), r.Invitation.IsOpenAt(now))).ToList();
        }
    }

    private static string StateOf(AllyInvitation invitation, DateTime now, string? acceptedBy, IStringLocalizer<CasesText> text) =>
        invitation.AcceptedUtc is not null ? text["Invitation.Accepted", acceptedBy ?? text["Invitation.ClosedAccount"].Value]
        : invitation.RevokedUtc is not null ? text["Invitation.Cancelled"]
        : now >= invitation.ExpiresUtc ? text["Invitation.Expired"]
        : text["Invitation.Waiting"];

    public sealed record MemberRow(Guid UserId, string Name, CaseRole Role, DateTime JoinedUtc, bool EvidenceImagesGranted, bool ExportAllowed, bool OriginalsGranted, bool RiskAssessmentShared);

    public sealed record InvitationRow(Guid Id, CaseRole Role, string Label, DateTime CreatedUtc, DateTime ExpiresUtc, string State, bool IsOpen);

    public sealed class InviteInput
    {
        public CaseRole Role { get; set; } = CaseRole.Viewer;

        public string? Label { get; set; }
    }

    public sealed class InviteValidator : AbstractValidator<InviteInput>
    {
        public InviteValidator(IStringLocalizer<CasesText> text)
        {
            RuleFor(x => x.Role).Must(r => AllyWording.InvitableRoles.Contains(r))
                .WithMessage(_ => text["Invite.RoleMissing"]);
            RuleFor(x => x.Label).Cascade(CascadeMode.Stop)
                .Must(l => (l ?? "").Trim().Length <= AllyInvitation.LabelMaxLength)
                .WithMessage(_ => text["Invite.NoteTooLong", AllyInvitation.LabelMaxLength])
                .Must(l => !(l ?? "").Any(char.IsControl))
                .WithMessage(_ => text["Invite.NoteControl"]);
        }
    }
}
