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
/// embedded thumbnails, text chunks, C2PA provenance manifests), leaving the pixels' encoded data byte for byte as it
/// was: nothing is decoded or re-encoded, so the copy is lossless. The original stays the evidence; the copy is for
/// sharing. It keeps only what it knows is needed to show the picture (an allow-list): anything it does not know,
/// including segments and chunks invented after this was written, is left out.
/// <para>JPEG keeps SOI, the frame headers (SOF0–SOF15), DHT, DAC, DQT, DRI, DNL, SOS with its entropy-coded data
/// (restart markers and stuffed bytes included, between the scans of a progressive JPEG too) and EOI; of the
/// application segments only APP0 JFIF (its thumbnail emptied), APP2 ICC_PROFILE (colour) and APP14 Adobe (the colour
/// transform of CMYK and YCCK pictures). Everything else goes: APP1 (Exif, XMP), APP2 MPF and FlashPix, APP11
/// (JUMBF, which carries C2PA), APP13 (Photoshop/IPTC), every other APPn, COM, the hierarchical and extension markers
/// (DHP, EXP, JPG0–JPG13) and any marker not listed. Bytes after EOI (appended videos, zips, other trailers) are
/// dropped.</para>
/// <para>PNG keeps the chunks a viewer needs to show the picture as intended: IHDR, PLTE, IDAT and IEND; tRNS
/// (transparency); gAMA, cHRM, sRGB, iCCP, cICP and sBIT (colour); pHYs (pixel density: a screenshot from a high-density
/// screen shows at its real size); acTL, fcTL and fdAT (the frames of an animated PNG). Every other chunk goes: tEXt,
/// zTXt, iTXt, eXIf, tIME, the unofficial exIf and zxIf, caBX (C2PA), bKGD, hIST, sPLT and any unknown chunk, ancillary
/// or critical. Kept chunks are copied byte for byte with their CRC; bytes after IEND are dropped.</para>
/// <para>Why our own code and not SkiaSharp (ADR 0020): decoding and re-encoding would make the shared copy a different
/// picture — JPEG loses quality again at every encode, colour profiles and exact pixel values can shift — so it could
/// no longer be shown to match the original, and a re-encode would carry whatever the encoder writes, not only what we
/// chose to keep. Skia also writes metadata only as its encoder sees fit and exposes no segment- or chunk-level
/// editing. Removing segments and chunks keeps the picture's encoded data byte for byte, which a test can check, and
/// keeps an allow-list we control.</para>
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

    /// <summary>The PNG chunks kept; every other chunk is removed.</summary>
    public static readonly IReadOnlySet<string> KeptPngChunks = new HashSet<string>(
        ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "cICP", "sBIT", "pHYs", "acTL", "fcTL", "fdAT"],
        StringComparer.Ordinal);

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

            CopySegment(reader, destination, marker, fillBytes, payload, removed);
            if (marker == StartOfScan)
            {
                inScan = true;
            }
        }
    }

    /// <summary>
    /// A segment with a length, read whole into <paramref name="payload"/>: written again as it was or rewritten, or
    /// left out with its name noted in <paramref name="removed"/>.
    /// </summary>
    private static void CopySegment(ForwardReader reader, Stream destination, byte marker, int fillBytes, byte[] payload, List<string> removed)
    {
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
            Span<byte> lengthBytes = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(lengthBytes, (ushort)(kept.Length + 2));
            destination.Write(lengthBytes);
            destination.Write(kept);
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

    /// <summary>
    /// The segments outside APPn a baseline, progressive, lossless or arithmetic-coded picture needs: SOF0–SOF15 (0xC0–0xCF
    /// but for DHT 0xC4, the reserved JPG 0xC8 and DAC 0xCC), DHT, DAC, DQT, DNL, DRI and SOS. Not DHP and EXP
    /// (hierarchical pictures, which browsers do not show), JPG0–JPG13 (0xF0–0xFD) or reserved codes.
    /// </summary>
    private static bool IsKeptJpegMarker(byte marker) =>
        marker is (>= 0xC0 and <= 0xCF and not 0xC8) or StartOfScan or 0xDB or 0xDC or 0xDD;

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
            return IsKeptJpegMarker(marker)
                ? (true, null, null)
                : (false, null, string.Create(CultureInfo.InvariantCulture, $"marker 0x{marker:X2}"));
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
            if (!KeptPngChunks.Contains(type))
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
