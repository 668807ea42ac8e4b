using IncidentResponse.Documents.Model;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Evidence;

namespace IncidentResponse.Documents.Binder;

/// <summary>One exhibit as the binder sees it: its number, its row, and what the check at export time found.</summary>
public sealed record BinderExhibit(int Number, EvidenceItem Item, Redaction Redaction, string? Problem)
{
    /// <summary>The numbers of the other exhibits of this binder that look like this one (<see cref="ExhibitBlock.LooksLike"/>).</summary>
    public IReadOnlyList<int> LooksLike { get; init; } = [];

    /// <summary>The name the file has in an export and in the manifest: <c>exhibit-001.png</c>.</summary>
    public string FileName => ExhibitNumbers.FileName(Number, Item);

    public bool Verified => Problem is null;
}

/// <summary>A binder's content, built and checked, ready to render: the document, its exhibits and the audit head.</summary>
public sealed record BinderDocument(
    DocumentModel Document,
    IReadOnlyList<BinderExhibit> Exhibits,
    AuditChainVerification AuditVerification,
    AuditChainHead? AuditHead)
{
    public int Problems => Exhibits.Count(e => !e.Verified);
}
