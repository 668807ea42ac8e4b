using System.Globalization;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace IncidentResponse.Web.Pages.Cases.Evidence;

/// <summary>
/// Downloading one file, after the passphrase was entered again (step-up), as every way an original leaves the server
/// is. The owner, and an ally the owner gave the originals, get the file bit-exact as an attachment under a neutral
/// name (<c>exhibit-1a2b3c4d.jpg</c>): the name it had on the person's device may say too much on a shared computer.
/// Each chunk is verified as it is decrypted, and the whole file's SHA-256 against the one recorded at receipt; on any
/// mismatch the connection is cut, so a browser reports a failed download instead of saving a wrong file.
/// <para>Any other ally who may see evidence gets a copy without hidden details (<see cref="MetadataStripper"/>), named
/// as a copy (<c>exhibit-1a2b3c4d-copy-without-details.jpg</c>); a kind that cannot be stripped is not theirs to
/// download (404, as for any operation their place does not allow).</para>
/// </summary>
[CaseOperationRequired(CaseOperation.ViewEvidence)]
[RequiresRecentPassphrase(CaseOperation.ViewEvidence)]
public sealed partial class DownloadModel(AppDbContext db, EvidenceService evidence, ILogger<DownloadModel> logger) : CasePageModel
{
    public async Task<IActionResult> OnGetAsync(Guid evidenceId, CancellationToken cancellationToken)
    {
        var item = await db.EvidenceItems.AsNoTracking()
            .SingleOrDefaultAsync(e => e.Id == evidenceId && e.CaseId == CaseId, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }

        if (!Membership.ReceivesOriginals)
        {
            return await CopyWithoutDetailsAsync(item, cancellationToken);
        }

        Stream original;
        try
        {
            original = await evidence.OpenOriginalAsync(item, cancellationToken);
        }
        catch (Exception ex) when (ex is EvidenceIntegrityException or FileNotFoundException)
        {
            LogUnreadable(logger, CaseId, item.Id);
            return StatusCode(StatusCodes.Status500InternalServerError);
        }

        await using (original)
        {
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(ExhibitFileName(item));
            Response.Headers.ContentDisposition = disposition.ToString();
            Response.Headers.CacheControl = "no-store";
            Response.Headers.XContentTypeOptions = "nosniff";
            Response.ContentType = item.KindInfo.MediaType;
            Response.ContentLength = item.Length;

            try
            {
                await EvidenceCopy.CopyVerifiedAsync(original, Response.Body, item, cancellationToken);
            }
            catch (EvidenceIntegrityException)
            {
                LogUnreadable(logger, CaseId, item.Id);
                HttpContext.Abort();
            }
        }

        return new EmptyResult();
    }

    /// <summary>A neutral ASCII name: "exhibit-", the first 8 hex digits of the item's id, the kind's extension.</summary>
    public static string ExhibitFileName(EvidenceItem item) =>
        string.Create(CultureInfo.InvariantCulture, $"exhibit-{item.Id.ToString("N", CultureInfo.InvariantCulture)[..8]}{item.KindInfo.FileExtension}");

    /// <summary>The neutral name of a copy without hidden details: <see cref="ExhibitFileName"/> with "-copy-without-details".</summary>
    public static string CopyFileName(EvidenceItem item) =>
        string.Create(CultureInfo.InvariantCulture, $"exhibit-{item.Id.ToString("N", CultureInfo.InvariantCulture)[..8]}{CopySuffix}{item.KindInfo.FileExtension}");

    public const string CopySuffix = "-copy-without-details";

    /// <summary>The JPEG or PNG without its metadata, made from the original after it is checked against its SHA-256.</summary>
    private async Task<IActionResult> CopyWithoutDetailsAsync(EvidenceItem item, CancellationToken cancellationToken)
    {
        if (!MetadataStripper.Supports(item.Kind))
        {
            return NotFound();
        }

        byte[]? copy;
        try
        {
            copy = await evidence.PreviewAsync(item, cancellationToken);
        }
        catch (Exception ex) when (ex is EvidenceIntegrityException or FileNotFoundException)
        {
            LogUnreadable(logger, CaseId, item.Id);
            return StatusCode(StatusCodes.Status500InternalServerError);
        }

        if (copy is null)
        {
            return NotFound();
        }

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(CopyFileName(item));
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.CacheControl = "no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(copy, item.KindInfo.MediaType);
    }

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Evidence {EvidenceId} of case {CaseId} could not be read back intact")]
    private static partial void LogUnreadable(ILogger logger, Guid caseId, Guid evidenceId);
}
