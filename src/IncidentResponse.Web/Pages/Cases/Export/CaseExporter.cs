using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Pages.Cases.Evidence;

namespace IncidentResponse.Web.Pages.Cases.Export;

/// <summary>
/// "Download everything": one ZIP of a case, written straight to a (non-seekable) stream as it is made. Nothing is
/// put in a temporary file and no file is held whole in memory: each exhibit is decrypted chunk by chunk from the
/// vault into its ZIP entry. Before an exhibit is written it is checked end to end against the SHA-256 recorded when
/// it was received; one that does not match is left out and named in <c>problems.txt</c> and in <c>case.json</c>,
/// so the ZIP never carries wrong bytes under an exhibit's name. Should a file change between that check and its
/// copy, <see cref="ExportIntegrityException"/> is thrown and the caller must cut the download off.
/// </summary>
public sealed partial class CaseExporter(
    AppDbContext db,
    CaseReader reader,
    CaseJson caseJson,
    EvidenceService evidence,
    IEnumerable<ICaseExportPart> parts,
    ILogger<CaseExporter> logger)
{
    public const string CaseJsonName = "case.json";
    public const string ManifestName = "manifest.sha256";
    public const string ProblemsName = "problems.txt";
    public const string ReadMeName = "README.txt";
    public const string LettersFolder = "letters/";

    /// <summary>What a copy without hidden details adds to an exhibit's name, before the extension.</summary>
    public const string CopySuffix = "-copy-without-details";

    /// <summary>Why a file whose hidden details cannot be taken out is not in the ZIP of an ally without the originals.</summary>
    public const string NoCopyProblem =
        "Not included: this kind of file can carry hidden details (such as where it was made) that cannot be taken out, and the case's owner has not given you the originals.";

    /// <summary>Why an exhibit is not in the ZIP of an ally the owner has not shown evidence images to (case.json's <c>problem</c>).</summary>
    public const string NotSharedProblem = "Not included: the case's owner has not shared evidence images with you.";

    /// <summary>A neutral name for the download: the date only, never the case's title.</summary>
    public static string DownloadFileName(DateTime exportedUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"records-{exportedUtc:yyyy-MM-dd}.zip");

    /// <summary>
    /// Writes the whole ZIP to <paramref name="destination"/> using asynchronous writes only, in this order: the README,
    /// the exhibits, the further parts (<c>binder.pdf</c>), the letters, <c>case.json</c>, then problems and the manifest.
    /// </summary>
    public async Task WriteAsync(CaseExportRequest request, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var records = await reader.ReadAsync(request.CaseId, cancellationToken);
        var audience = await CaseAudience.LoadAsync(db, request.CaseId, request.UserId, cancellationToken);

        await using var body = new AsyncOnlyWriteStream(destination);
        await using (var archive = await ZipArchive.CreateAsync(body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            var zip = new ExportZip(archive, request.ExportedUtc);
            await zip.WriteTextAsync(ReadMeName, ExportReadMe.For(request), cancellationToken);
            var exhibits = await WriteExhibitsAsync(zip, request, records.Evidence, audience, cancellationToken);
            await WritePartsAsync(zip, request, cancellationToken);
            var document = await caseJson.BuildAsync(request, audience, records, exhibits, cancellationToken);
            await WriteLettersAsync(zip, document, cancellationToken);
            zip.Manifest.Insert(0, (CaseJsonName, await zip.WriteJsonAsync(CaseJsonName, document, CaseJson.SerializerOptions, cancellationToken)));
            await zip.FinishAsync(cancellationToken);
        }

        await body.FlushAsync(cancellationToken);
        LogWritten(logger, request.CaseId, records.Evidence.Count, body.MostHeld);
    }

    /// <summary>
    /// A letter's entry: <c>letters/001-dmca-notice-sent.txt</c>, numbered by its place in case.json's
    /// <c>takedownRequests</c>, then its kind and status as case.json names them (in kebab case).
    /// </summary>
    public static string LetterFileName(int number, Domain.Takedowns.LetterKind kind, Domain.Takedowns.TakedownStatus status) =>
        string.Create(CultureInfo.InvariantCulture, $"{LettersFolder}{number:D3}-{Kebab(kind.ToString())}-{Kebab(status.ToString())}.txt");

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>Each exhibit as this person may have it (the original, a copy without hidden details, or none), with its record for case.json.</summary>
    private async Task<List<CaseExportEvidence>> WriteExhibitsAsync(
        ExportZip zip, CaseExportRequest request, IReadOnlyList<EvidenceItem> items, CaseAudience audience, CancellationToken cancellationToken)
    {
        var numbered = ExhibitNumbers.Assign(items);
        var exported = new List<CaseExportEvidence>(numbered.Count);
        foreach (var (number, item) in numbered)
        {
            if (!request.EvidenceFilesShared)
            {
                exported.Add(CaseJson.Evidence(number, null, NotSharedProblem, item, audience, detailsShown: false));
            }
            else if (!request.OriginalsShared)
            {
                exported.Add(await WriteCopyAsync(zip, number, item, audience, cancellationToken));
            }
            else
            {
                exported.Add(await WriteOriginalAsync(zip, number, item, audience, cancellationToken));
            }
        }

        return exported;
    }

    /// <summary>The original, once it is checked end to end against its recorded SHA-256; left out and explained when it is not.</summary>
    private async Task<CaseExportEvidence> WriteOriginalAsync(ExportZip zip, int number, EvidenceItem item, CaseAudience audience, CancellationToken cancellationToken)
    {
        var fileName = ExhibitNumbers.FileName(number, item);
        var problem = await evidence.CheckAsync(item, cancellationToken);
        if (problem is null)
        {
            await WriteExhibitAsync(zip, fileName, item, cancellationToken);
            zip.Manifest.Add((fileName, item.Sha256));
        }
        else
        {
            LeaveOut(zip, number, fileName, problem, item);
        }

        return CaseJson.Evidence(number, problem is null ? fileName : null, problem, item, audience, detailsShown: true);
    }

    /// <summary>Each further file (<see cref="ICaseExportPart"/>), hashed as it is written; one that fails is named in problems.txt.</summary>
    private async Task WritePartsAsync(ExportZip zip, CaseExportRequest request, CancellationToken cancellationToken)
    {
        foreach (var part in parts)
        {
            var entry = zip.CreateEntry(part.FileName, CompressionLevel.Fastest);
            await using var entryStream = await entry.OpenAsync(cancellationToken);
            using var hashing = new HashingWriteStream(entryStream);
            try
            {
                await part.WriteAsync(request, hashing, cancellationToken);
                zip.Manifest.Add((part.FileName, hashing.Hash()));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPartFailed(logger, request.CaseId, part.FileName);
                zip.Problems.Add($"{part.FileName} could not be completed and is incomplete in this ZIP. Please do not rely on it; download again later.");
            }
        }
    }

    /// <summary>
    /// Each finalised letter as its own text file, exactly as fixed: the same letters case.json holds (a letter withheld
    /// from this ally is in neither). A draft has no fixed text yet.
    /// </summary>
    private static async Task WriteLettersAsync(ExportZip zip, CaseExportDocument document, CancellationToken cancellationToken)
    {
        for (var i = 0; i < document.TakedownRequests.Count; i++)
        {
            if (document.TakedownRequests[i] is { FinalText: { } text } letter)
            {
                var name = LetterFileName(i + 1, letter.Kind, letter.Status);
                await zip.WriteTextAsync(name, text, cancellationToken);
                zip.Manifest.Add((name, SHA256.HashData(Encoding.UTF8.GetBytes(text))));
            }
        }
    }

    private async Task WriteExhibitAsync(ExportZip zip, string fileName, EvidenceItem item, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(fileName, CompressionLevel.Fastest);
        Stream original;
        try
        {
            original = await evidence.OpenOriginalAsync(item, cancellationToken);
        }
        catch (Exception ex) when (ex is EvidenceIntegrityException or FileNotFoundException)
        {
            throw new ExportIntegrityException(item.Id, ex);
        }

        await using (original)
        await using (var entryStream = await entry.OpenAsync(cancellationToken))
        {
            try
            {
                await EvidenceCopy.CopyVerifiedAsync(original, entryStream, item, cancellationToken);
            }
            catch (EvidenceIntegrityException ex)
            {
                throw new ExportIntegrityException(item.Id, ex);
            }
        }
    }

    /// <summary>An exhibit that cannot go in the ZIP: logged by id only, and explained in problems.txt.</summary>
    private void LeaveOut(ExportZip zip, int number, string fileName, string? problem, EvidenceItem item)
    {
        LogExhibitLeftOut(logger, item.CaseId, item.Id);
        zip.Problems.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"Exhibit {number} ({fileName}) is not in this ZIP: {problem}. Its SHA-256 when it was received was {item.Sha256Hex}."));
    }

    /// <summary>
    /// For someone not given the originals: a JPEG or PNG as a copy without its hidden details (made from the original
    /// once it matches its recorded SHA-256), under a name that says so; any other kind stays out.
    /// </summary>
    private async Task<CaseExportEvidence> WriteCopyAsync(ExportZip zip, int number, EvidenceItem item, CaseAudience audience, CancellationToken cancellationToken)
    {
        if (!MetadataStripper.Supports(item.Kind))
        {
            return CaseJson.Evidence(number, null, NoCopyProblem, item, audience, detailsShown: true);
        }

        byte[]? copy;
        string? problem = null;
        try
        {
            copy = await evidence.PreviewAsync(item, cancellationToken);
            if (copy is null)
            {
                problem = "the picture could not be read to take out its hidden details";
            }
        }
        catch (Exception ex) when (ex is EvidenceIntegrityException or FileNotFoundException)
        {
            copy = null;
            problem = await evidence.CheckAsync(item, cancellationToken) ?? "the stored file could not be opened";
        }

        var fileName = ExhibitNumbers.FileName(number, item).Replace(".", CopySuffix + ".", StringComparison.Ordinal);
        if (copy is null)
        {
            LeaveOut(zip, number, fileName, problem, item);
            return CaseJson.Evidence(number, null, problem, item, audience, detailsShown: true);
        }

        try
        {
            var entry = zip.CreateEntry(fileName, CompressionLevel.Fastest);
            await using (var entryStream = await entry.OpenAsync(cancellationToken))
            {
                await entryStream.WriteAsync(copy, cancellationToken);
            }

            var hash = SHA256.HashData(copy);
            zip.Manifest.Add((fileName, hash));
            return CaseJson.Evidence(number, fileName, null, item, audience, detailsShown: true) with { CopySha256 = Convert.ToHexStringLower(hash), CopyLength = copy.Length };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(copy);
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Evidence {EvidenceId} of case {CaseId} was left out of an export: it does not read back as received")]
    private static partial void LogExhibitLeftOut(ILogger logger, Guid caseId, Guid evidenceId);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Case {CaseId} exported with {ExhibitCount} exhibits; at most {MostHeldBytes} bytes were held for the response")]
    private static partial void LogWritten(ILogger logger, Guid caseId, int exhibitCount, long mostHeldBytes);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "The export part {PartName} of case {CaseId} failed")]
    private static partial void LogPartFailed(ILogger logger, Guid caseId, string partName);
}

/// <summary>An exhibit changed or broke between its check and its copy: the ZIP being written must not be finished.</summary>
public sealed class ExportIntegrityException(Guid evidenceId, Exception? inner)
    : Exception("An exhibit could not be read back as received while it was being exported.", inner)
{
    public Guid EvidenceId { get; } = evidenceId;
}
