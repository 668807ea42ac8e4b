using System.Buffers.Binary;
using System.Globalization;
using MetadataExtractor;
using MetadataExtractor.Formats.Heif;
using SkiaSharp;
using MetadataDirectory = MetadataExtractor.Directory;

namespace IncidentResponse.Domain.Evidence;

public enum ImageInspectionOutcome
{
    Accepted,

    /// <summary>The declared dimensions are too large to decode safely (a pixel flood or decompression bomb).</summary>
    TooManyPixels,

    /// <summary>Truncated, corrupt, or dimensions missing.</summary>
    Unreadable,

    /// <summary>Not one of the image kinds this inspects.</summary>
    NotAnImage,
}

/// <summary>What <see cref="ImageInspector"/> found. Width and height are 0 when they could not be read.</summary>
public sealed record ImageInspection(ImageInspectionOutcome Outcome, int Width, int Height, string? Problem)
{
    public bool IsAccepted => Outcome == ImageInspectionOutcome.Accepted;
}

/// <summary>
/// Reads an image's declared dimensions from its headers with SkiaSharp's <see cref="SKCodec"/>, decoding no pixels,
/// and refuses images too large to decode safely before anything (the obscured copy, a thumbnailer, a browser) tries.
/// Before that it walks the file's structure: JPEG segments and PNG chunks to the end marker (as
/// <see cref="MetadataStripper"/> does), so a file cut short or with broken segments is unreadable (a codec reads only
/// the headers and would accept it), and WebP's RIFF chunks, so none claims more bytes than the file has. HEIF is read
/// by MetadataExtractor's box reader instead: Skia's Linux build has no HEIF decoder (ADR 0020). Failures are results,
/// not exceptions.
/// </summary>
public static class ImageInspector
{
    public const long MaxPixels = 100_000_000;

    /// <summary>True when a picture of this size is within <see cref="MaxSide"/> a side and <see cref="MaxPixels"/> in all.</summary>
    public static bool WithinLimits(int width, int height) => width <= MaxSide && height <= MaxSide && (long)width * height <= MaxPixels;
    public const int MaxSide = 30_000;

    /// <param name="image">A seekable stream positioned at the image's first byte (images are at most
    /// <see cref="EvidenceLimits.ImageMaxBytes"/>, so a <see cref="MemoryStream"/> will do). It is left open.</param>
    public static ImageInspection Inspect(Stream image, EvidenceKind kind)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (EvidenceKinds.Describe(kind).Category != EvidenceCategory.Image)
        {
            return new ImageInspection(ImageInspectionOutcome.NotAnImage, 0, 0, "This is not an image.");
        }

        if (!image.CanSeek)
        {
            throw new ArgumentException("Images are inspected from a seekable stream.", nameof(image));
        }

        // Walk the structure first: it fails on a segment or chunk longer than the file, for which MetadataExtractor
        // would otherwise allocate what was declared (a PNG header or WebP EXIF chunk declaring 1.5 GB, say).
        var start = image.Position;
        var structureProblem = kind switch
        {
            EvidenceKind.Jpeg or EvidenceKind.Png => MetadataStripper.Strip(image, Stream.Null, kind).Problem,
            EvidenceKind.WebP => CheckRiffChunks(image),
            _ => null,
        };
        if (structureProblem is not null)
        {
            return Unreadable(structureProblem);
        }

        image.Position = start;

        (int Width, int Height)? size;
        try
        {
            size = ReadDimensions(image, kind);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return Unreadable("The image's headers could not be read; it may be cut short or damaged.");
        }

        if (size is not var (width, height) || width <= 0 || height <= 0)
        {
            return Unreadable("The image does not declare its width and height.");
        }

        if (!WithinLimits(width, height))
        {
            return new ImageInspection(
                ImageInspectionOutcome.TooManyPixels,
                width,
                height,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The image declares {width} × {height} pixels; the most accepted is "
                    + $"{MaxPixels / 1_000_000} megapixels and {MaxSide} pixels a side."));
        }

        return new ImageInspection(ImageInspectionOutcome.Accepted, width, height, null);
    }

    /// <summary>Null when the RIFF container and every chunk in it lie within the file; otherwise the problem.</summary>
    private static string? CheckRiffChunks(Stream image)
    {
        const string Problem = "The image's chunks do not fit in the file; it may be cut short or damaged.";
        var start = image.Position;
        var available = image.Length - start;
        Span<byte> header = stackalloc byte[8];
        if (image.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
        {
            return Problem;
        }

        var riffEnd = 8L + BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        if (riffEnd < 12 || riffEnd > available)
        {
            return Problem;
        }

        for (var position = 12L; position < riffEnd;)
        {
            image.Position = start + position;
            if (position + 8 > riffEnd || image.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
            {
                return Problem;
            }

            var size = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            if (position + 8 + size > riffEnd)
            {
                return Problem;
            }

            position += 8 + size + (size & 1);
        }

        return null;
    }

    private static ImageInspection Unreadable(string? problem) =>
        new(ImageInspectionOutcome.Unreadable, 0, 0, problem);

    private static (int Width, int Height)? ReadDimensions(Stream image, EvidenceKind kind) => kind switch
    {
        EvidenceKind.Heif => FromTags<HeicImagePropertiesDirectory>(
            HeifMetadataReader.ReadMetadata(image), HeicImagePropertiesDirectory.TagImageWidth, HeicImagePropertiesDirectory.TagImageHeight),
        _ => ReadWithCodec(image, kind),
    };

    /// <summary>
    /// The size Skia's codec reads from the headers; null when Skia does not recognise the file as the kind it was
    /// sniffed as. For a GIF that is the logical screen widened to take in the first frame (a 1 × 1 screen around a
    /// 40,000-pixel frame declares 40,000 pixels); Skia clips later frames to it.
    /// </summary>
    private static (int Width, int Height)? ReadWithCodec(Stream image, EvidenceKind kind)
    {
        // The codec reads the headers through the caller's stream, lazily, and leaves it open: no copy of the image.
        using var codec = SKCodec.Create(new SKManagedStream(image, disposeManagedStream: false));
        return codec is null || codec.EncodedFormat != Expected(kind) ? null : (codec.Info.Width, codec.Info.Height);
    }

    private static SKEncodedImageFormat Expected(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Jpeg => SKEncodedImageFormat.Jpeg,
        EvidenceKind.Png => SKEncodedImageFormat.Png,
        EvidenceKind.Gif => SKEncodedImageFormat.Gif,
        EvidenceKind.WebP => SKEncodedImageFormat.Webp,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an image kind Skia reads."),
    };

    /// <summary>
    /// The largest width and the largest height any directory of that type declares (HEIF has one per tile, one for
    /// the grid and one for the thumbnail), so no declared size escapes the limits.
    /// </summary>
    private static (int Width, int Height)? FromTags<T>(IEnumerable<MetadataDirectory> directories, int widthTag, int heightTag)
        where T : MetadataDirectory
    {
        (int Width, int Height)? largest = null;
        foreach (var directory in directories.OfType<T>())
        {
            if (directory.TryGetInt32(widthTag, out var width) && directory.TryGetInt32(heightTag, out var height))
            {
                largest = largest is var (largestWidth, largestHeight)
                    ? (Math.Max(largestWidth, width), Math.Max(largestHeight, height))
                    : (width, height);
            }
        }

        return largest;
    }
}
