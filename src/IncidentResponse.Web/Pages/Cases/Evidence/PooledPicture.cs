using System.Buffers;
using System.Security.Cryptography;

namespace IncidentResponse.Web.Pages.Cases.Evidence;

/// <summary>
/// A picture held in a buffer borrowed from the shared pool (<see cref="ArrayPool{T}.Shared"/>): wiped and given back
/// when disposed. A preview served per request would otherwise make two fresh arrays the size of the picture, on the
/// large-object heap, for the garbage collector to reclaim (issue 20's profile).
/// </summary>
public sealed class PooledPicture : IDisposable
{
    private byte[]? _buffer;

    internal PooledPicture(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    /// <summary>The picture's bytes; valid until disposed.</summary>
    public ReadOnlySpan<byte> Bytes => (_buffer ?? throw new ObjectDisposedException(nameof(PooledPicture))).AsSpan(0, Length);

    /// <summary>A read-only stream over the picture, for a response; the picture must outlive it.</summary>
    public Stream OpenRead() => new MemoryStream(_buffer ?? throw new ObjectDisposedException(nameof(PooledPicture)), 0, Length, writable: false);

    public byte[] ToArray() => Bytes.ToArray();

    public void Dispose()
    {
        if (_buffer is null)
        {
            return;
        }

        CryptographicOperations.ZeroMemory(_buffer.AsSpan(0, Length));
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
    }

    /// <summary>An empty stream writing into a borrowed buffer of at least <paramref name="length"/> bytes, which cannot grow.</summary>
    internal static MemoryStream Borrow(long length)
    {
        var rented = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(length, 1, Array.MaxLength));
        var stream = new MemoryStream(rented, 0, rented.Length, writable: true, publiclyVisible: true);
        stream.SetLength(0);
        return stream;
    }

    /// <summary>Wipes what was written to a stream made by <see cref="Borrow"/> and gives its buffer back.</summary>
    internal static void GiveBack(MemoryStream stream)
    {
        var rented = stream.GetBuffer();
        CryptographicOperations.ZeroMemory(rented.AsSpan(0, (int)stream.Length));
        ArrayPool<byte>.Shared.Return(rented);
    }
}
