using System.Buffers.Binary;
using System.Text;
using IncidentResponse.Domain.Evidence;

namespace IncidentResponse.Web.Tests.Infrastructure;

/// <summary>
/// Small, valid evidence files assembled byte by byte. The image builders are copied from the domain tests'
/// TestImages (the two test projects do not reference each other).
/// </summary>
internal static class TestFiles
{
    public static readonly byte[] PngSignature = PngFile.Signature.ToArray();

    /// <summary>A one-page PDF whose content stream carries <paramref name="text"/> as raw bytes.</summary>
    public static byte[] Pdf(byte[] text) =>
    [
        .. "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"u8,
        .. "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"u8,
        .. "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>\nendobj\n"u8,
        .. Encoding.ASCII.GetBytes($"4 0 obj\n<< /Length {text.Length} >>\nstream\n"), .. text, .. "\nendstream\nendobj\n"u8,
        .. "trailer\n<< /Root 1 0 R >>\n%%EOF\n"u8,
    ];

    /// <summary>An MP4's leading ftyp box and an mdat box holding <paramref name="payload"/>: a header-only video.</summary>
    public static byte[] Mp4(byte[] payload) =>
    [
        .. Box("ftyp", [.. "isom"u8, 0, 0, 2, 0, .. "isom"u8, .. "mp42"u8]),
        .. Box("mdat", payload),
    ];

    public static byte[] Html(string body) =>
        Encoding.UTF8.GetBytes($"<!doctype html>\n<html><head><title>Saved page</title></head><body>{body}</body></html>\n");

    public static byte[] Box(string type, byte[] body)
    {
        var box = new byte[8 + body.Length];
        BinaryPrimitives.WriteInt32BigEndian(box, box.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        body.CopyTo(box, 8);
        return box;
    }

    /// <summary>The scan data of <see cref="JpegScan"/>: two all-zero 8×8 blocks, each DC "0" then EOB "0", padded with ones.</summary>
    public static readonly byte[] JpegScanData = [0x0F];

    /// <summary>
    /// A baseline greyscale JPEG, <paramref name="width"/>×8 (a multiple of 8 wide), every block mid-grey: quantisation
    /// table of ones, one-code Huffman tables. <paramref name="segmentsAfterSoi"/> go straight after SOI.
    /// </summary>
    public static byte[] Jpeg(int width = 16, int height = 8, params byte[][] segmentsAfterSoi)
    {
        var file = new List<byte> { 0xFF, 0xD8 };
        foreach (var segment in segmentsAfterSoi)
        {
            file.AddRange(segment);
        }

        file.AddRange(JpegTables());
        file.AddRange(JpegSegment(0xC0, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0]));
        file.AddRange(JpegHuffmanTables());
        file.AddRange(JpegScan());
        file.AddRange([0xFF, 0xD9]);
        return [.. file];
    }

