using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Cases;
using IncidentResponse.Web.Pages.Cases.Evidence;
using IncidentResponse.Web.Takedowns;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Export;

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
    EvidenceService evidence,
    AuditTrail audit,
    IEnumerable<ICaseExportPart> parts,
    ILogger<CaseExporter> logger)
{
    public const string CaseJsonName = "case.json";
    public const string ManifestName = "manifest.sha256";
    public const string ProblemsName = "problems.txt";
    public const string ReadMeName = "README.txt";
    public const string LettersFolder = "letters/";

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>A neutral name for the download: the date only, never the case's title.</summary>
    public static string DownloadFileName(DateTime exportedUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"records-{exportedUtc:yyyy-MM-dd}.zip");

    /// <summary>Writes the whole ZIP to <paramref name="destination"/> using asynchronous writes only.</summary>
    public async Task WriteAsync(CaseExportRequest request, Stream destination, CancellationToken cancellationToken)
    {
        var caseId = request.CaseId;
        var manifest = new List<(string Name, byte[] Hash)>();
        var problems = new List<string>();

        var items = await db.EvidenceItems.AsNoTracking().Where(e => e.CaseId == caseId).ToListAsync(cancellationToken);
        var numbered = ExhibitNumbers.Assign(items);
        var audience = await CaseAudience.LoadAsync(db, caseId, request.UserId, cancellationToken);

        await using var body = new AsyncOnlyWriteStream(destination);
        await using (var zip = await ZipArchive.CreateAsync(body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            var readMe = !request.EvidenceFilesShared ? ReadMe + FilesNotShared
                : request.OriginalsShared ? ReadMe
                : ReadMe.Replace(ReadMeOriginalsLine, ReadMeCopiesLine, StringComparison.Ordinal) + FilesAsCopies;
            await WriteTextAsync(zip, ReadMeName, readMe, request.ExportedUtc, cancellationToken);

            var exported = new List<CaseExportEvidence>(numbered.Count);
            foreach (var (number, item) in numbered)
            {
                var fileName = ExhibitNumbers.FileName(number, item);
                if (!request.EvidenceFilesShared)
                {
                    exported.Add(ToExport(number, null, NotSharedProblem, item, audience, detailsShown: false));
                    continue;
                }

                if (!request.OriginalsShared)
                {
                    exported.Add(await WriteCopyAsync(zip, number, item, audience, request.ExportedUtc, manifest, problems, cancellationToken));
                    continue;
                }

                var problem = await evidence.CheckAsync(item, cancellationToken);
                if (problem is null)
                {
                    await WriteExhibitAsync(zip, fileName, item, request.ExportedUtc, cancellationToken);
                    manifest.Add((fileName, item.Sha256));
                }
                else
                {
                    LeaveOut(problems, number, fileName, problem, item);
                }

                exported.Add(ToExport(number, problem is null ? fileName : null, problem, item, audience, detailsShown: true));
            }

            foreach (var part in parts)
            {
                var entry = zip.CreateEntry(part.FileName, CompressionLevel.Fastest);
                entry.LastWriteTime = request.ExportedUtc;
                await using var entryStream = await entry.OpenAsync(cancellationToken);
                using var hashing = new HashingWriteStream(entryStream);
                try
                {
                    await part.WriteAsync(request, hashing, cancellationToken);
                    manifest.Add((part.FileName, hashing.Hash()));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogPartFailed(logger, caseId, part.FileName);
                    problems.Add($"{part.FileName} could not be completed and is incomplete in this ZIP. Please do not rely on it; download again later.");
                }
            }

            var document = await LoadDocumentAsync(request, audience, exported, cancellationToken);

            // Each finalised letter as its own text file, exactly as fixed: the same letters case.json holds (a letter
            // withheld from this ally is in neither). A draft has no fixed text yet.
            for (var i = 0; i < document.TakedownRequests.Count; i++)
            {
                if (document.TakedownRequests[i] is { FinalText: { } text } letter)
                {
                    var name = LetterFileName(i + 1, letter.Kind, letter.Status);
                    await WriteTextAsync(zip, name, text, request.ExportedUtc, cancellationToken);
                    manifest.Add((name, SHA256.HashData(Encoding.UTF8.GetBytes(text))));
                }
            }

            manifest.Insert(0, (CaseJsonName, await WriteJsonAsync(zip, document, request.ExportedUtc, cancellationToken)));

            if (problems.Count > 0)
            {
                var text = "Some files could not be included exactly as they were received.\n\n" + string.Join("\n", problems) + "\n";
                await WriteTextAsync(zip, ProblemsName, text, request.ExportedUtc, cancellationToken);
            }

            // The format `sha256sum -c` reads: 64 hex digits, two spaces, the name; one line each, "\n" endings.
            var lines = string.Concat(manifest.Select(m => $"{Convert.ToHexStringLower(m.Hash)}  {m.Name}\n"));
            await WriteTextAsync(zip, ManifestName, lines, request.ExportedUtc, cancellationToken);
        }

        await body.FlushAsync(cancellationToken);
        LogWritten(logger, caseId, numbered.Count, body.MostHeld);
    }

    /// <summary>
    /// A letter's entry: <c>letters/001-dmca-notice-sent.txt</c>, numbered by its place in case.json's
    /// <c>takedownRequests</c>, then its kind and status as case.json names them (in kebab case).
    /// </summary>
    public static string LetterFileName(int number, Domain.Takedowns.LetterKind kind, Domain.Takedowns.TakedownStatus status) =>
        string.Create(CultureInfo.InvariantCulture, $"{LettersFolder}{number:D3}-{Kebab(kind.ToString())}-{Kebab(status.ToString())}.txt");

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));

    private async Task WriteExhibitAsync(ZipArchive zip, string fileName, EvidenceItem item, DateTime exportedUtc, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(fileName, CompressionLevel.Fastest);
        entry.LastWriteTime = exportedUtc;
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
    private void LeaveOut(List<string> problems, int number, string fileName, string? problem, EvidenceItem item)
    {
        LogExhibitLeftOut(logger, item.CaseId, item.Id);
        problems.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"Exhibit {number} ({fileName}) is not in this ZIP: {problem}. Its SHA-256 when it was received was {item.Sha256Hex}."));
    }

    /// <summary>
    /// For someone not given the originals: a JPEG or PNG as a copy without its hidden details (made from the original
    /// once it matches its recorded SHA-256), under a name that says so; any other kind stays out.
    /// </summary>
    private async Task<CaseExportEvidence> WriteCopyAsync(
        ZipArchive zip, int number, EvidenceItem item, CaseAudience audience, DateTime exportedUtc, List<(string Name, byte[] Hash)> manifest, List<string> problems, CancellationToken cancellationToken)
    {
        if (!MetadataStripper.Supports(item.Kind))
        {
            return ToExport(number, null, NoCopyProblem, item, audience, detailsShown: true);
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
            LeaveOut(problems, number, fileName, problem, item);
            return ToExport(number, null, problem, item, audience, detailsShown: true);
        }

        try
        {
            var entry = zip.CreateEntry(fileName, CompressionLevel.Fastest);
            entry.LastWriteTime = exportedUtc;
            await using (var entryStream = await entry.OpenAsync(cancellationToken))
            {
                await entryStream.WriteAsync(copy, cancellationToken);
            }

            var hash = SHA256.HashData(copy);
            manifest.Add((fileName, hash));
            return ToExport(number, fileName, null, item, audience, detailsShown: true) with { CopySha256 = Convert.ToHexStringLower(hash), CopyLength = copy.Length };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(copy);
        }
    }

    private static async Task<byte[]> WriteJsonAsync(ZipArchive zip, CaseExportDocument document, DateTime exportedUtc, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(CaseJsonName, CompressionLevel.Optimal);
        entry.LastWriteTime = exportedUtc;
        await using var entryStream = await entry.OpenAsync(cancellationToken);
        using var hashing = new HashingWriteStream(entryStream);
        await JsonSerializer.SerializeAsync(hashing, document, JsonOptions, cancellationToken);
        await hashing.FlushAsync(cancellationToken);
        return hashing.Hash();
    }

    private static async Task WriteTextAsync(ZipArchive zip, string name, string text, DateTime exportedUtc, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = exportedUtc;
        await using var entryStream = await entry.OpenAsync(cancellationToken);
        await entryStream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
    }

    /// <summary>One file's record; for someone evidence images are not shared with, without what could describe or
    /// locate it (name, source, capture time, description, pixel size): its number, kind, size, receipt time and fingerprint stay.</summary>
    private static CaseExportEvidence ToExport(int number, string? fileName, string? problem, EvidenceItem e, CaseAudience audience, bool detailsShown) =>
        detailsShown
            ? new(e.Id, number, fileName, problem, e.Kind.ToString(), e.KindInfo.MediaType, e.OriginalFileName, e.Length, e.Sha256Hex,
                e.ReceivedUtc, audience.IdOf(e.UploadedByUserId), e.SourceUrl, e.CapturedOn, e.CapturedAtTime, e.WhatItShows, e.IncidentId, e.Width, e.Height)
            {
                SourceWords = e.SourceWords,
            }
            : new(e.Id, number, fileName, problem, e.Kind.ToString(), e.KindInfo.MediaType, "", e.Length, e.Sha256Hex,
                e.ReceivedUtc, audience.IdOf(e.UploadedByUserId), "", null, null, "", e.IncidentId, null, null, DetailsWithheld: true);

    private async Task<CaseExportDocument> LoadDocumentAsync(
        CaseExportRequest request, CaseAudience audience, IReadOnlyList<CaseExportEvidence> exhibits, CancellationToken cancellationToken)
    {
        var caseId = request.CaseId;
        var who = audience;
        var record = await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new CaseExportCase(c.Id, c.Title, c.CreatedUtc, c.UpdatedUtc, c.JurisdictionCode, c.Perpetrator, c.ThreatsReceived, c.LegalAction, c.UnderEighteenRoute))
            .SingleAsync(cancellationToken);
        var members = await db.CaseMembers.AsNoTracking().Where(m => m.CaseId == caseId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new CaseExportMember(m.UserId, u.UserName ?? "", m.Role, m.JoinedUtc))
            .ToListAsync(cancellationToken);
        members = members.Where(m => who.Sees(m.UserId)).ToList();

        // The risk assessment is the owner's, and an ally's only when the owner shares it with them (ADR 0014).
        var assessments = !request.RiskAssessmentShared ? [] : (await db.ThreatAssessments.AsNoTracking().Where(a => a.CaseId == caseId).ToListAsync(cancellationToken))
            .OrderBy(a => a.StartedUtc)
            .Select(a => new CaseExportAssessment(a.Id, who.IdOf(a.TakenByUserId), a.StartedUtc, a.UpdatedUtc, a.CompletedUtc, a.QuestionnaireVersion,
                ParseJson(a.AnswersJson), a.Score, a.Level, a.Signals))
            .ToList();
        var steps = (await db.SafetyPlanSteps.AsNoTracking().Where(s => s.CaseId == caseId).ToListAsync(cancellationToken))
            .OrderBy(s => s.StepKey, StringComparer.Ordinal)
            .Select(s => new CaseExportPlanStep(s.StepKey, s.Status, who.IsOwner || s.NoteShared ? s.Note : "", s.NoteShared, s.UpdatedUtc, who.IdOf(s.UpdatedByUserId)))
            .ToList();

        var revisions = (await db.IncidentRevisions.AsNoTracking().Where(r => r.CaseId == caseId).ToListAsync(cancellationToken))
            .ToLookup(r => r.IncidentId);
        var incidents = (await db.Incidents.AsNoTracking().Where(i => i.CaseId == caseId).ToListAsync(cancellationToken))
            .OrderBy(i => i.OccurredSortUtc).ThenBy(i => i.CreatedUtc)
            .Select(i => new CaseExportIncident(
                i.Id, i.Kind, i.OccurredOn, i.OccurredAt, i.TimeZone, i.SeriesEndOn, i.FoundOn, i.Platform, i.Url, i.AccountHandle,
                i.Perpetrator, i.PerpetratorName, i.Narrative, i.EvidenceOfIt, i.WhoYouThink, i.EvidenceOfWho, i.EvidenceStillNeeded,
                i.Concern, i.Revision, i.CreatedUtc, who.IdOf(i.CreatedBy), i.UpdatedUtc, who.IdOf(i.UpdatedBy),
                revisions[i.Id].OrderBy(r => r.Number)
                    .Select(r => new CaseExportIncidentRevision(r.Number, r.SavedUtc, who.IdOf(r.SavedBy), r.ReplacedUtc, who.IdOf(r.ReplacedBy), ParseJson(r.SnapshotJson)))
                    .ToList()))
            .ToList();

        var changes = (await db.SightingStatusChanges.AsNoTracking().Where(c => c.CaseId == caseId).ToListAsync(cancellationToken))
            .ToLookup(c => c.SightingId);
        var sightings = (await db.Sightings.AsNoTracking().Where(s => s.CaseId == caseId).ToListAsync(cancellationToken))
            .OrderBy(s => s.FirstSeenUtc).ThenBy(s => s.Id)
            .Select(s => new CaseExportSighting(s.Id, s.IncidentId, s.Url, s.Platform, s.FirstSeenUtc, s.LastCheckedUtc, s.Status, who.IdOf(s.CreatedBy),
                changes[s.Id].OrderBy(c => c.ChangedUtc)
                    .Select(c => new CaseExportStatusChange(c.From, c.To, c.ChangedUtc, who.IdOf(c.ChangedBy), c.Note))
                    .ToList()))
            .ToList();

        var responses = (await db.TakedownResponses.AsNoTracking().Where(r => r.CaseId == caseId).ToListAsync(cancellationToken))
            .ToLookup(r => r.RequestId);
        // A letter withheld from this ally is left out (ADR 0008); a sender detail kept private is theirs and an advocate's.
        var withheld = await WithheldLetters.IdsAsync(db, caseId, cancellationToken);
        string? Sender(string? value, bool isPrivate) => isPrivate && !request.PrivateSenderDetailsShared ? null : value;
        Guid? Unless(Guid? letter) => letter is { } id && withheld.Contains(id) ? null : letter;
        var requests = (await db.TakedownRequests.AsNoTracking().Include(r => r.Sightings).Where(r => r.CaseId == caseId).ToListAsync(cancellationToken))
            .Where(r => !withheld.Contains(r.Id))
            .OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id)
            .Select(r => new CaseExportTakedownRequest(
                r.Id, r.Kind, r.PlatformId, r.Sightings.Select(s => s.SightingId).Order().ToList(),
                Sender(r.SenderName, r.SenderNamePrivate), r.SenderNamePrivate, Sender(r.SenderEmail, r.SenderEmailPrivate), r.SenderEmailPrivate,
                Sender(r.SenderPostalAddress, r.SenderPostalAddressPrivate), r.SenderPostalAddressPrivate,
                Sender(r.SenderPhone, r.SenderPhonePrivate), r.SenderPhonePrivate, r.SenderActsForPersonShown, r.GoodFaithConfirmed, r.AccuracyConfirmed, r.SignatureConfirmed,
                r.CopyrightBasis, r.CopyrightedWork, r.Reasons, r.SearchTerms, r.LetterDate, r.Status, r.FinalText, r.FinalisedUtc, r.SentOn, r.Channel,
                r.Reference, r.SentUtc, r.Confirmation, r.DueUtc, Unless(r.ReplacesId), Unless(r.FollowsUpId), who.IdOf(r.CreatedBy), r.CreatedUtc, r.UpdatedUtc,
                responses[r.Id].OrderBy(x => x.RecordedUtc)
                    .Select(x => new CaseExportTakedownResponse(x.Id, x.ReceivedOn, x.Outcome, x.Reason, x.Note, who.IdOf(x.RecordedBy), x.RecordedUtc))
                    .ToList()))
            .ToList();

        // Someone who may not see private items (an ally allowed to export) does not learn from the history that they
        // exist: the events about them are left out, as on the history page.
        var hidden = db.ShowPrivateItems ? [] : await PrivateItems.IdsAsync(db, caseId, cancellationToken);
        var all = await db.AuditEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var verification = await audit.VerifyAsync(caseId, cancellationToken);
        var headHash = all.Count == 0 ? null : Convert.ToHexStringLower(all[^1].Hash);
        List<CaseExportAuditEvent> events;
        CaseExportAuditChain chain;
        if (who.SeesWholeHistory)
        {
            events = all.Where(e => !hidden.Contains(e.EntityId))
                .Select(e => new CaseExportAuditEvent(e.Sequence, e.ActorId, e.OccurredUtc, e.Action, e.EntityType, e.EntityId, e.Details,
                    Convert.ToHexStringLower(e.PreviousHash), Convert.ToHexStringLower(e.Hash)))
                .ToList();
            chain = new CaseExportAuditChain(verification.IsIntact, verification.EventsChecked, headHash, verification.BrokenAtSequence, verification.Explanation);
        }
        else
        {
            // An ally learns neither how long the history is nor where events they may not see would sit: what they see is
            // numbered from 1, without the hashes that link it (a link to an unseen event would show the gap), and the
            // server's check of the whole chain is given without its size or the raw number where it broke. Details that
            // name a hidden item (a follow-up's first letter, withheld) are left empty.
            events = all.Where(e => !hidden.Contains(e.EntityId))
                .Select((e, i) => new CaseExportAuditEvent(i + 1, who.IdOf(e.ActorId), e.OccurredUtc, e.Action, e.EntityType,
                    e.EntityType == "CaseMember" && Guid.TryParse(e.EntityId, out var person) ? who.IdOf(person).ToString() : e.EntityId,
                    hidden.Contains(e.Details) ? "" : HistoryWording.DetailsForAlly(e.Action, e.Details, request.RiskAssessmentShared), null, null))
                .ToList();
            chain = new CaseExportAuditChain(verification.IsIntact, null, headHash, null, verification.IsIntact ? null : HistoryWording.BrokenForAlly);
        }

        return new CaseExportDocument(CaseExportDocument.CurrentSchemaVersion, request.ExportedUtc, request.UserId, record, members,
            assessments, steps, incidents, sightings, exhibits, requests, events, chain);
    }

    private static JsonElement ParseJson(string json)
    {
        using var parsed = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
        return parsed.RootElement.Clone();
    }

    /// <summary>What a copy without hidden details adds to an exhibit's name, before the extension.</summary>
    public const string CopySuffix = "-copy-without-details";

    /// <summary>Why a file whose hidden details cannot be taken out is not in the ZIP of an ally without the originals.</summary>
    public const string NoCopyProblem =
        "Not included: this kind of file can carry hidden details (such as where it was made) that cannot be taken out, and the case's owner has not given you the originals.";

    private const string ReadMeOriginalsLine =
        "exhibit-NNN.ext  each evidence file exactly as it was received, numbered in the order it was added\n";

    private const string ReadMeCopiesLine =
        "exhibit-NNN-copy-without-details.ext  a copy of each evidence picture without its hidden details, numbered in the order it was added\n";

    private const string FilesAsCopies =
        "\nThe evidence pictures in this ZIP are copies, not the originals: their hidden details (such as where a photo was\n"
        + "taken, which phone took it and when) have been taken out, and the picture itself is unchanged. The case's owner\n"
        + "keeps the originals. manifest.sha256 lists each copy's own SHA-256. In case.json, \"sha256\" is the fingerprint of the\n"
        + "original as it was received (the one recorded as evidence) and \"copySha256\" the copy's. Files whose hidden\n"
        + "details cannot be taken out (such as videos, PDFs and HEIC photos) are not included; case.json lists them.\n";

    /// <summary>Why an exhibit is not in the ZIP of an ally the owner has not shown evidence images to (case.json's <c>problem</c>).</summary>
    public const string NotSharedProblem = "Not included: the case's owner has not shared evidence images with you.";

    private const string FilesNotShared =
        "\nThe evidence files themselves are not in this ZIP: the case's owner has not shared evidence images with you.\n"
        + "case.json still lists each one with its SHA-256 fingerprint, and the binder shows each as withheld.\n";

    private const string ReadMe =
        "This ZIP holds everything kept in one case.\n\n"
        + "case.json        every record of the case (the format is described in the app's docs/export-format.md)\n"
        + ReadMeOriginalsLine
        + "binder.pdf       the evidence binder: a printable record of the case to hand to the police, a lawyer or a\n"
        + "                 platform (a summary, the incident log, each exhibit with its fingerprint, where the content\n"
        + "                 was found, the takedown letters and how to check it all). It holds every part; to choose\n"
        + "                 the parts or obscure pictures before you hand it over, make one on the case's \"Evidence\n"
        + "                 binder\" page instead\n"
        + "letters/         each finalised letter word for word, one text file each, named NNN-kind-status.txt\n"
        + "                 in the order case.json lists them (drafts are not included: their words are not fixed yet)\n"
        + "manifest.sha256  the SHA-256 of each file, to check nothing has changed\n"
        + "problems.txt     only present when a file could not be included exactly as received\n\n"
        + "To check the files, open a terminal in this folder and run:\n"
        + "  Linux:   sha256sum -c manifest.sha256\n"
        + "  macOS:   shasum -a 256 -c manifest.sha256\n"
        + "  Windows: Get-FileHash exhibit-001.png -Algorithm SHA256   (compare with the line in manifest.sha256)\n\n"
        + "These files are private. Keep this ZIP somewhere only you can reach, and delete it from shared or borrowed devices.\n";

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
