namespace IncidentResponse.Web.Pages.Cases.Export;

/// <summary>Who asked for an export of which case, for the parts that add files to it.</summary>
/// <param name="EvidenceFilesShared">
/// False for an ally allowed to export but not shown evidence images: the files stay out of the ZIP (their fingerprints
/// stay in case.json) and the binder withholds every picture.
/// </param>
/// <param name="PrivateSenderDetailsShared">
/// True for the owner and an advocate only: the sender details a letter keeps private (a phone, a postal address) are
/// in case.json. For anyone else their values are left out (null), their "private" marks kept.
/// </param>
/// <param name="OriginalsShared">
/// False for an ally the owner has not given the originals: each JPEG and PNG goes in as a copy without its hidden
/// details, and files whose details cannot be taken out stay out.
/// </param>
/// <param name="RiskAssessmentShared">
/// True for the owner and an ally the owner shares the risk assessment with (ADR 0014): the assessments (answers, score,
/// level) are in case.json and the binder has its threat assessment summary. For anyone else both are left out, and so
/// is the level an audit event's details would name. False unless said: fails closed.
/// </param>
public sealed record CaseExportRequest(Guid CaseId, Guid UserId, DateTime ExportedUtc, bool EvidenceFilesShared = true, bool PrivateSenderDetailsShared = false, bool OriginalsShared = true, bool RiskAssessmentShared = false)
{
    /// <summary>
    /// The binder job made for this download (ADR 0024): <c>binder.pdf</c> is its sealed PDF, copied in as it is
    /// decrypted. Null only where no PDF can be made at all, and the binder is then named in problems.txt.
    /// </summary>
    public Domain.Binders.BinderJob? PreparedBinder { get; init; }
}

/// <summary>
/// The seam for further files in a "Download everything" ZIP, beside <c>case.json</c> and the exhibits: register an
/// implementation in DI (<c>services.AddScoped&lt;ICaseExportPart, …&gt;()</c>) and its file is written into the ZIP,
/// hashed and listed in <c>manifest.sha256</c>. The evidence binder registers one for <c>binder.pdf</c>.
/// </summary>
public interface ICaseExportPart
{
    /// <summary>The file's name inside the ZIP, such as <c>binder.pdf</c>: plain ASCII, no folders.</summary>
    string FileName { get; }

    /// <summary>Writes the file to <paramref name="destination"/> asynchronously (the ZIP streams to the response;
    /// synchronous writes are not allowed there). Throwing leaves the file marked as incomplete in <c>problems.txt</c>.</summary>
    Task WriteAsync(CaseExportRequest request, Stream destination, CancellationToken cancellationToken);
}
