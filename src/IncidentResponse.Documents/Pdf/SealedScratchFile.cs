using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace IncidentResponse.Documents.Pdf;

/// <summary>
/// A temporary file for a PDF being joined (ADR 0025), written once from start to end and read back once: the bytes
/// are sealed with AES-GCM in 64 KiB chunks under a key that exists only in this object's memory, so the pictures in
/// the PDF are never on disk in the clear, and a file left behind by a crash is unreadable noise. The file is created
/// readable by this user only and deleted when this is disposed, whatever happened.
/// </summary>
/// <remarks>
/// Our own code because nothing we have seals a sequential scratch stream: the evidence vault's envelope is for a
/// stored file with its wrapped key, and .NET has no streaming AES mode. The chunk counter is the nonce, and the last
/// chunk is marked in it, so a chunk cannot be moved, repeated or dropped without the read failing.
/// </remarks>
internal sealed class SealedScratchFile : Stream
{
    private const int ChunkBytes = 64 * 1024;
    private const int TagBytes = 16;

    private readonly AesGcm _aes = new(RandomNumberGenerator.GetBytes(32), TagBytes);
    private readonly FileStream _file;
    private readonly byte[] _plain = ArrayPool<byte>.Shared.Rent(ChunkBytes);
    private readonly byte[] _sealed = ArrayPool<byte>.Shared.Rent(ChunkBytes + TagBytes);
    private int _filled;
    private long _chunks;
    private long _written;
    private bool _completed;
    private bool _disposed;

    private SealedScratchFile(FileStream file) => _file = file;

    /// <summary>Creates the file in <paramref name="directory"/>, with a name that says nothing of the document.</summary>
    public static SealedScratchFile Create(string directory)
    {
        var path = Path.Combine(directory, "ir-pdf-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) + ".part");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.DeleteOnClose,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new SealedScratchFile(new FileStream(path, options));
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_completed;

    /// <summary>How many bytes have been written: PdfPig records each object's offset from it.</summary>
    public override long Length => _written;

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException("The scratch file is complete.");
        }

        while (buffer.Length > 0)
        {
            var take = Math.Min(buffer.Length, ChunkBytes - _filled);
            buffer[..take].CopyTo(_plain.AsSpan(_filled));
            _filled += take;
            _written += take;
            buffer = buffer[take..];
            if (_filled == ChunkBytes)
            {
                SealChunk(last: false);
            }
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Nothing to do: a chunk is sealed when full, the last one by <see cref="OpenIntoAsync"/>.</summary>
    public override void Flush()
    {
    }

    /// <summary>Seals what is left and writes the whole content, opened, into <paramref name="destination"/>.</summary>
    public async Task OpenIntoAsync(Stream destination, CancellationToken cancellationToken)
    {
        if (!_completed)
        {
            SealChunk(last: true);
            _completed = true;
        }

        _file.Position = 0;
        var header = new byte[5];
        for (long chunk = 0; ; chunk++)
        {
            await _file.ReadExactlyAsync(header, cancellationToken);
            var length = BinaryPrimitives.ReadInt32LittleEndian(header);
            var last = header[4] == 1;
            await _file.ReadExactlyAsync(_sealed.AsMemory(0, length + TagBytes), cancellationToken);
            _aes.Decrypt(Nonce(chunk, last), _sealed.AsSpan(0, length), _sealed.AsSpan(length, TagBytes), _plain.AsSpan(0, length));
            await destination.WriteAsync(_plain.AsMemory(0, length), cancellationToken);
            if (last)
            {
                return;
            }
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Writes one chunk: its length, whether it is the last, its sealed bytes and its tag.</summary>
    private void SealChunk(bool last)
    {
        _aes.Encrypt(Nonce(_chunks, last), _plain.AsSpan(0, _filled), _sealed.AsSpan(0, _filled), _sealed.AsSpan(_filled, TagBytes));
        Span<byte> header = stackalloc byte[5];
        BinaryPrimitives.WriteInt32LittleEndian(header, _filled);
        header[4] = last ? (byte)1 : (byte)0;
        _file.Write(header);
        _file.Write(_sealed, 0, _filled + TagBytes);
        _chunks++;
        _filled = 0;
    }

    private static byte[] Nonce(long chunk, bool last)
    {
        var nonce = new byte[12];
        BinaryPrimitives.WriteInt64LittleEndian(nonce, chunk);
        nonce[11] = last ? (byte)1 : (byte)0;
        return nonce;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _file.Dispose();
            _aes.Dispose();
            ArrayPool<byte>.Shared.Return(_plain, clearArray: true);
            ArrayPool<byte>.Shared.Return(_sealed);
        }

        base.Dispose(disposing);
    }
}
