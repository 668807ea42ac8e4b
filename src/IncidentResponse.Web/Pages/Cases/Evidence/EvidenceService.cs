using System.Security.Cryptography;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Evidence;

/// <summary>Why a file was not kept. Each has one plain message (<see cref="EvidenceWording.Refusal"/>).</summary>
public enum EvidenceRefusal
{
    Empty,
    NotAccepted,
    TooLarge,
    ImageUnreadable,
    ImageTooManyPixels,

    /// <summary>The case keeps words only (<see cref="Domain.Cases.Case.WordsOnly"/>): no file of any kind is stored.</summary>
    NotStoredForUnderEighteen,
}

/// <summary>
/// A file read, checked and sealed into a pending blob, not yet kept: <see cref="EvidenceService.KeepAsync"/> keeps
/// it; disposing it without keeping deletes the partial blob, so a refused upload leaves nothing behind.
/// </summary>
public sealed class ReceivedEvidence : IAsyncDisposable
{
    internal ReceivedEvidence(Guid evidenceId, IPendingEvidenceBlob blob, SealedEvidence sealedEvidence, EvidenceKind kind, int? width, int? height, RevealedDetails revealed)
    {
        EvidenceId = evidenceId;
        Revealed = revealed;
        Blob = blob;
        Sealed = sealedEvidence;
        Kind = kind;
        Width = width;
        Height = height;
    }

    /// <summary>The id the file will be kept under, chosen before sealing: its wrapped key is bound to it.</summary>
    public Guid EvidenceId { get; }

    internal IPendingEvidenceBlob Blob { get; }

    public SealedEvidence Sealed { get; }

    public EvidenceKind Kind { get; }

    public int? Width { get; }

    public int? Height { get; }

    /// <summary>What the image's hidden details give away (kinds only), to tell the person who added it.</summary>
    public RevealedDetails Revealed { get; }

    public ValueTask DisposeAsync() => Blob.DisposeAsync();
}

/// <summary>The outcome of reading an uploaded file: either received (to keep or dispose) or refused, with why.</summary>
public sealed record EvidenceIntake(ReceivedEvidence? Received, EvidenceRefusal? Refusal, string? Detail = null)
{
    public static EvidenceIntake Refused(EvidenceRefusal refusal, string? detail = null) => new(null, refusal, detail);
}

/// <summary>What the person said about a file when adding it.</summary>
public sealed record EvidenceDescription(
    string OriginalFileName,
    string SourceUrl,
    DateOnly? CapturedOn,
    TimeOnly? CapturedAtTime,
    string WhatItShows,
    Guid? IncidentId,
    Guid? TakedownRequestId = null,
    string SourceWords = "");

