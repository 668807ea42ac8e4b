using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace IncidentResponse.TestSupport;

/// <summary>
/// Test images of two sorts. Real pictures (<see cref="Picture"/>, <see cref="RampPng"/>, <see cref="NoisePng"/>)
/// are drawn and encoded by SkiaSharp. Crafted files are assembled byte by byte, because what they test is their
/// structure, which no encoder writes: the exact metadata segments and chunks the stripper must find or keep, headers
/// that declare more than they hold (a decompression bomb is 60 bytes), files cut short or lying about their size. The
/// chunk writing here (signature, CRC-32, zlib) is its own, not the app's, so a fault in the code under test cannot
/// hide in its test files.
/// </summary>
public static class TestImages
{
    private const string Xmp =
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
        + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" dc:format=\"image/jpeg\"/>"
        + "</rdf:RDF></x:xmpmeta>";

    public static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly uint[] CrcTable = BuildCrcTable();

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

    public static byte[] JfifSegment(byte thumbnailWidth = 0, byte thumbnailHeight = 0) =>
        JpegSegment(0xE0, "JFIF\0", [1, 2, 0, 0, 1, 0, 1, thumbnailWidth, thumbnailHeight, .. new byte[3 * thumbnailWidth * thumbnailHeight]]);

    /// <summary>An Exif APP1 segment holding <see cref="ExifWithGps"/>.</summary>
    public static byte[] ExifSegment(string? taken = null) => JpegSegment(0xE1, "Exif\0\0", ExifWithGps(taken));

    public static byte[] XmpSegment() =>
        JpegSegment(0xE1, "http://ns.adobe.com/xap/1.0/\0", Encoding.UTF8.GetBytes(Xmp));

    /// <summary>An ICC_PROFILE segment holding a small, well-formed (if useless) profile header.</summary>
    public static byte[] IccSegment() => JpegSegment(0xE2, "ICC_PROFILE\0", [1, 1, .. IccProfile()]);

    public static byte[] PhotoshopIptcSegment()
    {
        // An IPTC record 2 "By-line" (2:80) dataset inside a Photoshop image resource block 0x0404.
        byte[] iptc = [0x1C, 2, 80, 0, 9, .. Encoding.ASCII.GetBytes("Jane Blog")];
        byte[] resource =
        [
            .. Encoding.ASCII.GetBytes("8BIM"), 0x04, 0x04, 0, 0,
            0, 0, 0, (byte)iptc.Length, .. iptc, .. (iptc.Length % 2 == 1 ? new byte[] { 0 } : []),
        ];
        return JpegSegment(0xED, "Photoshop 3.0\0", resource);
    }

    public static byte[] AdobeSegment() => JpegSegment(0xEE, "Adobe", [0, 100, 0, 0, 0, 0, 0]);

    /// <summary>
    /// The start of a C2PA manifest store as a JUMBF superbox: a "jumb" box whose "jumd" description box has the C2PA
    /// type and the label "c2pa", then a claim generator string (the part that names the device or app).
    /// </summary>
    public static byte[] C2paManifestStore()
    {
        byte[] description = Box("jumd", [.. "c2pa"u8, 0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71, 0x03, .. "c2pa\0"u8]);
        byte[] claim = Box("json", "{\"claim_generator\":\"Example Phone Camera 1.0\"}"u8.ToArray());
        return Box("jumb", [.. description, .. claim]);
    }

    public static byte[] CommentSegment(string text) => JpegSegment(0xFE, Encoding.ASCII.GetBytes(text));

