using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace IncidentResponse.Domain.Evidence;

/// <summary>
/// The sealed file layout, version 1 (see FORMAT.md beside this file).
/// <code>
/// header (16 bytes): "IREV" | version 0x01 | 3 reserved zero bytes | chunk size (uint32, big-endian) | nonce prefix (4 random bytes)
/// then one record per chunk: ciphertext (chunk size bytes; the final one 0..chunk size) | GCM tag (16 bytes)
/// nonce of chunk i (12 bytes):  nonce prefix | i (uint64, big-endian)
/// associated data of chunk i:    the 16 header bytes | i (uint64, big-endian) | 0x01 if final else 0x00
/// </code>
/// Every chunk but the last holds exactly chunk size plaintext bytes; the last is marked final and holds 1..chunk size
/// bytes, or 0 when the whole file is empty. Binding the header, the index and the final flag into every tag means a
/// changed header, reordered, dropped, duplicated or appended chunk, or a file cut at any point fails to open.
/// </summary>
internal static class VaultFormat
{
    public const int HeaderSize = 16;
    public const int TagSize = 16;
    public const int NonceSize = 12;
    public const int AssociatedDataSize = HeaderSize + sizeof(ulong) + 1;
    public const int MinChunkSize = 1024;
    public const int MaxChunkSize = 1024 * 1024;

    private const byte Version = 1;
    private const int NoncePrefixOffset = 12;
    private const int NoncePrefixSize = 4;
    private static ReadOnlySpan<byte> Magic => "IREV"u8;

    public static void WriteHeader(Span<byte> header, int chunkSize)
    {
        header.Clear();
        Magic.CopyTo(header);
        header[4] = Version;
        BinaryPrimitives.WriteUInt32BigEndian(header[8..], (uint)chunkSize);
        RandomNumberGenerator.Fill(header.Slice(NoncePrefixOffset, NoncePrefixSize));
    }

    /// <summary>Checks a header read back and returns its chunk size.</summary>
    public static int ReadHeader(ReadOnlySpan<byte> header)
    {
        if (header.Length != HeaderSize || !header[..4].SequenceEqual(Magic))
        {
            throw new EvidenceIntegrityException("This is not sealed evidence, or its header was altered.");
        }

        if (header[4] != Version || header[5] != 0 || header[6] != 0 || header[7] != 0)
        {
            throw new EvidenceIntegrityException(string.Create(
                CultureInfo.InvariantCulture,
                $"Sealed evidence format version {header[4]} is not one this code reads, or the header was altered."));
        }

        var chunkSize = BinaryPrimitives.ReadUInt32BigEndian(header[8..]);
        if (chunkSize is < MinChunkSize or > MaxChunkSize)
        {
            throw new EvidenceIntegrityException("The sealed evidence header declares an impossible chunk size.");
        }

        return (int)chunkSize;
    }

    public static void ChunkNonce(ReadOnlySpan<byte> header, long index, Span<byte> nonce)
    {
        header.Slice(NoncePrefixOffset, NoncePrefixSize).CopyTo(nonce);
        BinaryPrimitives.WriteUInt64BigEndian(nonce[NoncePrefixSize..], (ulong)index);
    }

    public static void ChunkAssociatedData(ReadOnlySpan<byte> header, long index, bool isFinal, Span<byte> associatedData)
    {
        header.CopyTo(associatedData);
        BinaryPrimitives.WriteUInt64BigEndian(associatedData[HeaderSize..], (ulong)index);
        associatedData[HeaderSize + sizeof(ulong)] = isFinal ? (byte)1 : (byte)0;
    }

    /// <summary>Length of the sealed file for a plaintext of the given length.</summary>
    public static long SealedLength(long plaintextLength, int chunkSize)
    {
        var chunks = Math.Max(1, (plaintextLength + chunkSize - 1) / chunkSize);
        return HeaderSize + plaintextLength + (chunks * TagSize);
    }
}
