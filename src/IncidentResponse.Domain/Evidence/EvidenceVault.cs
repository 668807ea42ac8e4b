using System.Security.Cryptography;

namespace IncidentResponse.Domain.Evidence;

/// <summary>
/// Envelope encryption of evidence files, streamed. Each file gets a random 256-bit key that encrypts it with
/// AES-256-GCM in fixed-size chunks (format: FORMAT.md beside this file); that file key is stored wrapped by the
/// case key, and the case key wrapped by the master key (<see cref="CaseKeys"/>). Memory use is a few buffers of the
/// chunk size whatever the file size, and plaintext only ever passes through memory.
/// </summary>
public sealed class EvidenceVault
{
    public const int DefaultChunkSize = 64 * 1024;

    /// <summary>Length of a wrapped file key, for the column that stores it.</summary>
    public const int WrappedFileKeySize = KeyWrap.WrappedSize;

    private readonly int _chunkSize;

    public EvidenceVault()
        : this(DefaultChunkSize)
    {
    }

    /// <param name="chunkSize">Plaintext bytes per chunk, from 1 KiB to 1 MiB. Files record their own chunk size, so
    /// changing it later does not affect reading older files.</param>
    public EvidenceVault(int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, VaultFormat.MinChunkSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chunkSize, VaultFormat.MaxChunkSize);
        _chunkSize = chunkSize;
    }

    public int ChunkSize => _chunkSize;

    /// <summary>Length of the sealed file for a plaintext of the given length, with this vault's chunk size.</summary>
    public long SealedLength(long plaintextLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(plaintextLength);
        return VaultFormat.SealedLength(plaintextLength, _chunkSize);
    }

    // Long because the file key and the plaintext buffers live in one method, from the first byte read to the
    // finally that zeroes them: one streaming loop, with no key material handed between methods.
    /// <summary>
    /// Encrypts <paramref name="plaintext"/> (read to its end, once, forwards) into
    /// <paramref name="ciphertextDestination"/> under a new file key, hashing it with SHA-256 on the way.
    /// </summary>
    /// <param name="caseKey">The unwrapped 32-byte key of the case the file belongs to.</param>
    /// <param name="evidenceId">The id the file will be kept under: its wrapped key opens for this id only.</param>
    /// <param name="maxBytes">The most plaintext bytes allowed.</param>
    /// <exception cref="EvidenceTooLargeException">The plaintext is longer than <paramref name="maxBytes"/>. The
    /// destination then holds a partial file, which the caller must delete.</exception>
    public async Task<SealedEvidence> SealAsync(
        Stream plaintext,
        ReadOnlyMemory<byte> caseKey,
        Guid evidenceId,
        Stream ciphertextDestination,
        long maxBytes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(ciphertextDestination);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        KeyWrap.RequireKeySize(caseKey.Span, nameof(caseKey));

        var fileKey = RandomNumberGenerator.GetBytes(KeyWrap.KeySize);
        var plain = new byte[_chunkSize];
        var record = new byte[_chunkSize + VaultFormat.TagSize];
        var lookahead = new byte[1];
        var header = new byte[VaultFormat.HeaderSize];
        var nonce = new byte[VaultFormat.NonceSize];
        var associatedData = new byte[VaultFormat.AssociatedDataSize];
        try
        {
            using var aes = new AesGcm(fileKey, VaultFormat.TagSize);
            using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            VaultFormat.WriteHeader(header, _chunkSize);
            await ciphertextDestination.WriteAsync(header, cancellationToken);

            long consumed = 0;
            long index = 0;
            var carried = 0;
            while (true)
            {
                var filled = carried + await plaintext.ReadAtLeastAsync(
                    plain.AsMemory(carried), _chunkSize - carried, throwOnEndOfStream: false, cancellationToken);
                consumed += filled - carried;
                var isFinal = filled < _chunkSize || await plaintext.ReadAsync(lookahead, cancellationToken) == 0;
                if (!isFinal)
                {
                    consumed++;
                }

                if (consumed > maxBytes)
                {
                    throw new EvidenceTooLargeException(maxBytes);
                }

                sha256.AppendData(plain, 0, filled);
                VaultFormat.ChunkNonce(header, index, nonce);
                VaultFormat.ChunkAssociatedData(header, index, isFinal, associatedData);
                aes.Encrypt(
                    nonce,
                    plain.AsSpan(0, filled),
                    record.AsSpan(0, filled),
                    record.AsSpan(filled, VaultFormat.TagSize),
                    associatedData);
                await ciphertextDestination.WriteAsync(record.AsMemory(0, filled + VaultFormat.TagSize), cancellationToken);

                if (isFinal)
                {
                    break;
                }

                plain[0] = lookahead[0];
                carried = 1;
                index++;
            }

            await ciphertextDestination.FlushAsync(cancellationToken);
            var wrappedFileKey = KeyWrap.Wrap(WrappedKeyPurpose.FileKeyUnderCaseKey, fileKey, caseKey.Span, evidenceId);
            return new SealedEvidence(wrappedFileKey, sha256.GetHashAndReset(), consumed);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fileKey);
            CryptographicOperations.ZeroMemory(plain);
            CryptographicOperations.ZeroMemory(lookahead);
        }
    }

    /// <summary>
    /// Decrypts a sealed file into <paramref name="plaintextDestination"/>, verifying every chunk before writing it,
    /// and returns the SHA-256 and length of what it wrote, to compare with the recorded ones.
    /// </summary>
    /// <exception cref="EvidenceIntegrityException">The file or the wrapped key was altered or cut short, or the case
    /// key is wrong. Chunks before the bad one have already been written: discard the destination.</exception>
    public async Task<OpenedEvidence> OpenAsync(
        Stream ciphertext,
        ReadOnlyMemory<byte> wrappedFileKey,
        ReadOnlyMemory<byte> caseKey,
        Guid evidenceId,
        Stream plaintextDestination,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        ArgumentNullException.ThrowIfNull(plaintextDestination);
        var fileKey = UnwrapFileKey(wrappedFileKey.Span, caseKey.Span, evidenceId);
        using var decryptor = new ChunkDecryptor(ciphertext, fileKey);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        while (!decryptor.Completed)
        {
            var chunk = await decryptor.ReadChunkAsync(cancellationToken);
            sha256.AppendData(chunk.Span);
            length += chunk.Length;
            await plaintextDestination.WriteAsync(chunk, cancellationToken);
        }

        await plaintextDestination.FlushAsync(cancellationToken);
        return new OpenedEvidence(sha256.GetHashAndReset(), length);
    }

    /// <summary>
    /// A forward-only stream of the plaintext, for sending a file on without holding it: each chunk is verified before
    /// it is read, and a read meeting tampering throws <see cref="EvidenceIntegrityException"/>.
    /// </summary>
    /// <exception cref="EvidenceIntegrityException">The wrapped file key does not open with this case key and id.</exception>
    public Stream OpenRead(
        Stream ciphertext,
        ReadOnlyMemory<byte> wrappedFileKey,
        ReadOnlyMemory<byte> caseKey,
        Guid evidenceId,
        bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        var fileKey = UnwrapFileKey(wrappedFileKey.Span, caseKey.Span, evidenceId);
        return new EvidenceReadStream(ciphertext, fileKey, leaveOpen);
    }

    /// <summary>Whether a stored file-key wrap is in the current format (version 2, bound to its evidence item).</summary>
    public static bool IsCurrentWrap(ReadOnlySpan<byte> wrappedFileKey) => KeyWrap.VersionOf(wrappedFileKey) == KeyWrap.Version;

    /// <summary>
    /// The one-time upgrade from version 1 (bound to no evidence item): opens the old wrap with the case key and wraps
    /// the file key again, bound to <paramref name="evidenceId"/>. The file itself is untouched.
    /// </summary>
    public static byte[] RewrapLegacyFileKey(ReadOnlySpan<byte> legacyWrappedFileKey, ReadOnlySpan<byte> caseKey, Guid evidenceId)
    {
        KeyWrap.RequireKeySize(caseKey, nameof(caseKey));
        var fileKey = KeyWrap.UnwrapLegacy(WrappedKeyPurpose.FileKeyUnderCaseKey, legacyWrappedFileKey, caseKey);
        try
        {
            return KeyWrap.Wrap(WrappedKeyPurpose.FileKeyUnderCaseKey, fileKey, caseKey, evidenceId);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fileKey);
        }
    }

    private static byte[] UnwrapFileKey(ReadOnlySpan<byte> wrappedFileKey, ReadOnlySpan<byte> caseKey, Guid evidenceId)
    {
        KeyWrap.RequireKeySize(caseKey, nameof(caseKey));
        return KeyWrap.Unwrap(WrappedKeyPurpose.FileKeyUnderCaseKey, wrappedFileKey, caseKey, evidenceId);
    }
}
