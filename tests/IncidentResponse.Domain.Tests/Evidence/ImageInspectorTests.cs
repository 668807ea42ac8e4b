using System.Buffers.Binary;
using IncidentResponse.Domain.Evidence;

namespace IncidentResponse.Domain.Tests.Evidence;

public class ImageInspectorTests
{
    public static TheoryData<string, byte[], EvidenceKind, int, int> GoodImages => new()
    {
        { "JPEG", TestImages.Jpeg(16, 8, TestImages.JfifSegment(), TestImages.ExifSegment()), EvidenceKind.Jpeg, 16, 8 },
        { "PNG", TestImages.Png(3, 2), EvidenceKind.Png, 3, 2 },
        { "GIF", TestImages.Gif(1, 1), EvidenceKind.Gif, 1, 1 },
        { "WebP lossless", TestImages.WebPLossless(3, 2), EvidenceKind.WebP, 3, 2 },
        { "WebP extended", TestImages.WebPExtended(640, 480), EvidenceKind.WebP, 640, 480 },
        { "HEIC", TestImages.Heif(4032, 3024), EvidenceKind.Heif, 4032, 3024 },
        { "PNG of exactly 100 megapixels", TestImages.PngDeclaring(10_000, 10_000), EvidenceKind.Png, 10_000, 10_000 },
        { "PNG of exactly 30,000 pixels a side", TestImages.PngDeclaring(30_000, 100), EvidenceKind.Png, 30_000, 100 },
    };

    public static TheoryData<string, byte[], EvidenceKind, int, int> PixelFloods => new()
    {
        { "PNG decompression bomb", TestImages.PngDeclaring(100_000, 100_000), EvidenceKind.Png, 100_000, 100_000 },
        { "PNG over 100 megapixels with sides within limits", TestImages.PngDeclaring(20_000, 20_000), EvidenceKind.Png, 20_000, 20_000 },
        { "PNG one pixel too wide", TestImages.PngDeclaring(30_001, 1), EvidenceKind.Png, 30_001, 1 },
        { "JPEG declaring 60000 × 60000", TestImages.Jpeg(60_000, 60_000), EvidenceKind.Jpeg, 60_000, 60_000 },
        { "GIF with a huge frame on a tiny screen", TestImages.Gif(1, 1, 40_000, 40_000), EvidenceKind.Gif, 40_000, 40_000 },
        { "WebP of 16384 × 16384, the most VP8L can declare", TestImages.WebPLossless(16_384, 16_384), EvidenceKind.WebP, 16_384, 16_384 },
        { "HEIC of 40000 × 40000", TestImages.Heif(40_000, 40_000), EvidenceKind.Heif, 40_000, 40_000 },
    };

    [Theory]
    [MemberData(nameof(GoodImages))]
    public void Reads_the_dimensions_without_decoding(string description, byte[] image, EvidenceKind kind, int width, int height)
    {
        var inspection = ImageInspector.Inspect(new MemoryStream(image), kind);

        Assert.True(inspection.IsAccepted, description + ": " + inspection.Problem);
        Assert.Equal((width, height), (inspection.Width, inspection.Height));
    }

    [Theory]
    [MemberData(nameof(PixelFloods))]
    public void Refuses_images_too_large_to_decode_safely(string description, byte[] image, EvidenceKind kind, int width, int height)
    {
        var inspection = ImageInspector.Inspect(new MemoryStream(image), kind);

        Assert.True(ImageInspectionOutcome.TooManyPixels == inspection.Outcome, description);
        Assert.Equal((width, height), (inspection.Width, inspection.Height));
        Assert.NotNull(inspection.Problem);
    }

    [Fact]
    public void The_decompression_bomb_is_a_tiny_file()
    {
        Assert.InRange(TestImages.PngDeclaring(100_000, 100_000).Length, 1, 100);
    }

