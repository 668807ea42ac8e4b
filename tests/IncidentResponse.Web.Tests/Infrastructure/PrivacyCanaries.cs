using IncidentResponse.Domain.Cases;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>Who may read a planted string.</summary>
public enum CanaryClass
{
    /// <summary>Shared with every ally: proves an ally's fetches reach the case at all.</summary>
    Shared,

    /// <summary>A private item, its places, its files, letters naming it, the plan note: the owner only.</summary>
    Private,

    /// <summary>A letter's "keep private" sender fields: the owner and an advocate acting for them.</summary>
    Sender,

    /// <summary>A shared file's name, source address and description: the owner and allies shown evidence images.</summary>
    FileDetail,

    /// <summary>An ally's username: the owner and that ally.</summary>
    AllyName,

    /// <summary>The risk level and the assessment's answers: the owner, and allies the owner shares them with (ADR 0014).</summary>
    Risk,
}

/// <summary>
/// A unique string planted in one field; <see cref="AllyId"/> names the ally an <see cref="CanaryClass.AllyName"/> belongs to.
/// <see cref="InDownloadsOnly"/>: only a binder or an export can carry it (a PDF's text), so only someone who may make
/// those must find it.
/// </summary>
public sealed record Canary(string Value, CanaryClass Class, string What, Guid? AllyId = null, bool InDownloadsOnly = false)
{
    public string Label => $"{Class.ToString().ToUpperInvariant()} {What}";
}

/// <summary>One person the oracle fetches as: the owner, or an ally with a role and the owner's grants (the risk assessment among them).</summary>
public sealed record OracleViewer(string Name, CaseRole Role, bool Images, bool Export, AppClient Client, Guid UserId, string Username, bool Risk = false)
{
    public bool IsOwner => Role == CaseRole.Owner;

    /// <summary>The rule under test: what this person may read.</summary>
    public bool MayRead(Canary canary) => IsOwner || canary.Class switch
    {
        CanaryClass.Shared => true,
        CanaryClass.Private => false,
        CanaryClass.Sender => Role == CaseRole.Advocate,
        CanaryClass.FileDetail => Images,
        CanaryClass.AllyName => canary.AllyId == UserId,
        CanaryClass.Risk => Risk,
        _ => false,
    };

    /// <summary>What this person must find somewhere, so the oracle cannot pass by fetching nothing.</summary>
    public bool MustRead(Canary canary) => IsOwner || canary.Class switch
    {
        CanaryClass.Shared => true,
        CanaryClass.Sender => Role == CaseRole.Advocate,
        CanaryClass.FileDetail => Images,
        CanaryClass.Risk => Risk && (Export || !canary.InDownloadsOnly),
        _ => false,
    };

    public static string Describe(CaseRole role, bool images, bool export, bool risk = false) =>
        role == CaseRole.Owner ? "Owner"
        : $"{role}[{(images, export) switch { (true, true) => "images+export", (true, false) => "images", (false, true) => "export", _ => "no grants" }}{(risk ? "+risk" : "")}]";
}

/// <summary>A planted string found in a response: who fetched what, and where in the answer it was.</summary>
public sealed record CanaryHit(OracleViewer Viewer, string Request, string Where, Canary Canary);