    /// <summary>Where a JPEG's first SOS marker is: from there on, the picture's encoded data.</summary>
    public static int StartOfScan(byte[] jpeg) => jpeg.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xDA]);

    public static byte[] JpegTables() => JpegSegment(0xDB, [0x00, .. Enumerable.Repeat((byte)1, 64)]);

    public static byte[] JpegHuffmanTables() =>
    [
        .. JpegSegment(0xC4, [0x00, 1, .. new byte[15], 0x00]),
        .. JpegSegment(0xC4, [0x10, 1, .. new byte[15], 0x00]),
    ];

    /// <summary>SOS for one component with tables 0/0, then the scan data (for a 16×8 image).</summary>
    public static byte[] JpegScan() => [.. JpegSegment(0xDA, [1, 1, 0x00, 0, 63, 0]), .. JpegScanData];

    public static byte[] JpegSegment(byte marker, byte[] body)
    {
        var length = body.Length + 2;
        return [0xFF, marker, (byte)(length >> 8), (byte)length, .. body];
    }

    public static byte[] JpegSegment(byte marker, string prefix, byte[] body) =>
        JpegSegment(marker, [.. Encoding.ASCII.GetBytes(prefix), .. body]);

    public static byte[] ExifSegment() => JpegSegment(0xE1, "Exif\0\0", ExifWithGps());

    /// <summary>A TIFF (big-endian) with IFD0 naming a camera and pointing to a GPS IFD at 51.5°N 0.12°W.</summary>
    public static byte[] ExifWithGps()
    {
        var tiff = new byte[146];
        var span = tiff.AsSpan();
        "MM"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], 8);

        // IFD0 at 8: two entries, then the next-IFD offset.
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], 2);
        WriteEntry(span[10..], 0x010F, 2, 6, 38); // Make, ASCII, "Canon\0" at 38
        WriteEntry(span[22..], 0x8825, 4, 1, 44); // GPSInfo IFD pointer
        BinaryPrimitives.WriteUInt32BigEndian(span[34..], 0);
        "Canon\0"u8.CopyTo(span[38..]);

        // GPS IFD at 44: four entries (12 bytes each), next-IFD offset, then the rationals at 98 and 122.
        BinaryPrimitives.WriteUInt16BigEndian(span[44..], 4);
        WriteEntry(span[46..], 0x0001, 2, 2, 0x4E000000); // GPSLatitudeRef "N"
        WriteEntry(span[58..], 0x0002, 5, 3, 98); // GPSLatitude
        WriteEntry(span[70..], 0x0003, 2, 2, 0x57000000); // GPSLongitudeRef "W"
        WriteEntry(span[82..], 0x0004, 5, 3, 122); // GPSLongitude
        BinaryPrimitives.WriteUInt32BigEndian(span[94..], 0);
        WriteRationals(span[98..], (51, 1), (30, 1), (0, 1));
        WriteRationals(span[122..], (0, 1), (7, 1), (12, 1));
        return tiff;
    }

    public static byte[] Png(int width, int height, params (string Type, byte[] Data)[] chunksBeforeImageData) =>
        Png(width, height, chunksBeforeImageData, []);

    /// <summary>An 8-bit greyscale PNG, all black, with the given extra chunks around its IDAT.</summary>
    public static byte[] Png(
        int width,
        int height,
        IEnumerable<(string Type, byte[] Data)> chunksBeforeImageData,
        IEnumerable<(string Type, byte[] Data)> chunksAfterImageData)
    {
        var file = new List<byte>(PngSignature);
        file.AddRange(PngChunk("IHDR", PngHeader(width, height)));
        foreach (var (type, data) in chunksBeforeImageData)
        {
            file.AddRange(PngChunk(type, data));
        }

        file.AddRange(PngChunk("IDAT", PngImageData(width, height)));
        foreach (var (type, data) in chunksAfterImageData)
        {
            file.AddRange(PngChunk(type, data));
        }

        file.AddRange(PngChunk("IEND", []));
        return [.. file];
    }

    /// <summary>A PNG whose header declares <paramref name="width"/>×<paramref name="height"/> but carries one row of data.</summary>
    public static byte[] PngDeclaring(int width, int height) =>
    [
        .. PngSignature,
        .. PngChunk("IHDR", PngHeader(width, height)),
        .. PngChunk("IDAT", PngImageData(1, 1)),
        .. PngChunk("IEND", []),
    ];

    /// <summary>An 8-bit greyscale, non-interlaced header.</summary>
    public static byte[] PngHeader(int width, int height) => PngFile.Header(width, height, PngFile.ColourType.Greyscale);

    /// <summary>Compressed all-black rows: for each, filter type 0 then the pixels.</summary>
    public static byte[] PngImageData(int width, int height) => PngFile.Compress(new byte[height * (width + 1)]);

    public static byte[] PngChunk(string type, byte[] data) => PngFile.Chunk(type, data);

    private static void WriteEntry(Span<byte> entry, ushort tag, ushort type, uint count, uint valueOrOffset)
    {
        BinaryPrimitives.WriteUInt16BigEndian(entry, tag);
        BinaryPrimitives.WriteUInt16BigEndian(entry[2..], type);
        BinaryPrimitives.WriteUInt32BigEndian(entry[4..], count);
        BinaryPrimitives.WriteUInt32BigEndian(entry[8..], valueOrOffset);
    }

    private static void WriteRationals(Span<byte> destination, params (uint Numerator, uint Denominator)[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(i * 8)..], values[i].Numerator);
            BinaryPrimitives.WriteUInt32BigEndian(destination[((i * 8) + 4)..], values[i].Denominator);
        }
    }
}
