using System.Resources;
using IncidentResponse.Domain;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Cases;

/// <summary>
/// Who is looking at a case, and so what they are shown of the people on it, of its files and of its history. The
/// owner sees everything. An ally sees the owner and themselves by name, anyone else who helps as "someone helping"
/// (unless the owner lets helpers see each other), a file's name, source and description only when evidence images
/// are shared with them, and the history without its raw size or sequence numbers (events about private items are
/// left out for them, and numbers with gaps would say so).
/// </summary>
public sealed record CaseAudience(Guid UserId, Guid OwnerId, bool IsOwner, bool SeesOtherHelpers, bool SeesFileDetails)
{
    /// <summary>How another ally is named to an ally who may not see who else helps.</summary>
    public const string SomeoneHelping = "someone helping";

    /// <summary>Stands, in an ally's export, for the id of someone helping whom they are not shown.</summary>
    public static readonly Guid HiddenPerson = Guid.Empty;

    /// <summary>Whether this person may be named (the system, shown as null, always may).</summary>
    public bool Sees(Guid? person) => IsOwner || SeesOtherHelpers || person is null || person == UserId || person == OwnerId;

    /// <summary>How a person whose account no longer exists is named in a document.</summary>
    public const string NoLongerOnCase = "someone no longer on this case";

    private static readonly ResourceManager Words = new("IncidentResponse.Web.Cases.CaseAudience", typeof(CaseAudience).Assembly);

    /// <summary>The name a page shows for <paramref name="person"/>: their username, or "someone helping" or "someone no
    /// longer on this case" in the language of the page (ADR 0030).</summary>
    public string NameOf(Guid? person, string? username) =>
        !Sees(person) ? Localized.Text(Words, "SomeoneHelping") : username ?? Localized.Text(Words, "NoLongerOnCase");

    /// <summary><see cref="NameOf(Guid?, string?)"/>, with <paramref name="gone"/> for a person whose account no longer exists.</summary>
    public string NameOf(Guid? person, string? username, string gone) =>
        !Sees(person) ? Localized.Text(Words, "SomeoneHelping") : username ?? gone;

    /// <summary>The name a document (the binder) gives <paramref name="person"/>: their username,
    /// <see cref="SomeoneHelping"/> or <see cref="NoLongerOnCase"/>, in English whatever the page's language.</summary>
    public string NameInDocumentOf(Guid? person, string? username) =>
        !Sees(person) ? SomeoneHelping : username ?? NoLongerOnCase;

    /// <summary>The id to put in an export for <paramref name="person"/>: theirs, or <see cref="HiddenPerson"/>.</summary>
    public Guid IdOf(Guid person) => Sees(person) ? person : HiddenPerson;

    /// <inheritdoc cref="IdOf(Guid)"/>
    public Guid? IdOf(Guid? person) => person is { } id ? IdOf(id) : null;

    /// <summary>Whether the whole history, with its sequence numbers and size, may be shown (the owner only).</summary>
    public bool SeesWholeHistory => IsOwner;

    /// <summary>The owner's view of a case: everything.</summary>
    public static CaseAudience Owner(Guid ownerId) => new(ownerId, ownerId, IsOwner: true, SeesOtherHelpers: true, SeesFileDetails: true);

    /// <summary>What the signed-in member of a case page is shown (one small query for the owner's id and the setting).</summary>
    public static async Task<CaseAudience> LoadAsync(AppDbContext db, CaseMembership membership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(membership);
        if (membership.IsOwner)
        {
            return Owner(membership.UserId);
        }

        var caseId = membership.CaseId;
        var facts = await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new
            {
                c.HelpersSeeEachOther,
                OwnerId = db.CaseMembers.Where(m => m.CaseId == caseId && m.Role == CaseRole.Owner).Select(m => m.UserId).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        return new CaseAudience(
            membership.UserId, facts.OwnerId, IsOwner: false, facts.HelpersSeeEachOther, membership.Can(CaseOperation.ViewEvidence));
    }

    /// <summary>What <paramref name="userId"/> is shown of <paramref name="caseId"/>, read fresh (for work outside a page:
    /// an export). Someone who is not a member is shown what an ally without grants is.</summary>
    public static async Task<CaseAudience> LoadAsync(AppDbContext db, Guid caseId, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var membership = await CaseMembership.FindAsync(db, caseId, userId, cancellationToken)
            ?? new CaseMembership(caseId, userId, CaseRole.Viewer);
        return await LoadAsync(db, membership, cancellationToken);
    }
}
