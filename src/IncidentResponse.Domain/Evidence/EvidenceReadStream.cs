namespace IncidentResponse.Domain.Evidence;

/// <summary>
/// A forward-only, read-only stream of a sealed file's plaintext. Each chunk is verified before any of it is returned;
/// a read that meets tampering throws <see cref="EvidenceIntegrityException"/>, so a reader that stops early has
/// seen only authentic bytes but not necessarily all of them.
/// </summary>
internal sealed class EvidenceReadStream : Stream
{
    private readonly ChunkDecryptor _decryptor;
    private readonly Stream _ciphertext;
    private readonly bool _leaveOpen;
    private ReadOnlyMemory<byte> _pending;
    private long _position;
    private bool _disposed;

    public EvidenceReadStream(Stream ciphertext, byte[] fileKey, bool leaveOpen)
    {
        _ciphertext = ciphertext;
        _leaveOpen = leaveOpen;
        _decryptor = new ChunkDecryptor(ciphertext, fileKey);
    }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_pending.IsEmpty && !_decryptor.Completed && !buffer.IsEmpty)
        {
            _pending = _decryptor.ReadChunk();
        }

        return Take(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_pending.IsEmpty && !_decryptor.Completed && !buffer.IsEmpty)
        {
            _pending = await _decryptor.ReadChunkAsync(cancellationToken);
        }

        return Take(buffer.Span);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _decryptor.Dispose();
            if (!_leaveOpen)
            {
                _ciphertext.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private int Take(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _pending.Length);
        _pending.Span[..count].CopyTo(buffer);
        _pending = _pending[count..];
        _position += count;
        return count;
    }
}
