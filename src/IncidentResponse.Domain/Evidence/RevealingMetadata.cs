using System.Buffers.Binary;
using System.Text;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Heif;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.WebP;
using MetadataExtractor.IO;
using MetadataDirectory = MetadataExtractor.Directory;

namespace IncidentResponse.Domain.Evidence;

/// <summary>What an image's hidden details say about where, with what and when it was taken (never the values).</summary>
[Flags]
public enum RevealedDetails
{
    None = 0,

    /// <summary>GPS coordinates: where the photo was taken.</summary>
    Location = 1,

    /// <summary>The make or model of the phone or camera.</summary>
    Device = 2,

    /// <summary>When it was taken or last changed, by the device's clock.</summary>
    Time = 4,
}

/// <summary>
/// Finds whether an image carries GPS, device or time metadata, so the person adding it can be told plainly what the
/// file gives away. Reads EXIF (JPEG APP1, PNG eXIf, WebP and HEIF EXIF) and PNG's tIME and uncompressed "Creation
/// Time" text; compressed PNG text is never inflated (a decompression bomb). Only which kinds of detail are present is
/// returned, never their values. A file that cannot be read reveals <see cref="RevealedDetails.None"/> as far as this
/// can tell: it is a hint for the person, not a guarantee (the stripped copy does not rely on it).
/// </summary>
public static class RevealingMetadata
{
    /// <param name="image">A seekable stream at the image's first byte, already accepted by <see cref="ImageInspector"/>. Left open, its position moved.</param>
    public static RevealedDetails Find(Stream image, EvidenceKind kind)
    {
        ArgumentNullException.ThrowIfNull(image);
        try
        {
            return kind switch
            {
                EvidenceKind.Jpeg => FromDirectories(JpegMetadataReader.ReadMetadata(image, [new ExifReader()])),
                EvidenceKind.Png => FromPng(image),
                EvidenceKind.WebP => FromDirectories(WebPMetadataReader.ReadMetadata(image)),
                EvidenceKind.Heif => FromDirectories(HeifMetadataReader.ReadMetadata(image)),
                _ => RevealedDetails.None,
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return RevealedDetails.None;
        }
    }

    private static RevealedDetails FromDirectories(IEnumerable<MetadataDirectory> directories)
    {
        var found = RevealedDetails.None;
        foreach (var directory in directories)
        {
            switch (directory)
            {
                case GpsDirectory gps when gps.GetGeoLocation() is { IsZero: false }:
                    found |= RevealedDetails.Location;
                    break;
                case ExifIfd0Directory ifd0:
                    if (HasText(ifd0, ExifDirectoryBase.TagMake) || HasText(ifd0, ExifDirectoryBase.TagModel))
                    {
                        found |= RevealedDetails.Device;
                    }

                    if (HasText(ifd0, ExifDirectoryBase.TagDateTime))
                    {
                        found |= RevealedDetails.Time;
                    }

                    break;
                case ExifSubIfdDirectory sub:
                    if (HasText(sub, ExifDirectoryBase.TagDateTimeOriginal) || HasText(sub, ExifDirectoryBase.TagDateTimeDigitized))
                    {
                        found |= RevealedDetails.Time;
                    }

                    if (HasText(sub, ExifDirectoryBase.TagLensModel) || HasText(sub, ExifDirectoryBase.TagBodySerialNumber))
                    {
                        found |= RevealedDetails.Device;
                    }

                    break;
            }
        }

        return found;
    }

    private static bool HasText(MetadataDirectory directory, int tag) =>
        !string.IsNullOrWhiteSpace(directory.GetString(tag)?.Trim('\0', ' '));

    /// <summary>Walks the chunks (their lengths were checked by the inspector) to IEND, reading only the few that can tell.</summary>
    private static RevealedDetails FromPng(Stream image)
    {
        var found = RevealedDetails.None;
        var start = image.Position;
        var end = image.Length;
        var position = start + 8;
        Span<byte> header = stackalloc byte[8];
        while (position + 12 <= end)
        {
            image.Position = position;
            image.ReadExactly(header);
            var length = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = Encoding.ASCII.GetString(header[4..]);
            if (length > end - position - 12 || type == "IEND")
            {
                break;
            }

            if (type is "eXIf" or "exIf" or "tIME" or "tEXt")
            {
                var data = new byte[length];
                image.ReadExactly(data);
                found |= type switch
                {
                    "tIME" => RevealedDetails.Time,
                    "tEXt" => data.AsSpan().StartsWith("Creation Time\0"u8) ? RevealedDetails.Time : RevealedDetails.None,
                    _ => FromDirectories(new ExifReader().Extract(new ByteArrayReader(data))),
                };
            }

            position += 12 + length;
        }

        return found;
    }
}
