using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace IncidentResponse.Web.Operator.Demo;

/// <summary>
/// Assembles PNG files from their parts: the signature, chunks with their CRC-32, and a whole 8-bit image. For demo
/// and test images (our feed serves no image library); <see cref="Domain.Evidence.MetadataStripper"/> reads what these write.
/// </summary>
public static class PngFile
{
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>IHDR colour types this helper writes.</summary>
    public enum ColourType : byte
    {
        Greyscale = 0,
        Rgb = 2,
    }

    /// <summary>
    /// A whole 8-bit PNG: <paramref name="scanlines"/> is the raw image data, each row its filter byte then its
    /// pixels; it is compressed into one IDAT. <paramref name="chunksBeforeImageData"/> go between IHDR and IDAT.
    /// </summary>
    public static byte[] Build(
        int width,
        int height,
        ColourType colourType,
        ReadOnlySpan<byte> scanlines,
        CompressionLevel level = CompressionLevel.Optimal,
        params (string Type, byte[] Data)[] chunksBeforeImageData)
    {
        using var output = new MemoryStream();
        output.Write(Signature);
        output.Write(Chunk("IHDR", Header(width, height, colourType)));
        foreach (var (type, data) in chunksBeforeImageData)
        {
            output.Write(Chunk(type, data));
        }

        output.Write(Chunk("IDAT", Compress(scanlines, level)));
        output.Write(Chunk("IEND", []));
        return output.ToArray();
    }

    /// <summary>The 13 bytes of an IHDR for an 8-bit, non-interlaced image.</summary>
    public static byte[] Header(int width, int height, ColourType colourType)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8;
        header[9] = (byte)colourType;
        return header;
    }

    /// <summary>Zlib-compressed bytes, as IDAT (and zTXt/iCCP) hold them.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> data, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, level, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return compressed.ToArray();
    }

    /// <summary>One chunk: length, type, data and the CRC-32 of type and data.</summary>
    public static byte[] Chunk(string type, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.Length != 4)
        {
            throw new ArgumentException("A chunk type is four letters.", nameof(type));
        }

        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type, chunk.AsSpan(4));
        data.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>The CRC-32 (ISO 3309, the one PNG and zip use) of <paramref name="data"/>.</summary>
    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in data)
        {
            crc = CrcTable[(crc ^ value) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
