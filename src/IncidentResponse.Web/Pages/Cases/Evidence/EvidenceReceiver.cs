using System.Security.Cryptography;
using IncidentResponse.Domain.Audit;
using IncidentResponse.Domain.Cases;
using IncidentResponse.Domain.Data;
using IncidentResponse.Domain.Evidence;
using Microsoft.EntityFrameworkCore;

namespace IncidentResponse.Web.Pages.Cases.Evidence;

/// <summary>
/// Takes a file into the evidence vault: reads an upload's bytes from a stream (never a temp file), decides what the
/// file is from its bytes, checks it and seals it under the case's key (<see cref="ReceiveAsync"/>), then keeps it with
/// its row and audit event (<see cref="KeepAsync(Guid, Guid, ReceivedEvidence, EvidenceDescription, CancellationToken)"/>).
/// Plaintext only ever passes through memory.
/// </summary>
public sealed partial class EvidenceReceiver(
    AppDbContext db,
    EvidenceVault vault,
    IEvidenceBlobStore store,
    CaseKeyring keys,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<EvidenceReceiver> logger)
{
    /// <summary>
    /// Reads <paramref name="content"/> to its end (or until it is refused), sniffs it, and seals it into a pending blob.
    /// Images are held in memory (at most <see cref="EvidenceLimits.ImageMaxBytes"/>) so their declared size can be
    /// checked before anything is kept; other kinds stream straight through the vault.
    /// A words-only case (<see cref="Case.WordsOnly"/>) is refused every file, of any kind, before a byte of it is read:
    /// this is the one place every stored file passes, so no page can get around it.
    /// </summary>
    public async Task<EvidenceIntake> ReceiveAsync(Guid caseId, Stream content, CancellationToken cancellationToken)
    {
        using var receiving = EvidenceTelemetry.StartReceiving();
        return receiving.Ended(await ReceiveCoreAsync(caseId, content, cancellationToken));
    }

    private async Task<EvidenceIntake> ReceiveCoreAsync(Guid caseId, Stream content, CancellationToken cancellationToken)
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
        return info.Category == EvidenceCategory.Image
            ? await ReceiveImageAsync(caseId, plaintext, info, cancellationToken)
            : await SealAsync(caseId, plaintext, info, new ImageFacts(null, null, RevealedDetails.None), cancellationToken);
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
        var item = NewItem(caseId, userId, received, description);
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

    /// <summary>Whether the case keeps words only; a case that cannot be found keeps nothing either.</summary>
    public async Task<bool> IsWordsOnlyAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var found = await db.Cases.AsNoTracking()
            .Where(c => c.Id == caseId)
            .Select(c => new { c.UnderEighteenRoute, c.UnderEighteenNow, c.MadeUnderEighteen })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null || Case.IsWordsOnly(found.UnderEighteenRoute, found.UnderEighteenNow, found.MadeUnderEighteen);
    }

    /// <summary>
    /// An image is read whole into memory (refused past its kind's limit), its declared size checked before anything
    /// is kept, its revealing details noted; then it is sealed. The buffer is wiped however this ends.
    /// </summary>
    private async Task<EvidenceIntake> ReceiveImageAsync(Guid caseId, Stream plaintext, EvidenceKindInfo info, CancellationToken cancellationToken)
    {
        var image = await BufferAsync(plaintext, info.MaxBytes, cancellationToken);
        if (image is null)
        {
            return Refuse(caseId, EvidenceRefusal.TooLarge);
        }

        try
        {
            var inspection = ImageInspector.Inspect(image, info.Kind);
            if (!inspection.IsAccepted)
            {
                return Refuse(
                    caseId,
                    inspection.Outcome == ImageInspectionOutcome.TooManyPixels ? EvidenceRefusal.ImageTooManyPixels : EvidenceRefusal.ImageUnreadable,
                    inspection.Problem);
            }

            image.Position = 0;
            var revealed = RevealingMetadata.Find(image, info.Kind);

            // Its perceptual hashes, as it is and turned and flipped, from the decoded pixels, for "this looks like exhibit N" (ADR 0032).
            image.Position = 0;
            var hash = PdqHasher.Compute(image);
            image.Position = 0;
            return await SealAsync(caseId, image, info, new ImageFacts(inspection.Width, inspection.Height, revealed, hash), cancellationToken);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(image.GetBuffer());
            await image.DisposeAsync();
        }
    }

    /// <summary>Seals <paramref name="plaintext"/> under the case's key (made now for a case's first file) into a pending blob.</summary>
    private async Task<EvidenceIntake> SealAsync(Guid caseId, Stream plaintext, EvidenceKindInfo info, ImageFacts image, CancellationToken cancellationToken)
    {
        var caseKey = await keys.UnwrapOrCreateAsync(caseId, cancellationToken);
        var pending = await store.CreateAsync(cancellationToken);
        try
        {
            var evidenceId = Guid.NewGuid();
            var sealedEvidence = await vault.SealAsync(plaintext, caseKey, evidenceId, pending.Content, info.MaxBytes, cancellationToken);
            return new EvidenceIntake(
                new ReceivedEvidence(evidenceId, pending, sealedEvidence, info.Kind, image.Width, image.Height, image.Revealed)
                {
                    PerceptualHash = image.Hash is { } hash ? (hash.Seal(caseKey, evidenceId), hash.Original.Quality) : null,
                },
                null);
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

    private EvidenceItem NewItem(Guid caseId, Guid userId, ReceivedEvidence received, EvidenceDescription description) => new()
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
        PerceptualHash = received.PerceptualHash?.Sealed,
        PerceptualQuality = received.PerceptualHash?.Quality,
    };

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

    /// <summary>What is known of an image before it is kept (nothing, for other kinds).</summary>
    private readonly record struct ImageFacts(int? Width, int? Height, RevealedDetails Revealed, PdqHashes? Hash = null);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Evidence {EvidenceId} of kind {Kind} kept for case {CaseId}")]
    private static partial void LogKept(ILogger logger, Guid caseId, Guid evidenceId, EvidenceKind kind);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "An upload to case {CaseId} was refused: {Refusal}")]
    private static partial void LogRefused(ILogger logger, Guid caseId, EvidenceRefusal refusal);
}