    public static TheoryData<string, byte[], EvidenceKind> BrokenImages
    {
        get
        {
            var jpeg = TestImages.Jpeg(16, 8, TestImages.ExifSegment());
            var png = TestImages.Png(3, 2);
            var gif = TestImages.Gif(1, 1);
            return new()
            {
                { "JPEG cut before its frame header", jpeg[..(TestImages.StartOfScan(jpeg) - 40)], EvidenceKind.Jpeg },
                { "JPEG cut inside its scan data", jpeg[..^2], EvidenceKind.Jpeg },
                { "JPEG without image data", [0xFF, 0xD8, 0xFF, 0xD9], EvidenceKind.Jpeg },
                { "PNG cut before IEND", png[..^12], EvidenceKind.Png },
                { "PNG cut inside IHDR", png[..20], EvidenceKind.Png },
                {
                    "PNG without image data",
                    [.. TestImages.PngSignature, .. TestImages.PngChunk("IHDR", TestImages.PngHeader(3, 2)), .. TestImages.PngChunk("IEND", [])],
                    EvidenceKind.Png
                },
                { "GIF cut inside its header", gif[..8], EvidenceKind.Gif },
                { "WebP cut inside its header", TestImages.WebPLossless(3, 2)[..22], EvidenceKind.WebP },
                { "WebP canvas of 50000 × 50000 around a 1 × 1 still image", TestImages.WebPExtended(50_000, 50_000), EvidenceKind.WebP },
                {
                    "HEIC without properties",
                    [.. TestImages.Box("ftyp", [.. "heic"u8, 0, 0, 0, 0]), .. TestImages.Box("mdat", new byte[8])],
                    EvidenceKind.Heif
                },
                { "random bytes called a JPEG", [0xFF, 0xD8, 0xFF, 0x12, 0x34, 0x56, 0x78], EvidenceKind.Jpeg },
                { "a GIF called a PNG", gif, EvidenceKind.Png },
                { "a WebP called a GIF", TestImages.WebPLossless(3, 2), EvidenceKind.Gif },
                { "a PNG called a WebP", TestImages.Png(3, 2), EvidenceKind.WebP },
                { "nothing at all", [], EvidenceKind.Jpeg },
                { "declared zero width", TestImages.PngDeclaring(0, 10), EvidenceKind.Png },
            };
        }
    }

    [Theory]
    [MemberData(nameof(BrokenImages))]
    public void Broken_images_give_a_clear_failure_not_an_exception(string description, byte[] image, EvidenceKind kind)
    {
        var inspection = ImageInspector.Inspect(new MemoryStream(image), kind);

        Assert.True(ImageInspectionOutcome.Unreadable == inspection.Outcome, description + ": " + inspection.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(inspection.Problem));
    }

    public static TheoryData<string, byte[], EvidenceKind> OverlongChunks
    {
        get
        {
            var png = TestImages.Png(3, 2);
            BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(8), 0x5FFF_FFF0);
            var webP = TestImages.Riff("WEBP", ("VP8L", [0x2F, 0, 0, 0, 0, 0, 0, 0]), ("EXIF", new byte[16]));
            BinaryPrimitives.WriteInt32LittleEndian(webP.AsSpan(4), 0x7FFF_FFF0);
            BinaryPrimitives.WriteInt32LittleEndian(webP.AsSpan(webP.Length - 20), 0x5FFF_FFF0);
            var webPInsideItsRiff = TestImages.Riff("WEBP", ("VP8L", [0x2F, 0, 0, 0, 0, 0, 0, 0]), ("EXIF", new byte[16]));
            BinaryPrimitives.WriteInt32LittleEndian(webPInsideItsRiff.AsSpan(webPInsideItsRiff.Length - 20), 0x5FFF_FFF0);
            return new()
            {
                { "PNG header chunk declaring 1.5 GB", png, EvidenceKind.Png },
                { "WebP EXIF chunk and RIFF declaring 1.5 GB", webP, EvidenceKind.WebP },
                { "WebP EXIF chunk declaring more than its RIFF", webPInsideItsRiff, EvidenceKind.WebP },
            };
        }
    }

    [Theory]
    [MemberData(nameof(OverlongChunks))]
    public void A_chunk_claiming_more_bytes_than_the_file_is_unreadable_and_nothing_large_is_allocated(
        string description, byte[] image, EvidenceKind kind)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var inspection = ImageInspector.Inspect(new MemoryStream(image), kind);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(ImageInspectionOutcome.Unreadable == inspection.Outcome, description);
        Assert.InRange(allocated, 0, 1024 * 1024);
    }

    [Theory]
    [InlineData(EvidenceKind.Pdf)]
    [InlineData(EvidenceKind.Mp4)]
    [InlineData(EvidenceKind.Html)]
    [InlineData(EvidenceKind.Unknown)]
    public void Other_kinds_are_not_images(EvidenceKind kind)
    {
        Assert.Equal(ImageInspectionOutcome.NotAnImage, ImageInspector.Inspect(new MemoryStream([1, 2, 3]), kind).Outcome);
    }

    [Theory]
    [InlineData(EvidenceKind.Png)]
    [InlineData(EvidenceKind.Gif)]
    public void Inspection_needs_a_seekable_stream(EvidenceKind kind)
    {
        Assert.Throws<ArgumentException>(() => ImageInspector.Inspect(new ForwardOnlyStream(TestImages.Gif(1, 1)), kind));
    }

    [Fact]
    public void Inspection_starts_from_the_streams_current_position()
    {
        var stream = new MemoryStream([.. new byte[7], .. TestImages.Png(3, 2)]) { Position = 7 };

        Assert.True(ImageInspector.Inspect(stream, EvidenceKind.Png).IsAccepted);
    }
}
