using System.Buffers.Binary;
using System.Globalization;
using MetadataExtractor;
using MetadataExtractor.Formats.Gif;
using MetadataExtractor.Formats.Heif;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Png;
using MetadataExtractor.Formats.WebP;
using MetadataExtractor.IO;
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
/// Reads an image's declared dimensions from its headers with MetadataExtractor, decoding no pixels, and refuses
/// images too large to decode safely before anything (a thumbnailer, a browser) tries. Before that it walks the file's
/// structure: JPEG segments and PNG chunks to the end marker (as <see cref="MetadataStripper"/> does), so a file cut
/// short or with broken segments is unreadable, and WebP's RIFF chunks, so none claims more bytes than the file has.
/// GIF and HEIF get only MetadataExtractor's own checks. Failures are results, not exceptions.
/// </summary>
public static class ImageInspector
{
    public const long MaxPixels = 100_000_000;
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

        if (width > MaxSide || height > MaxSide || (long)width * height > MaxPixels)
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
        EvidenceKind.Jpeg => FromTags<JpegDirectory>(
            JpegMetadataReader.ReadMetadata(image, [new JpegReader()]), JpegDirectory.TagImageWidth, JpegDirectory.TagImageHeight),
        EvidenceKind.Png => ReadPngHeader(image),
        EvidenceKind.Gif => ReadGif(image),
        EvidenceKind.WebP => FromTags<WebPDirectory>(
            WebPMetadataReader.ReadMetadata(image), WebPDirectory.TagImageWidth, WebPDirectory.TagImageHeight),
        EvidenceKind.Heif => FromTags<HeicImagePropertiesDirectory>(
            HeifMetadataReader.ReadMetadata(image), HeicImagePropertiesDirectory.TagImageWidth, HeicImagePropertiesDirectory.TagImageHeight),
        _ => null,
    };

    /// <summary>Only the IHDR chunk: the whole-file reader would also inflate zTXt/iTXt text, itself a bomb vector.</summary>
    private static (int Width, int Height)? ReadPngHeader(Stream image)
    {
        var chunks = new PngChunkReader().Extract(new SequentialStreamReader(image), [PngChunkType.IHDR]);
        var ihdr = chunks.FirstOrDefault();
        if (ihdr is null)
        {
            return null;
        }

        var header = new PngHeader(ihdr.Bytes);
        return (header.ImageWidth, header.ImageHeight);
    }

    /// <summary>The logical screen and every frame: a decoder may allocate a frame's own size.</summary>
    private static (int Width, int Height)? ReadGif(Stream image)
    {
        var directories = GifMetadataReader.ReadMetadata(image);
        var screen = FromTags<GifHeaderDirectory>(directories, GifHeaderDirectory.TagImageWidth, GifHeaderDirectory.TagImageHeight);
        if (screen is not var (width, height))
        {
            return null;
        }

        foreach (var frame in directories.OfType<GifImageDirectory>())
        {
            if (frame.TryGetInt32(GifImageDirectory.TagLeft, out var left)
                && frame.TryGetInt32(GifImageDirectory.TagWidth, out var frameWidth))
            {
                width = Math.Max(width, left + frameWidth);
            }

            if (frame.TryGetInt32(GifImageDirectory.TagTop, out var top)
                && frame.TryGetInt32(GifImageDirectory.TagHeight, out var frameHeight))
            {
                height = Math.Max(height, top + frameHeight);
            }
        }

        return (width, height);
    }

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