/// <summary>
/// The web side of the evidence vault: takes an upload's bytes from a stream (never a temp file), decides what the
/// file is from its bytes, checks it, seals it under the case's key, and later opens it again, bit-exact, or as an
/// EXIF-free preview. Plaintext only ever passes through memory.
/// </summary>
public sealed partial class EvidenceService(
    AppDbContext db,
    EvidenceVault vault,
    IEvidenceBlobStore store,
    MasterKey masterKey,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<EvidenceService> logger)
{
    /// <summary>
    /// Each case's key as stored (still wrapped, bound to its case), read once per request: a binder or an export over
    /// many files would otherwise query it once per file. Unwrapped only for each use, and destroyed after it.
    /// </summary>
    private readonly Dictionary<Guid, byte[]> _wrappedCaseKeys = [];

    /// <summary>
    /// Reads <paramref name="content"/> to its end (or until it is refused), sniffs it, and seals it into a pending blob.
    /// Images are held in memory (at most <see cref="EvidenceLimits.ImageMaxBytes"/>) so their declared size can be
    /// checked before anything is kept; other kinds stream straight through the vault.
    /// A words-only case (<see cref="Domain.Cases.Case.WordsOnly"/>) is refused every file, of any kind, before a byte
    /// of it is read: this is the one place every stored file passes, so no page can get around it.
    /// </summary>
    public async Task<EvidenceIntake> ReceiveAsync(Guid caseId, Stream content, CancellationToken cancellationToken)
    {
        if (await IsWordsOnlyAsync(caseId, cancellationToken))
        {
            return Refuse(caseId, EvidenceRefusal.NotStoredForUnderEighteen);
        }

        var sniffed = await FileSniffer.SniffAsync(content, cancellationToken);
        await using var plaintext = sniffed.Content;
        if (!sniffed.Result.IsKnown)
        {
            var first = new byte[1];
            var isEmpty = await plaintext.ReadAsync(first, cancellationToken) == 0;
            return Refuse(caseId, isEmpty ? EvidenceRefusal.Empty : EvidenceRefusal.NotAccepted);
        }

        var info = sniffed.Result.Info;
        int? width = null;
        int? height = null;
        var revealed = RevealedDetails.None;
        Stream toSeal = plaintext;
        MemoryStream? image = null;
        try
        {
            if (info.Category == EvidenceCategory.Image)
            {
                image = await BufferAsync(plaintext, info.MaxBytes, cancellationToken);
                if (image is null)
                {
                    return Refuse(caseId, EvidenceRefusal.TooLarge);
                }

                var inspection = ImageInspector.Inspect(image, info.Kind);
                if (!inspection.IsAccepted)
                {
                    return Refuse(
                        caseId,
                        inspection.Outcome == ImageInspectionOutcome.TooManyPixels ? EvidenceRefusal.ImageTooManyPixels : EvidenceRefusal.ImageUnreadable,
                        inspection.Problem);
                }

                (width, height) = (inspection.Width, inspection.Height);
                image.Position = 0;
                revealed = RevealingMetadata.Find(image, info.Kind);
                image.Position = 0;
                toSeal = image;
            }

            var caseKey = await CaseKeyAsync(caseId, create: true, cancellationToken);
            var pending = await store.CreateAsync(cancellationToken);
            try
            {
                var evidenceId = Guid.NewGuid();
                var sealedEvidence = await vault.SealAsync(toSeal, caseKey, evidenceId, pending.Content, info.MaxBytes, cancellationToken);
                return new EvidenceIntake(new ReceivedEvidence(evidenceId, pending, sealedEvidence, info.Kind, width, height, revealed), null);
            }
            catch (EvidenceTooLargeException)
            {
                await pending.DisposeAsync();
                return Refuse(caseId, EvidenceRefusal.TooLarge);
            }
            catch
            {
                await pending.DisposeAsync();
                throw;
            }
            finally
            {
                CaseKeys.Destroy(caseKey);
            }
        }
        finally
        {
            if (image is not null)
            {
                CryptographicOperations.ZeroMemory(image.GetBuffer());
                await image.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Keeps a received file: commits its blob, then saves its row and audit event in one save. If that save fails the
    /// blob is deleted again, so no file is ever kept without its row.
    /// </summary>
    public Task<Guid> KeepAsync(Guid caseId, Guid userId, ReceivedEvidence received, EvidenceDescription description, CancellationToken cancellationToken) =>
        KeepAsync(caseId, userId, received, description, _ => { }, cancellationToken);

    /// <summary>
    /// As above; <paramref name="beforeSave"/> is given the kept item's address and may add rows of its own (the form's
    /// submission key) to the same save.
    /// </summary>
    public async Task<Guid> KeepAsync(
        Guid caseId, Guid userId, ReceivedEvidence received, EvidenceDescription description, Action<string> beforeSave, CancellationToken cancellationToken)
    {
        var item = new EvidenceItem
        {
            Id = received.EvidenceId,
            CaseId = caseId,
            BlobId = received.Blob.BlobId,
            Kind = received.Kind,
            OriginalFileName = description.OriginalFileName,
            Length = received.Sealed.Length,
            Sha256 = received.Sealed.Sha256,
            WrappedFileKey = received.Sealed.WrappedFileKey,
            ReceivedUtc = clock.GetUtcNow().UtcDateTime,
            UploadedByUserId = userId,
            SourceUrl = description.SourceUrl,
            SourceWords = description.SourceWords,
            CapturedOn = description.CapturedOn,
            CapturedAtTime = description.CapturedAtTime,
            WhatItShows = description.WhatItShows,
            IncidentId = description.IncidentId,
            TakedownRequestId = description.TakedownRequestId,
            Width = received.Width,
            Height = received.Height,
            RevealedDetails = received.Revealed,
        };
        db.EvidenceItems.Add(item);
        await audit.RecordAsync(caseId, userId, AuditActions.EvidenceAdded, nameof(EvidenceItem), item.Id.ToString(), item.AddedEventDetails, cancellationToken);
        beforeSave($"/cases/{caseId}/evidence/{item.Id}");
        await received.Blob.CommitAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await store.DeleteAsync(item.BlobId, CancellationToken.None);
            throw;
        }

        LogKept(logger, caseId, item.Id, item.Kind);
        return item.Id;
    }

    /// <summary>A readable stream of the original bytes, each chunk verified before it is read.</summary>
    /// <exception cref="EvidenceIntegrityException">The case key or the file's key does not open.</exception>
    public async Task<Stream> OpenOriginalAsync(EvidenceItem item, CancellationToken cancellationToken)
    {
        var caseKey = await CaseKeyAsync(item.CaseId, create: false, cancellationToken);
        try
        {
            var ciphertext = await store.OpenReadAsync(item.BlobId, cancellationToken);
            try
            {
                return vault.OpenRead(ciphertext, item.WrappedFileKey, caseKey, item.Id);
            }
            catch
            {
                await ciphertext.DisposeAsync();
                throw;
            }
        }
        finally
        {
            CaseKeys.Destroy(caseKey);
        }
    }

    /// <summary>
    /// Decrypts the whole file (keeping nothing) and checks it against the length and SHA-256 recorded when it was
    /// received; null when it matches, otherwise what is wrong.
    /// </summary>
    public async Task<string?> CheckAsync(EvidenceItem item, CancellationToken cancellationToken)
    {
        byte[] caseKey;
        try
        {
            caseKey = await CaseKeyAsync(item.CaseId, create: false, cancellationToken);
        }
        catch (EvidenceIntegrityException)
        {
            return "the case's key does not open";
        }

        try
        {
            await using var ciphertext = await store.OpenReadAsync(item.BlobId, cancellationToken);
            var opened = await vault.OpenAsync(ciphertext, item.WrappedFileKey, caseKey, item.Id, Stream.Null, cancellationToken);
            return opened.Length == item.Length && opened.Sha256.AsSpan().SequenceEqual(item.Sha256)
                ? null
                : "the file does not match the SHA-256 recorded when it was received";
        }
        catch (EvidenceIntegrityException)
        {
            return "the stored file has been altered or damaged";
        }
        catch (FileNotFoundException)
        {
            return "the stored file is missing";
        }
        finally
        {
            CaseKeys.Destroy(caseKey);
        }
    }

    /// <summary>
    /// A copy of a JPEG or PNG without its metadata (GPS, camera, comments), for showing on screen and for everyone not
    /// given the originals (a download, an export); null for other kinds.
    /// The original is verified against its recorded SHA-256 first.
    /// </summary>
    /// <exception cref="EvidenceIntegrityException">The file does not decrypt, or is not what was received.</exception>
    public async Task<byte[]?> PreviewAsync(EvidenceItem item, CancellationToken cancellationToken)
    {
        if (!MetadataStripper.Supports(item.Kind))
        {
            return null;
        }

        var caseKey = await CaseKeyAsync(item.CaseId, create: false, cancellationToken);
        // Sized to the recorded length up front: one buffer each for the plaintext and the stripped copy, none
        // outgrown and dropped on the way (each a copy of the picture the GC would have to reclaim, and one that
        // could not be wiped). A file longer than recorded still fits (the stream grows), and then fails the check.
        var capacity = (int)Math.Clamp(item.Length, 0, Array.MaxLength);
        using var original = new MemoryStream(capacity);
        MemoryStream? stripped = null;
        byte[]? picture = null;
        try
        {
            await using var ciphertext = await store.OpenReadAsync(item.BlobId, cancellationToken);
            var opened = await vault.OpenAsync(ciphertext, item.WrappedFileKey, caseKey, item.Id, original, cancellationToken);
            if (opened.Length != item.Length || !opened.Sha256.AsSpan().SequenceEqual(item.Sha256))
            {
                throw new EvidenceIntegrityException("The file does not match the SHA-256 recorded when it was received.");
            }

            original.Position = 0;
            stripped = new MemoryStream(capacity);
            var result = MetadataStripper.Strip(original, stripped, item.Kind);
            if (!result.Succeeded)
            {
                return null;
            }

            // Nothing removed (the usual case for a screenshot): the buffer is exactly the picture, handed over as is.
            picture = stripped.Length == stripped.Capacity ? stripped.GetBuffer() : stripped.ToArray();
            return picture;
        }
        finally
        {
            CaseKeys.Destroy(caseKey);
            CryptographicOperations.ZeroMemory(original.GetBuffer());
            if (stripped is not null && !ReferenceEquals(stripped.GetBuffer(), picture))
            {
                CryptographicOperations.ZeroMemory(stripped.GetBuffer());
            }

            stripped?.Dispose();
        }
    }

    /// <summary>The case's key, unwrapped; the caller destroys it after use. Created (and saved on its own) when asked.</summary>
    private async Task<byte[]> CaseKeyAsync(Guid caseId, bool create, CancellationToken cancellationToken)
    {
        var wrapped = _wrappedCaseKeys.GetValueOrDefault(caseId) ?? await db.CaseEvidenceKeys.AsNoTracking()
            .Where(k => k.CaseId == caseId)
            .Select(k => k.WrappedKey)
            .SingleOrDefaultAsync(cancellationToken);
        if (wrapped is not null)
        {
            _wrappedCaseKeys[caseId] = wrapped;
            return CaseKeys.Unwrap(wrapped, masterKey.CaseKeyWrapping, caseId);
        }

        if (!create)
        {
            throw new EvidenceIntegrityException("This case has no evidence key.");
        }

        var caseKey = CaseKeys.Create();
        var row = new CaseEvidenceKey
        {
            CaseId = caseId,
            WrappedKey = CaseKeys.Wrap(caseKey, masterKey.CaseKeyWrapping, caseId),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.CaseEvidenceKeys.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return caseKey;
        }
        catch (DbUpdateException)
        {
            // Another upload to this case created its key first: use that one.
            CaseKeys.Destroy(caseKey);
            db.Entry(row).State = EntityState.Detached;
            return await CaseKeyAsync(caseId, create: false, cancellationToken);
        }
    }

    /// <summary>Whether the case keeps words only; a case that cannot be found keeps nothing either.</summary>
    public async Task<bool> IsWordsOnlyAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking()
            .Where(c => c.Id == caseId)
            .Select(c => new { c.UnderEighteenRoute, c.UnderEighteenNow, c.MadeUnderEighteen })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null || Case.IsWordsOnly(found.UnderEighteenRoute, found.UnderEighteenNow, found.MadeUnderEighteen);
    }

    /// <summary>Copies at most <paramref name="maxBytes"/> into memory; null when there is more.</summary>
    private static async Task<MemoryStream?> BufferAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            while (true)
            {
                var read = await source.ReadAsync(chunk, cancellationToken);
                if (read == 0)
                {
                    buffer.Position = 0;
                    return buffer;
                }

                if (buffer.Length + read > maxBytes)
                {
                    CryptographicOperations.ZeroMemory(buffer.GetBuffer());
                    await buffer.DisposeAsync();
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(chunk);
        }
    }

    private EvidenceIntake Refuse(Guid caseId, EvidenceRefusal refusal, string? detail = null)
    {
        LogRefused(logger, caseId, refusal);
        return EvidenceIntake.Refused(refusal, detail);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Evidence {EvidenceId} of kind {Kind} kept for case {CaseId}")]
    private static partial void LogKept(ILogger logger, Guid caseId, Guid evidenceId, EvidenceKind kind);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "An upload to case {CaseId} was refused: {Refusal}")]
    private static partial void LogRefused(ILogger logger, Guid caseId, EvidenceRefusal refusal);
}
