using System.Security.Cryptography;

namespace IncidentResponse.Domain.Evidence;

/// <summary>
/// Reads a sealed file one chunk at a time and releases each chunk's plaintext only after its tag verifies. Holds one
/// record buffer and one plaintext buffer of the chunk size, whatever the file size. After a failure it refuses to read
/// on, so nothing after a bad chunk is ever released. Owns the file key it is given.
/// </summary>
internal sealed class ChunkDecryptor : IDisposable
{
    private readonly Stream _source;
    private readonly byte[] _fileKey;
    private readonly byte[] _header = new byte[VaultFormat.HeaderSize];
    private readonly byte[] _lookahead = new byte[1];
    private AesGcm? _aes;
    private byte[] _record = [];
    private byte[] _plaintext = [];
    private int _carried;
    private long _index;
    private bool _failed;

    public ChunkDecryptor(Stream source, byte[] fileKey)
    {
        _source = source;
        _fileKey = fileKey;
    }

    /// <summary>True once the final chunk has been read and verified.</summary>
    public bool Completed { get; private set; }

    public ReadOnlyMemory<byte> ReadChunk()
    {
        ThrowIfFailed();
        if (_aes is null)
        {
            var read = _source.ReadAtLeast(_header, _header.Length, throwOnEndOfStream: false);
            Start(read);
        }

        var filled = _carried + _source.ReadAtLeast(_record.AsSpan(_carried), _record.Length - _carried, throwOnEndOfStream: false);
        var isFinal = filled < _record.Length || _source.Read(_lookahead) == 0;
        return Decrypt(filled, isFinal);
    }

    public async ValueTask<ReadOnlyMemory<byte>> ReadChunkAsync(CancellationToken cancellationToken)
    {
        ThrowIfFailed();
        if (_aes is null)
        {
            var read = await _source.ReadAtLeastAsync(_header, _header.Length, throwOnEndOfStream: false, cancellationToken);
            Start(read);
        }

        var filled = _carried + await _source.ReadAtLeastAsync(
            _record.AsMemory(_carried), _record.Length - _carried, throwOnEndOfStream: false, cancellationToken);
        var isFinal = filled < _record.Length || await _source.ReadAsync(_lookahead, cancellationToken) == 0;
        return Decrypt(filled, isFinal);
    }

    public void Dispose()
    {
        _aes?.Dispose();
        CryptographicOperations.ZeroMemory(_fileKey);
        CryptographicOperations.ZeroMemory(_plaintext);
    }

    private void ThrowIfFailed()
    {
        if (_failed)
        {
            throw new EvidenceIntegrityException("The sealed evidence has already failed verification.");
        }
    }

    private EvidenceIntegrityException Fail(EvidenceIntegrityException exception)
    {
        _failed = true;
        CryptographicOperations.ZeroMemory(_plaintext);
        return exception;
    }

    private void Start(int headerBytesRead)
    {
        if (headerBytesRead < VaultFormat.HeaderSize)
        {
            throw Fail(new EvidenceIntegrityException("The sealed evidence is too short to hold a header."));
        }

        int chunkSize;
        try
        {
            chunkSize = VaultFormat.ReadHeader(_header);
        }
        catch (EvidenceIntegrityException ex)
        {
            throw Fail(ex);
        }

        _record = new byte[chunkSize + VaultFormat.TagSize];
        _plaintext = new byte[chunkSize];
        _aes = new AesGcm(_fileKey, VaultFormat.TagSize);
    }

    private ReadOnlyMemory<byte> Decrypt(int filled, bool isFinal)
    {
        if (Completed)
        {
            throw new InvalidOperationException("The final chunk has already been read.");
        }

        if (filled < VaultFormat.TagSize)
        {
            throw Fail(new EvidenceIntegrityException("The sealed evidence was cut short."));
        }

        var length = filled - VaultFormat.TagSize;
        Span<byte> nonce = stackalloc byte[VaultFormat.NonceSize];
        Span<byte> associatedData = stackalloc byte[VaultFormat.AssociatedDataSize];
        VaultFormat.ChunkNonce(_header, _index, nonce);
        VaultFormat.ChunkAssociatedData(_header, _index, isFinal, associatedData);
        try
        {
            _aes!.Decrypt(
                nonce,
                _record.AsSpan(0, length),
                _record.AsSpan(length, VaultFormat.TagSize),
                _plaintext.AsSpan(0, length),
                associatedData);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw Fail(new EvidenceIntegrityException(
                "The sealed evidence failed verification: it was altered, reordered or cut short, or the key is wrong.", ex));
        }

        if (isFinal)
        {
            Completed = true;
        }
        else
        {
            _record[0] = _lookahead[0];
            _carried = 1;
            _index++;
        }

        return _plaintext.AsMemory(0, length);
    }
}
