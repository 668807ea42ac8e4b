using System.Globalization;
using IncidentResponse.Documents;
using IncidentResponse.Documents.Html;
using IncidentResponse.Documents.Model;
using IncidentResponse.Documents.Pdf;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Domain.Incidents;
using IncidentResponse.Domain.Safety;
using IncidentResponse.Domain.Takedowns;
using IncidentResponse.Web.Accounts;
using IncidentResponse.Web.Pages.Cases.Evidence;
using IncidentResponse.Web.Takedowns;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Binder;

/// <summary>One exhibit as the binder sees it: its number, its row, and what the check at export time found.</summary>
public sealed record BinderExhibit(int Number, EvidenceItem Item, Redaction Redaction, string? Problem)
{
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

/// <summary>
/// The evidence binder: reads a case in a fixed number of queries whatever its size, checks every evidence file
/// against the fingerprint recorded when it was received, and builds the document the person chose; then renders it
/// as HTML for their own browser or prints it to PDF through the shared Chromium printer. Pictures reach the printer
/// only as metadata-free copies (<see cref="MetadataStripper"/>), and obscured ones only as a tiny pixelated
/// rendering; withheld ones not at all. Nothing decrypted touches the disk.
/// </summary>
public sealed partial class BinderService(
    AppDbContext db,
    EvidenceService evidence,
    DocumentHtmlRenderer renderer,
    ChromiumPdfPrinter printer,
    PdfFirstPage firstPages,
    AuditTrail audit,
    PlatformDirectory platforms,
    TimeProvider clock,
    LocalTimes times,
    ILogger<BinderService> logger)
{
    /// <summary>How many pixels across an obscured picture is rendered; a screenshot-shaped picture gets a few hundred in all.</summary>
    public const int ObscuredWidth = 16;

    private const string ExhibitResource = "exhibit/";
    private const string ObscuredResource = "obscured/";

    /// <summary>Shown, in the picture's place, when a PDF exhibit's first page could not be drawn (a file poppler cannot read).</summary>
    private static readonly byte[] FirstPageNotDrawn = System.Text.Encoding.UTF8.GetBytes(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"1414\" viewBox=\"0 0 1000 1414\">"
        + "<rect x=\"8\" y=\"8\" width=\"984\" height=\"1398\" fill=\"#e6e6e6\" stroke=\"#444\" stroke-width=\"6\" stroke-dasharray=\"24 12\"/>"
        + "<text x=\"500\" y=\"660\" font-family=\"sans-serif\" font-size=\"44\" font-weight=\"bold\" text-anchor=\"middle\">The first page of this PDF</text>"
        + "<text x=\"500\" y=\"720\" font-family=\"sans-serif\" font-size=\"44\" font-weight=\"bold\" text-anchor=\"middle\">could not be drawn.</text>"
        + "<text x=\"500\" y=\"800\" font-family=\"sans-serif\" font-size=\"36\" text-anchor=\"middle\">The file is in the case's export, exactly as received.</text>"
        + "</svg>");

    /// <summary>Stands in for every picture in the first print, which only finds where the pages fall.</summary>
    private static readonly byte[] EmptyPicture = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>"u8.ToArray();

    public bool IsPdfAvailable => printer.IsChromiumInstalled;

    /// <summary>Reads and checks the case and builds the binder's content. Never aborts on a damaged file: it becomes a problem page.</summary>
    public async Task<BinderDocument> BuildDocumentAsync(Guid caseId, BinderOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = options.Effective();
        var data = await LoadAsync(caseId, cancellationToken);
        if (!options.AssessmentShown)
        {
            // The risk assessment is not this person's to see (ADR 0014): it never reaches the composer.
            data = data with { Assessment = null };
        }

        var exhibits = new List<BinderExhibit>(data.Evidence.Count);
        var recorded = data.AuditEvents
            .Where(e => e.Action == AuditActions.EvidenceAdded)
            .GroupBy(e => e.EntityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        for (var i = 0; i < data.Evidence.Count; i++)
        {
            var item = data.Evidence[i];
            var redaction = options.RedactionOf(item.Id, item.Kind);
            var problem = recorded.TryGetValue(item.Id.ToString(), out var added) && item.MatchesAddedEvent(added)
                ? await CheckAsync(item, redaction, cancellationToken)
                : "Its fingerprint is not the one the case's history recorded when the file was received.";
            if (problem is not null)
            {
                LogExhibitProblem(logger, caseId, item.Id);
            }

            exhibits.Add(new BinderExhibit(i + 1, item, redaction, problem));
        }

        var verification = audit.Verify(caseId, data.AuditEvents, await audit.HeadAsync(caseId, cancellationToken));
        var head = data.AuditEvents.Count == 0 ? null : new AuditChainHead(data.AuditEvents[^1].Sequence, data.AuditEvents[^1].Hash);
        var document = new BinderComposer(
            data, exhibits, verification, head, options, platforms, clock.GetUtcNow(), new BinderPictures(firstPages.IsAvailable, printer.IsChromiumInstalled), times).Compose();
        return new BinderDocument(document, exhibits, verification, head);
    }

    /// <summary>
    /// Builds, checks and prints the binder as PDF into <paramref name="destination"/> (bytes are written only once the
    /// whole PDF is ready, so a failure leaves it untouched).
    /// </summary>
    /// <exception cref="PdfRendererUnavailableException">Chromium is missing or does not start.</exception>
    public async Task<BinderDocument> WritePdfAsync(Guid caseId, BinderOptions options, Stream destination, CancellationToken cancellationToken)
    {
        if (!printer.IsChromiumInstalled)
        {
            throw new PdfRendererUnavailableException("Chromium is not installed, so PDFs cannot be made here.");
        }

        var binder = await BuildDocumentAsync(caseId, options, cancellationToken);
        await WritePdfAsync(binder, destination, cancellationToken);
        return binder;
    }

    /// <summary>
    /// Prints an already built binder. Obscured pictures are pixelated first (each a separate small job for the
    /// browser, never inside a print, so concurrent prints cannot wait on each other); then pictures are decrypted as the
    /// page asks for them, a few at a time (<see cref="ChromiumPdfPrinterOptions.MaxConcurrentResources"/>).
    /// </summary>
    public async Task WritePdfAsync(BinderDocument binder, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(binder);
        var byNumber = binder.Exhibits.ToDictionary(e => e.Number);
        var pixelated = new Dictionary<string, (byte[] Bytes, string ContentType)?>(StringComparer.Ordinal);
        foreach (var exhibit in binder.Exhibits.Where(e => e.Redaction == Redaction.Obscure))
        {
            pixelated[ResourceName(exhibit, obscured: true)] = await PictureAsync(exhibit, obscured: true, cancellationToken);
        }

        var pdfOptions = PdfOptions.For(binder.Document);
        var pages = await ContentsPagesAsync(binder.Document, pdfOptions, cancellationToken);
        var html = await renderer.RenderAsync(binder.Document, new HtmlViewOptions { ContentsPageNumbers = pages }, cancellationToken);
        // The printer answers the page's requests a few at a time, so memory holds a few pictures, not the whole case.
        await printer.PrintAsync(
            html,
            async (name, ct) => pixelated.TryGetValue(name, out var tiny)
                ? tiny
                : await ResolveAsync(name, number => Task.FromResult(byNumber.GetValueOrDefault(number)), allowObscured: false, ct),
            destination,
            pdfOptions,
            cancellationToken);
    }

    /// <summary>
    /// Where each section and exhibit the contents list names begins, from a first print of the same document with
    /// every picture replaced by an empty one: pictures sit in fixed-size boxes, so the pages fall exactly as in the
    /// real print, and the first print costs the text only (no file is decrypted for it). Null when the binder has
    /// no contents list.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, int>?> ContentsPagesAsync(DocumentModel document, PdfOptions pdfOptions, CancellationToken cancellationToken)
    {
        if (!document.Sections.Any(s => s.Blocks.OfType<TableOfContents>().Any()))
        {
            return null;
        }

        var draft = await renderer.RenderAsync(
            document, new HtmlViewOptions { ContentsPageNumbers = new Dictionary<string, int>(StringComparer.Ordinal) }, cancellationToken);
        return await printer.MapPagesAsync(
            draft,
            (name, _) => Task.FromResult<(byte[] Bytes, string ContentType)?>(
                name.StartsWith(ExhibitResource, StringComparison.Ordinal) || name.StartsWith(ObscuredResource, StringComparison.Ordinal)
                    ? (EmptyPicture, "image/svg+xml")
                    : null),
            pdfOptions,
            cancellationToken);
    }

    /// <summary>The same binder as one HTML page for the person's own browser, its pictures under <paramref name="resourcePrefix"/>.</summary>
    public async Task<string> RenderHtmlAsync(BinderDocument binder, string resourcePrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(binder);
        return await renderer.RenderAsync(
            binder.Document,
            new HtmlViewOptions
            {
                ResourcePrefix = resourcePrefix,
                ScreenNote = "This is your binder, ready to print. Use your browser's Print command (Ctrl+P, or ⌘P on a Mac) "
                    + "and choose a printer or \"Save as PDF\". This note is not printed.",
            },
            cancellationToken);
    }

    /// <summary>
    /// A picture for the browser-printable view, by the resource name the document uses (<c>exhibit/3</c> for the
    /// metadata-free picture, <c>obscured/3</c> for its pixelated rendering); null when there is none to show.
    /// </summary>
    public async Task<(byte[] Bytes, string ContentType)?> ResourceAsync(Guid caseId, string name, CancellationToken cancellationToken)
    {
        return await ResolveAsync(name, FindAsync, allowObscured: true, cancellationToken);

        async Task<BinderExhibit?> FindAsync(int number)
        {
            var item = await OrderedEvidence(caseId).Skip(number - 1).FirstOrDefaultAsync(cancellationToken);
            return item is null ? null : new BinderExhibit(number, item, Redaction.None, null);
        }
    }

    /// <summary>Records that a binder was made: its form, preset and counts only, never its content.</summary>
    public async Task RecordMadeAsync(Guid caseId, Guid userId, string format, BinderOptions options, BinderDocument binder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(binder);
        var details = string.Create(
            CultureInfo.InvariantCulture,
            $"{format} preset:{options.Preset} sections:{options.Sections.Count} exhibits:{binder.Exhibits.Count} problems:{binder.Problems} head:{binder.AuditHead?.Sequence ?? 0}");
        await audit.RecordAsync(caseId, userId, AuditActions.BinderMade, "Case", caseId.ToString(), details, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string ResourceName(BinderExhibit exhibit, bool obscured) =>
        (obscured ? ObscuredResource : ExhibitResource) + exhibit.Number.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether a kind is printed as a picture: only those whose metadata can be removed.</summary>
    public static bool IsPrintable(EvidenceKind kind) => MetadataStripper.Supports(kind);

    private async Task<(byte[] Bytes, string ContentType)?> ResolveAsync(
        string name, Func<int, Task<BinderExhibit?>> find, bool allowObscured, CancellationToken cancellationToken)
    {
        var obscured = name.StartsWith(ObscuredResource, StringComparison.Ordinal);
        var numberText = obscured ? name[ObscuredResource.Length..] : name.StartsWith(ExhibitResource, StringComparison.Ordinal) ? name[ExhibitResource.Length..] : "";
        if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1
            || (obscured && !allowObscured) || await find(number) is not { } exhibit)
        {
            return null;
        }

        return await PictureAsync(exhibit, obscured, cancellationToken);
    }

    private async Task<(byte[] Bytes, string ContentType)?> PictureAsync(BinderExhibit exhibit, bool obscured, CancellationToken cancellationToken)
    {
        var isPdf = exhibit.Item.Kind == EvidenceKind.Pdf;
        if ((!IsPrintable(exhibit.Item.Kind) && !(isPdf && firstPages.IsAvailable)) || exhibit.Problem is not null)
        {
            return null;
        }

        // A withheld exhibit has no picture in the document; an obscured one is never served in full to the printer.
        if (exhibit.Redaction == Redaction.Withhold || (exhibit.Redaction == Redaction.Obscure && !obscured))
        {
            return null;
        }

        byte[]? picture;
        string contentType;
        try
        {
            if (isPdf)
            {
                await using var original = await evidence.OpenOriginalAsync(exhibit.Item, cancellationToken);
                picture = await firstPages.DrawAsync(original, cancellationToken);
                contentType = "image/png";
                if (picture is null && !obscured)
                {
                    return (FirstPageNotDrawn, "image/svg+xml");
                }
            }
            else
            {
                picture = await evidence.PreviewAsync(exhibit.Item, cancellationToken);
                contentType = exhibit.Item.KindInfo.MediaType;
            }
        }
        catch (Exception exception) when (exception is EvidenceIntegrityException or IOException)
        {
            return null;
        }

        if (picture is null)
        {
            return null;
        }

        if (!obscured)
        {
            return (picture, contentType);
        }

        try
        {
            var tiny = await printer.PixelateAsync(picture, contentType, ObscuredWidth, cancellationToken);
            return tiny is null ? null : (tiny, "image/png");
        }
        catch (PdfRendererUnavailableException)
        {
            return null;
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(picture);
        }
    }

    /// <summary>Checks one file at export time; null when it is exactly what was received (and, for a picture, can be shown without its metadata).</summary>
    private async Task<string?> CheckAsync(EvidenceItem item, Redaction redaction, CancellationToken cancellationToken)
    {
        if (!IsPrintable(item.Kind) || redaction == Redaction.Withhold)
        {
            return await evidence.CheckAsync(item, cancellationToken) is { } problem ? Sentence(problem) : null;
        }

        try
        {
            var stripped = await evidence.PreviewAsync(item, cancellationToken);
            if (stripped is null)
            {
                return "The picture could not be read to remove its hidden details (location, device), so it is not shown.";
            }

            System.Security.Cryptography.CryptographicOperations.ZeroMemory(stripped);
            return null;
        }
        catch (EvidenceIntegrityException)
        {
            return await evidence.CheckAsync(item, cancellationToken) is { } problem
                ? Sentence(problem)
                : "The stored file could not be opened.";
        }
        catch (FileNotFoundException)
        {
            return "The stored file is missing.";
        }
    }

    private static string Sentence(string problem) => char.ToUpperInvariant(problem[0]) + problem[1..] + ".";

    private IQueryable<EvidenceItem> OrderedEvidence(Guid caseId) =>
        db.EvidenceItems.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.ReceivedUtc).ThenBy(e => e.Id);

    /// <summary>Everything the binder prints, in eleven queries whatever the size of the case (up to two more for an ally).</summary>
    private async Task<BinderData> LoadAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var theCase = await db.Cases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new CaseFacts(c.Title, c.CreatedUtc, c.JurisdictionCode))
            .SingleAsync(cancellationToken);
        var assessment = await db.ThreatAssessments.AsNoTracking()
            .Where(a => a.CaseId == caseId && a.CompletedUtc != null)
            .OrderByDescending(a => a.CompletedUtc)
            .FirstOrDefaultAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.CaseId == caseId)
            .OrderBy(i => i.OccurredSortUtc).ThenBy(i => i.CreatedUtc)
            .ToListAsync(cancellationToken);
        var sightings = await db.Sightings.AsNoTracking().Where(s => s.CaseId == caseId)
            .OrderBy(s => s.FirstSeenUtc).ThenBy(s => s.Url)
            .ToListAsync(cancellationToken);
        var changes = await db.SightingStatusChanges.AsNoTracking().Where(c => c.CaseId == caseId)
            .OrderBy(c => c.ChangedUtc)
            .ToListAsync(cancellationToken);
        var requests = await db.TakedownRequests.AsNoTracking().Where(r => r.CaseId == caseId)
            .OrderBy(r => r.CreatedUtc)
            .ToListAsync(cancellationToken);
        var requestSightings = await db.TakedownRequestSightings.AsNoTracking()
            .Where(rs => db.TakedownRequests.Any(r => r.Id == rs.RequestId && r.CaseId == caseId))
            .ToListAsync(cancellationToken);
        var responses = await db.TakedownResponses.AsNoTracking().Where(a => a.CaseId == caseId)
            .OrderBy(a => a.ReceivedOn).ThenBy(a => a.RecordedUtc)
            .ToListAsync(cancellationToken);

