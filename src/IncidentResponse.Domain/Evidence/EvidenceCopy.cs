using System.Security.Cryptography;

namespace IncidentResponse.Domain.Evidence;

/// <summary>
/// The one way an original leaves the vault (a single download, an exhibit in the export): copied on as it is read,
/// hashed on the way, and compared at the end with the length and SHA-256 recorded when it was received.
/// </summary>
public static class EvidenceCopy
{
    /// <summary>
    /// Copies <paramref name="original"/> (the plaintext from <see cref="EvidenceVault.OpenRead"/>) to its end into
    /// <paramref name="destination"/>, and checks that what was copied is <paramref name="item"/> bit for bit.
    /// </summary>
    /// <exception cref="EvidenceIntegrityException">A chunk did not verify as it was read, or the whole copy's length
    /// or SHA-256 is not the one recorded. What was copied before is already in the destination: the caller must
    /// discard it (cut the download off) rather than finish it.</exception>
    public static async Task CopyVerifiedAsync(Stream original, Stream destination, EvidenceItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(item);

        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[EvidenceVault.DefaultChunkSize];
        long copied = 0;
        try
        {
            int read;
            while ((read = await original.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha256.AppendData(buffer, 0, read);
                copied += read;
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }

        if (copied != item.Length || !sha256.GetHashAndReset().AsSpan().SequenceEqual(item.Sha256))
        {
            throw new EvidenceIntegrityException("The file read back does not match the length and SHA-256 recorded when it was received.");
        }
    }
}
