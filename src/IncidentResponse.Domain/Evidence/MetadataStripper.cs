using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace IncidentResponse.Domain.Evidence;

public enum MetadataStripOutcome
{
    Stripped,
    NotSupported,
    Malformed,
}

/// <summary>
/// What <see cref="MetadataStripper"/> did. <see cref="Removed"/> names each removed segment or chunk (never its
/// content), in file order; <see cref="TrailingBytesRemoved"/> counts bytes after the image's end marker.
/// </summary>
public sealed record MetadataStripResult(
    MetadataStripOutcome Outcome,
    IReadOnlyList<string> Removed,
    long TrailingBytesRemoved,
    string? Problem)
{
    public bool Succeeded => Outcome == MetadataStripOutcome.Stripped;
}

/// <summary>
/// Writes a copy of a JPEG or PNG without its metadata (EXIF with GPS and camera serials, XMP, IPTC, comments,
/// embedded thumbnails, text chunks), leaving the pixels' encoded data byte for byte as it was: nothing is decoded
/// or re-encoded, so the copy is lossless. The original stays the evidence; the copy is for sharing.
/// <para>JPEG: removes APP0 other than JFIF, a JFIF thumbnail (the JFIF segment is kept without it), APP1 (Exif, XMP),
/// APP2 other than ICC_PROFILE (so MPF and FlashPix go), APP3–APP13 (APP13 is Photoshop/IPTC), APP14 other than
/// Adobe, APP15 and COM, wherever they appear, including between the scans of a progressive JPEG. Every other
/// segment and all entropy-coded scan data is copied unchanged. Bytes after EOI (appended videos, zips, other
/// trailers) are dropped.</para>
/// <para>PNG: removes tEXt, zTXt, iTXt, eXIf and tIME chunks, and the unofficial pre-2017 EXIF chunks exIf and zxIf;
/// every other chunk is copied byte for byte with its CRC. Bytes after IEND are dropped.</para>
/// <para>Other kinds are <see cref="MetadataStripOutcome.NotSupported"/>. Input that does not parse gives
/// <see cref="MetadataStripOutcome.Malformed"/> and a partly written destination, which the caller discards.</para>
/// </summary>
public static class MetadataStripper
{
    private const byte Marker = 0xFF;
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;
    private const byte Comment = 0xFE;
    private const byte App0 = 0xE0;
    private const byte App15 = 0xEF;

    private static readonly HashSet<string> RemovedPngChunks =
        new(["tEXt", "zTXt", "iTXt", "eXIf", "tIME", "exIf", "zxIf"], StringComparer.Ordinal);

    public static bool Supports(EvidenceKind kind) => kind is EvidenceKind.Jpeg or EvidenceKind.Png;

    public static MetadataStripResult Strip(Stream source, Stream destination, EvidenceKind kind)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        if (!Supports(kind))
        {
            return new MetadataStripResult(
                MetadataStripOutcome.NotSupported, [], 0, "Metadata can only be removed from JPEG and PNG images.");
        }

