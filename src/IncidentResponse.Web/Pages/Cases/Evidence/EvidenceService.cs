using System.Security.Cryptography;
using IncidentResponse.Domain.Evidence;

namespace IncidentResponse.Web.Pages.Cases.Evidence;

/// <summary>
/// Opens kept evidence again, for every feature that shows or hands out a file (its pages, the binder, the export,
/// the operator's check): bit-exact, checked against what was recorded when it was received, or as an EXIF-free
/// preview. Files are taken in by <see cref="EvidenceReceiver"/>. Plaintext only ever passes through memory.
/// </summary>
public sealed class EvidenceService(EvidenceVault vault, IEvidenceBlobStore store, CaseKeyring keys)
{
    /// <summary>A readable stream of the original bytes, each chunk verified before it is read.</summary>
    /// <exception cref="EvidenceIntegrityException">The case key or the file's key does not open.</exception>
    public async Task<Stream> OpenOriginalAsync(EvidenceItem item, CancellationToken cancellationToken)
    {
        var caseKey = await keys.UnwrapAsync(item.CaseId, cancellationToken);
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
            caseKey = await keys.UnwrapAsync(item.CaseId, cancellationToken);
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
        using var picture = await PreviewPooledAsync(item, cancellationToken);
        return picture?.ToArray();
    }

    /// <summary>
    /// <see cref="PreviewAsync"/> into a borrowed buffer, for a response that sends it and lets it go (the preview page):
    /// no picture-sized array is made per request. Dispose it after it has been sent.
    /// </summary>
    /// <exception cref="EvidenceIntegrityException">The file does not decrypt, or is not what was received.</exception>
    public async Task<PooledPicture?> PreviewPooledAsync(EvidenceItem item, CancellationToken cancellationToken)
    {
        if (!MetadataStripper.Supports(item.Kind))
        {
            return null;
        }

        var caseKey = await keys.UnwrapAsync(item.CaseId, cancellationToken);
        // Both buffers are borrowed at the recorded length and cannot grow: a file longer than recorded fails the check.
        var original = PooledPicture.Borrow(item.Length);
        MemoryStream? stripped = null;
        try
        {
            await using (var ciphertext = await store.OpenReadAsync(item.BlobId, cancellationToken))
            {
                var opened = await OpenIntoAsync(ciphertext, item, caseKey, original, cancellationToken);
                if (opened.Length != item.Length || !opened.Sha256.AsSpan().SequenceEqual(item.Sha256))
                {
                    throw new EvidenceIntegrityException("The file does not match the SHA-256 recorded when it was received.");
                }
            }

            original.Position = 0;
            stripped = PooledPicture.Borrow(item.Length);
            if (!MetadataStripper.Strip(original, stripped, item.Kind).Succeeded)
            {
                return null;
            }

            var picture = new PooledPicture(stripped.GetBuffer(), (int)stripped.Length);
            stripped = null;
            return picture;
        }
        finally
        {
            CaseKeys.Destroy(caseKey);
            PooledPicture.GiveBack(original);
            if (stripped is not null)
            {
                PooledPicture.GiveBack(stripped);
            }
        }
    }

    private async Task<OpenedEvidence> OpenIntoAsync(Stream ciphertext, EvidenceItem item, byte[] caseKey, MemoryStream into, CancellationToken cancellationToken)
    {
        try
        {
            return await vault.OpenAsync(ciphertext, item.WrappedFileKey, caseKey, item.Id, into, cancellationToken);
        }
        catch (NotSupportedException)
        {
            // The borrowed buffer cannot grow: the file is longer than the length recorded when it was received.
            throw new EvidenceIntegrityException("The file does not match the length recorded when it was received.");
        }
    }
}