        // A letter withheld from this ally (ADR 0008) is left out with its places and answers, like a private entry.
        var withheld = await WithheldLetters.IdsAsync(db, caseId, cancellationToken);
        requests.RemoveAll(r => withheld.Contains(r.Id));
        requestSightings.RemoveAll(rs => withheld.Contains(rs.RequestId));
        responses.RemoveAll(a => withheld.Contains(a.RequestId));
        var items = await OrderedEvidence(caseId).ToListAsync(cancellationToken);
        var uploaders = items.Select(i => i.UploadedByUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => uploaders.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName })
            .ToDictionaryAsync(u => u.Id, u => u.UserName ?? "", cancellationToken);
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.CaseId == caseId)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        return new BinderData(theCase, assessment, incidents, sightings, changes, requests, requestSightings, responses, items, names, events);
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Evidence {EvidenceId} of case {CaseId} failed its check while a binder was made")]
    private static partial void LogExhibitProblem(ILogger logger, Guid caseId, Guid evidenceId);
}

/// <summary>What the server can draw for a binder: PDF exhibits' first pages (poppler), obscured pictures (Chromium).</summary>
internal sealed record BinderPictures(bool PdfFirstPages, bool Obscuring);

internal sealed record CaseFacts(string Title, DateTime CreatedUtc, string JurisdictionCode);

internal sealed record BinderData(
    CaseFacts Case,
    ThreatAssessment? Assessment,
    IReadOnlyList<Incident> Incidents,
    IReadOnlyList<Sighting> Sightings,
    IReadOnlyList<SightingStatusChange> Changes,
    IReadOnlyList<TakedownRequest> Requests,
    IReadOnlyList<TakedownRequestSighting> RequestSightings,
    IReadOnlyList<TakedownResponse> Responses,
    IReadOnlyList<EvidenceItem> Evidence,
    IReadOnlyDictionary<Guid, string> UserNames,
    IReadOnlyList<AuditEventRecord> AuditEvents);