        var removed = new List<string>();
        try
        {
            var reader = new ForwardReader(source);
            var trailing = kind == EvidenceKind.Jpeg
                ? StripJpeg(reader, destination, removed)
                : StripPng(reader, destination, removed);
            destination.Flush();
            return new MetadataStripResult(MetadataStripOutcome.Stripped, removed, trailing, null);
        }
        catch (MalformedImageException ex)
        {
            return new MetadataStripResult(MetadataStripOutcome.Malformed, removed, 0, ex.Message);
        }
    }

    private static long StripJpeg(ForwardReader reader, Stream destination, List<string> removed)
    {
        if (reader.ReadByte() != Marker || reader.ReadByte() != StartOfImage)
        {
            throw new MalformedImageException("This is not a JPEG file.");
        }

        destination.Write([Marker, StartOfImage]);
        var payload = new byte[ushort.MaxValue];
        Span<byte> lengthBytes = stackalloc byte[2];
        var inScan = false;
        while (true)
        {
            var (marker, fillBytes) = inScan ? CopyEntropyCodedData(reader, destination) : ReadMarker(reader);
            if (marker == EndOfImage)
            {
                if (!inScan)
                {
                    throw new MalformedImageException("The JPEG ends before any image data.");
                }

                WriteMarker(destination, marker, fillBytes);
                return reader.SkipToEnd();
            }

            if (marker == StartOfImage || marker == 0x00)
            {
                throw new MalformedImageException("The JPEG has a marker where it cannot be.");
            }

            if (IsStandalone(marker))
            {
                WriteMarker(destination, marker, fillBytes);
                continue;
            }

            var length = (reader.ReadRequiredByte() << 8) | reader.ReadRequiredByte();
            if (length < 2)
            {
                throw new MalformedImageException("A JPEG segment has an impossible length.");
            }

            var body = payload.AsSpan(0, length - 2);
            reader.ReadExactly(body);
            var (keep, replacement, name) = ClassifyJpegSegment(marker, body);
            if (name is not null)
            {
                removed.Add(name);
            }

            if (keep)
            {
                var kept = replacement ?? body;
                WriteMarker(destination, marker, fillBytes);
                BinaryPrimitives.WriteUInt16BigEndian(lengthBytes, (ushort)(kept.Length + 2));
                destination.Write(lengthBytes);
                destination.Write(kept);
            }

            if (marker == StartOfScan)
            {
                inScan = true;
            }
        }
    }

    /// <summary>A marker outside scan data: 0xFF, optional 0xFF fill bytes, the marker code.</summary>
    private static (byte Marker, int FillBytes) ReadMarker(ForwardReader reader)
    {
        if (reader.ReadRequiredByte() != Marker)
        {
            throw new MalformedImageException("The JPEG has data where a segment marker should be.");
        }

        var fillBytes = 0;
        var code = reader.ReadRequiredByte();
        while (code == Marker)
        {
            fillBytes++;
            code = reader.ReadRequiredByte();
        }

        return (code, fillBytes);
    }

    /// <summary>
    /// Copies scan data unchanged up to the next marker that ends it: 0xFF 0x00 (a stuffed data byte) and the restart
    /// markers 0xFF 0xD0–0xD7 belong to the scan. Returns that marker without writing it.
    /// </summary>
    private static (byte Marker, int FillBytes) CopyEntropyCodedData(ForwardReader reader, Stream destination)
    {
        while (true)
        {
            var available = reader.Available;
            if (available.IsEmpty)
            {
                throw ForwardReader.Truncated();
            }

            var markerAt = available.IndexOf(Marker);
            if (markerAt < 0)
            {
                destination.Write(available);
                reader.Advance(available.Length);
                continue;
            }

            destination.Write(available[..markerAt]);
            reader.Advance(markerAt + 1);
            var fillBytes = 0;
            var code = reader.ReadRequiredByte();
            while (code == Marker)
            {
                fillBytes++;
                code = reader.ReadRequiredByte();
            }

            if (code == 0x00 || code is >= 0xD0 and <= 0xD7)
            {
                for (var i = 0; i <= fillBytes; i++)
                {
                    destination.WriteByte(Marker);
                }

                destination.WriteByte(code);
                continue;
            }

            return (code, fillBytes);
        }
    }

    private static bool IsStandalone(byte marker) => marker == 0x01 || marker is >= 0xD0 and <= 0xD7;

    private static void WriteMarker(Stream destination, byte marker, int fillBytes)
    {
        for (var i = 0; i < fillBytes; i++)
        {
            destination.WriteByte(Marker);
        }

        destination.Write([Marker, marker]);
    }

    /// <summary>Whether to keep a segment, what to write instead of its body if anything, and what to call it if removed.</summary>
    private static (bool Keep, byte[]? Replacement, string? RemovedName) ClassifyJpegSegment(byte marker, ReadOnlySpan<byte> body)
    {
        if (marker == Comment)
        {
            return (false, null, "COM");
        }

        if (marker is < App0 or > App15)
        {
            return (true, null, null);
        }

        var app = marker - App0;
        switch (app)
        {
            case 0 when body.StartsWith("JFIF\0"u8):
                if (body.Length < 14 || (body.Length == 14 && body[12] == 0 && body[13] == 0))
                {
                    return (true, null, null);
                }

                var jfif = body[..14].ToArray();
                jfif[12] = 0;
                jfif[13] = 0;
                return (true, jfif, "APP0 JFIF thumbnail");
            case 0 when body.StartsWith("JFXX\0"u8):
                return (false, null, "APP0 JFXX thumbnail");
            case 1 when body.StartsWith("Exif\0"u8):
                return (false, null, "APP1 Exif");
            case 1 when body.StartsWith("http://ns.adobe.com/xap/1.0/\0"u8):
                return (false, null, "APP1 XMP");
            case 1 when body.StartsWith("http://ns.adobe.com/xmp/extension/\0"u8):
                return (false, null, "APP1 extended XMP");
            case 2 when body.StartsWith("ICC_PROFILE\0"u8):
                return (true, null, null);
            case 2 when body.StartsWith("MPF\0"u8):
                return (false, null, "APP2 MPF");
            case 2 when body.StartsWith("FPXR"u8):
                return (false, null, "APP2 FlashPix");
            case 13:
                return (false, null, "APP13 Photoshop/IPTC");
            case 14 when body.StartsWith("Adobe"u8):
                return (true, null, null);
            default:
                return (false, null, string.Create(CultureInfo.InvariantCulture, $"APP{app}"));
        }
    }

    private static long StripPng(ForwardReader reader, Stream destination, List<string> removed)
    {
        Span<byte> signature = stackalloc byte[8];
        reader.ReadExactly(signature);
        if (!signature.SequenceEqual((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            throw new MalformedImageException("This is not a PNG file.");
        }

        destination.Write(signature);
        Span<byte> chunkHeader = stackalloc byte[8];
        var isFirst = true;
        var sawImageData = false;
        while (true)
        {
            reader.ReadExactly(chunkHeader);
            var length = BinaryPrimitives.ReadUInt32BigEndian(chunkHeader);
            var typeBytes = chunkHeader[4..];
            if (length > int.MaxValue || !IsChunkType(typeBytes))
            {
                throw new MalformedImageException("A PNG chunk has an impossible length or type.");
            }

            var type = Encoding.ASCII.GetString(typeBytes);
            if (isFirst && type != "IHDR")
            {
                throw new MalformedImageException("The PNG does not start with its header chunk.");
            }

            isFirst = false;
            sawImageData |= type == "IDAT";
            if (RemovedPngChunks.Contains(type))
            {
                reader.Copy(length + 4L, null);
                removed.Add(type);
                continue;
            }

            destination.Write(chunkHeader);
            reader.Copy(length + 4L, destination);
            if (type == "IEND")
            {
                return sawImageData
                    ? reader.SkipToEnd()
                    : throw new MalformedImageException("The PNG has no image data.");
            }
        }
    }

    private static bool IsChunkType(ReadOnlySpan<byte> type)
    {
        foreach (var b in type)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                return false;
            }
        }

        return true;
    }
}