    /// <summary>
    /// A TIFF (big-endian) with IFD0 naming a camera (and, when <paramref name="taken"/> is given as
    /// <c>yyyy:MM:dd HH:mm:ss</c>, when the photo was taken) and pointing to a GPS IFD at 51.5°N 0.12°W.
    /// </summary>
    public static byte[] ExifWithGps(string? taken = null)
    {
        byte[] make = [.. "Canon"u8, 0];
        byte[] time = taken is null ? [] : [.. Encoding.ASCII.GetBytes(taken), 0];
        var entries = taken is null ? 2 : 3;

        // IFD0 at 8: its entries (12 bytes each) and the next-IFD offset, then the texts, then the GPS IFD.
        var textsAt = 8 + 2 + (12 * entries) + 4;
        var gpsAt = textsAt + make.Length + time.Length;
        var tiff = new byte[gpsAt + 54 + 48];
        var span = tiff.AsSpan();
        "MM"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], 8);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)entries);
        WriteEntry(span[10..], 0x010F, 2, (uint)make.Length, (uint)textsAt); // Make, ASCII
        var next = 22;
        if (taken is not null)
        {
            WriteEntry(span[next..], 0x0132, 2, (uint)time.Length, (uint)(textsAt + make.Length)); // DateTime, ASCII
            next += 12;
        }

        WriteEntry(span[next..], 0x8825, 4, 1, (uint)gpsAt); // GPSInfo IFD pointer
        BinaryPrimitives.WriteUInt32BigEndian(span[(next + 12)..], 0);
        make.CopyTo(span[textsAt..]);
        time.CopyTo(span[(textsAt + make.Length)..]);

        // GPS IFD: four entries, next-IFD offset, then the rationals 54 and 78 bytes in.
        BinaryPrimitives.WriteUInt16BigEndian(span[gpsAt..], 4);
        WriteEntry(span[(gpsAt + 2)..], 0x0001, 2, 2, 0x4E000000); // GPSLatitudeRef "N"
        WriteEntry(span[(gpsAt + 14)..], 0x0002, 5, 3, (uint)(gpsAt + 54)); // GPSLatitude
        WriteEntry(span[(gpsAt + 26)..], 0x0003, 2, 2, 0x57000000); // GPSLongitudeRef "W"
        WriteEntry(span[(gpsAt + 38)..], 0x0004, 5, 3, (uint)(gpsAt + 78)); // GPSLongitude
        BinaryPrimitives.WriteUInt32BigEndian(span[(gpsAt + 50)..], 0);
        WriteRationals(span[(gpsAt + 54)..], (51, 1), (30, 1), (0, 1));
        WriteRationals(span[(gpsAt + 78)..], (0, 1), (7, 1), (12, 1));
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

    /// <summary>A PNG, encoded by SkiaSharp, whose grey rises from dark at the left to light at the right.</summary>
    public static byte[] RampPng(int width, int height) => Picture(width, height, (x, _) =>
    {
        var grey = (byte)(40 + (x * 180 / Math.Max(1, width - 1)));
        return new SKColor(grey, grey, grey);
    });

    /// <summary>A PNG of one colour, encoded by SkiaSharp.</summary>
    public static byte[] SolidPng(int width, int height, byte red, byte green, byte blue) =>
        Picture(width, height, (_, _) => new SKColor(red, green, blue));

    /// <summary>A PNG of random colours, encoded by SkiaSharp, which no compression can shrink: a picture that makes a large PDF.</summary>
    public static byte[] NoisePng(int width, int height, int seed)
    {
        var random = new Random(seed);
        return Picture(width, height, (_, _) => new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256)));
    }

    /// <summary>
    /// A real picture drawn pixel by pixel (rows top to bottom) and encoded by SkiaSharp as a PNG or, with a
    /// <paramref name="format"/> of JPEG or WebP, at quality 90.
    /// </summary>
    public static byte[] Picture(
        int width, int height, Func<int, int, SKColor> colourAt, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        ArgumentNullException.ThrowIfNull(colourAt);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var colour = colourAt(x, y);
                var at = ((y * width) + x) * 4;
                (pixels[at], pixels[at + 1], pixels[at + 2], pixels[at + 3]) = (colour.Red, colour.Green, colour.Blue, 255);
            }
        }

        using var encoded = bitmap.Encode(format, 90);
        return encoded.ToArray();
    }

    /// <summary>An 8-bit, non-interlaced header: greyscale (colour type 0) unless told otherwise (2 is RGB).</summary>
    public static byte[] PngHeader(int width, int height, byte colourType = 0)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = colourType;
        return header;
    }

    /// <summary>Compressed all-black rows: for each, filter type 0 then the pixels.</summary>
    public static byte[] PngImageData(int width, int height) => Zlib(new byte[height * (width + 1)]);

    /// <summary>A chunk: its length, type, data and the CRC-32 of type and data.</summary>
    public static byte[] PngChunk(string type, byte[] data)
    {
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        var chunk = new byte[4 + typeAndData.Length + 4];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typeAndData.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(4 + typeAndData.Length), Crc32(typeAndData));
        return chunk;
    }

    /// <summary>Zlib-compressed bytes, as IDAT, zTXt and iCCP hold them.</summary>
    public static byte[] Zlib(byte[] data)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return compressed.ToArray();
    }

    public static (string Type, byte[] Data) PngText(string keyword, string text) =>
        ("tEXt", Encoding.Latin1.GetBytes(keyword + "\0" + text));

    public static (string Type, byte[] Data) PngCompressedText(string keyword, string text)
    {
        return ("zTXt", [.. Encoding.Latin1.GetBytes(keyword + "\0"), 0, .. Zlib(Encoding.Latin1.GetBytes(text))]);
    }

    public static (string Type, byte[] Data) PngXmp() =>
        ("iTXt", [.. Encoding.ASCII.GetBytes("XML:com.adobe.xmp\0"), 0, 0, 0, 0, .. Encoding.UTF8.GetBytes(Xmp)]);

    public static (string Type, byte[] Data) PngTime() => ("tIME", [0x07, 0xE9, 3, 14, 15, 9, 26]);

    /// <summary>A minimal GIF89a: a logical screen, a two-colour table and one frame of the given size.</summary>
    public static byte[] Gif(int screenWidth, int screenHeight, int frameWidth = 1, int frameHeight = 1) =>
    [
        .. "GIF89a"u8, (byte)screenWidth, (byte)(screenWidth >> 8), (byte)screenHeight, (byte)(screenHeight >> 8), 0x80, 0, 0,
        0, 0, 0, 0xFF, 0xFF, 0xFF,
        0x2C, 0, 0, 0, 0, (byte)frameWidth, (byte)(frameWidth >> 8), (byte)frameHeight, (byte)(frameHeight >> 8), 0,
        2, 2, 0x44, 0x01, 0,
        0x3B,
    ];

    /// <summary>A WebP with a lossless (VP8L) header declaring the given size; the bitstream after it is a stub.</summary>
    public static byte[] WebPLossless(int width, int height) => Riff("WEBP", ("VP8L", LosslessHeader(width, height)));

    /// <summary>
    /// A WebP with an extended (VP8X) header declaring a canvas of the given size, and a still lossless image of the
    /// same size (at most 16384 a side, as VP8L allows; a larger canvas gets a 1 × 1 image and is malformed).
    /// </summary>
    public static byte[] WebPExtended(int width, int height)
    {
        var vp8x = new byte[10];
        WriteUInt24LittleEndian(vp8x.AsSpan(4), width - 1);
        WriteUInt24LittleEndian(vp8x.AsSpan(7), height - 1);
        var fits = width <= 16384 && height <= 16384;
        return Riff("WEBP", ("VP8X", vp8x), ("VP8L", fits ? LosslessHeader(width, height) : LosslessHeader(1, 1)));
    }

    private static byte[] LosslessHeader(int width, int height)
    {
        var bits = (uint)(width - 1) | ((uint)(height - 1) << 14);
        return [0x2F, (byte)bits, (byte)(bits >> 8), (byte)(bits >> 16), (byte)(bits >> 24), 0, 0, 0];
    }

    /// <summary>
    /// A HEIF still-image skeleton: ftyp, then meta with hdlr "pict", a primary item, item info, and one ispe property
    /// of the given size associated with it, then an mdat box with no real coded image data in it.
    /// </summary>
    public static byte[] Heif(int width, int height, string majorBrand = "heic")
    {
        byte[] ftyp = Box("ftyp", [.. Encoding.ASCII.GetBytes(majorBrand), 0, 0, 0, 0, .. "mif1"u8, .. "heic"u8]);
        byte[] hdlr = FullBox("hdlr", 0, [0, 0, 0, 0, .. "pict"u8, .. new byte[12], 0]);
        byte[] pitm = FullBox("pitm", 0, [0, 1]);
        byte[] infe = FullBox("infe", 2, [0, 1, 0, 0, .. "hvc1"u8, 0]);
        byte[] iinf = FullBox("iinf", 0, [0, 1, .. infe]);
        var ispeBody = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(ispeBody, width);
        BinaryPrimitives.WriteInt32BigEndian(ispeBody.AsSpan(4), height);
        byte[] ipco = Box("ipco", FullBox("ispe", 0, ispeBody));
        byte[] ipma = FullBox("ipma", 0, [0, 0, 0, 1, 0, 1, 1, 0x81]);
        byte[] iprp = Box("iprp", [.. ipco, .. ipma]);
        byte[] meta = FullBox("meta", 0, [.. hdlr, .. pitm, .. iinf, .. iprp]);
        return [.. ftyp, .. meta, .. Box("mdat", new byte[16])];
    }

    public static byte[] Box(string type, byte[] body)
    {
        var box = new byte[8 + body.Length];
        BinaryPrimitives.WriteInt32BigEndian(box, box.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        body.CopyTo(box, 8);
        return box;
    }

    public static byte[] FullBox(string type, byte version, byte[] body) => Box(type, [version, 0, 0, 0, .. body]);

    public static byte[] Riff(string form, params (string Id, byte[] Data)[] chunks)
    {
        var body = new List<byte>(Encoding.ASCII.GetBytes(form));
        foreach (var (id, data) in chunks)
        {
            body.AddRange(Encoding.ASCII.GetBytes(id));
            var size = new byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(size, data.Length);
            body.AddRange(size);
            body.AddRange(data);
            if (data.Length % 2 == 1)
            {
                body.Add(0);
            }
        }

        var header = new byte[8];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), body.Count);
        return [.. header, .. body];
    }

    /// <summary>The offset of the first SOS marker (0xFF 0xDA) in a JPEG.</summary>
    public static int StartOfScan(byte[] jpeg) => jpeg.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xDA]);

    private static byte[] WholePng(byte[] header, byte[] rows) =>
        [.. PngSignature, .. PngChunk("IHDR", header), .. PngChunk("IDAT", Zlib(rows)), .. PngChunk("IEND", [])];

    /// <summary>The CRC-32 (ISO 3309, the one PNG and zip use) of <paramref name="bytes"/>.</summary>
    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
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

    private static byte[] IccProfile()
    {
        var profile = new byte[128 + 4];
        BinaryPrimitives.WriteInt32BigEndian(profile, profile.Length);
        "mntr"u8.CopyTo(profile.AsSpan(12));
        "GRAY"u8.CopyTo(profile.AsSpan(16));
        "XYZ "u8.CopyTo(profile.AsSpan(20));
        "acsp"u8.CopyTo(profile.AsSpan(36));
        return profile;
    }

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

    private static void WriteUInt24LittleEndian(Span<byte> destination, int value)
    {
        destination[0] = (byte)value;
        destination[1] = (byte)(value >> 8);
        destination[2] = (byte)(value >> 16);
    }
}
