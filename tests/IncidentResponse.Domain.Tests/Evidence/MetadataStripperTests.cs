using System.Buffers.Binary;
using IncidentResponse.Domain.Evidence;
using MetadataExtractor;
using MetadataExtractor.Formats.Adobe;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Icc;
using MetadataExtractor.Formats.Iptc;
using MetadataExtractor.Formats.Jfif;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Photoshop;
using MetadataExtractor.Formats.Png;
using MetadataExtractor.Formats.Xmp;
using MetadataDirectory = MetadataExtractor.Directory;

namespace IncidentResponse.Domain.Tests.Evidence;

public class MetadataStripperTests
{
    [Fact]
    public void A_JPEG_loses_its_EXIF_GPS_XMP_IPTC_and_comment_and_keeps_everything_else_byte_for_byte()
    {
        var jfif = TestImages.JfifSegment();
        var icc = TestImages.IccSegment();
        var adobe = TestImages.AdobeSegment();
        var original = TestImages.Jpeg(
            16,
            8,
            jfif,
            TestImages.ExifSegment(),
            TestImages.XmpSegment(),
            icc,
            TestImages.PhotoshopIptcSegment(),
            adobe,
            TestImages.CommentSegment("taken at 12 Example Road"));
        var before = ReadMetadata(original);
        Assert.NotEmpty(before.OfType<GpsDirectory>());
        Assert.NotEmpty(before.OfType<ExifIfd0Directory>());
        Assert.NotEmpty(before.OfType<XmpDirectory>());
        Assert.NotEmpty(before.OfType<IptcDirectory>());
        Assert.NotEmpty(before.OfType<JpegCommentDirectory>());

        var (result, stripped) = Strip(original, EvidenceKind.Jpeg);

        Assert.Equal(MetadataStripOutcome.Stripped, result.Outcome);
        Assert.Equal(["APP1 Exif", "APP1 XMP", "APP13 Photoshop/IPTC", "COM"], result.Removed);
        Assert.Equal(TestImages.Jpeg(16, 8, jfif, icc, adobe), stripped);

        var after = ReadMetadata(stripped);
        Assert.Empty(after.OfType<GpsDirectory>());
        Assert.Empty(after.OfType<ExifDirectoryBase>());
        Assert.Empty(after.OfType<XmpDirectory>());
        Assert.Empty(after.OfType<IptcDirectory>());
        Assert.Empty(after.OfType<PhotoshopDirectory>());
        Assert.Empty(after.OfType<JpegCommentDirectory>());
        Assert.NotEmpty(after.OfType<JfifDirectory>());
        Assert.NotEmpty(after.OfType<IccDirectory>());
        Assert.NotEmpty(after.OfType<AdobeJpegDirectory>());
        var frame = Assert.Single(after.OfType<JpegDirectory>());
        Assert.Equal(16, frame.GetImageWidth());
        Assert.Equal(8, frame.GetImageHeight());
        Assert.Equal(original[TestImages.StartOfScan(original)..], stripped[TestImages.StartOfScan(stripped)..]);
    }

    [Fact]
    public void A_JPEG_without_metadata_comes_out_identical()
    {
        var original = TestImages.Jpeg(16, 8, TestImages.JfifSegment());

        var (result, stripped) = Strip(original, EvidenceKind.Jpeg);

        Assert.Empty(result.Removed);
        Assert.Equal(original, stripped);
    }

    [Fact]
    public void A_JFIF_thumbnail_is_removed_and_the_JFIF_header_kept()
    {
        var original = TestImages.Jpeg(16, 8, TestImages.JfifSegment(thumbnailWidth: 2, thumbnailHeight: 2));

        var (result, stripped) = Strip(original, EvidenceKind.Jpeg);

        Assert.Equal(["APP0 JFIF thumbnail"], result.Removed);
        Assert.Equal(TestImages.Jpeg(16, 8, TestImages.JfifSegment()), stripped);
    }

    [Fact]
    public void Other_application_segments_are_removed_but_ICC_and_Adobe_kept()
    {
        var icc = TestImages.IccSegment();
        var adobe = TestImages.AdobeSegment();
        var original = TestImages.Jpeg(
            16,
            8,
            TestImages.JpegSegment(0xE0, "JFXX\0", [0x10]),
            TestImages.JpegSegment(0xE1, "http://ns.adobe.com/xmp/extension/\0", [1, 2, 3]),
            TestImages.JpegSegment(0xE2, "MPF\0", [1, 2, 3]),
            icc,
            TestImages.JpegSegment(0xE2, "FPXR\0", [1]),
            TestImages.JpegSegment(0xE3, "Meta\0", [1]),
            TestImages.JpegSegment(0xEB, "JP", [1]),
            adobe,
            TestImages.JpegSegment(0xEE, "NotAdobe", [1]),
            TestImages.JpegSegment(0xEF, "x", [1]));

        var (result, stripped) = Strip(original, EvidenceKind.Jpeg);

        Assert.Equal(
            ["APP0 JFXX thumbnail", "APP1 extended XMP", "APP2 MPF", "APP2 FlashPix", "APP3", "APP11", "APP14", "APP15"],
            result.Removed);
        Assert.Equal(TestImages.Jpeg(16, 8, icc, adobe), stripped);
    }

    [Fact]
    public void Bytes_after_the_end_of_a_JPEG_are_dropped_and_counted()
    {
        var original = TestImages.Jpeg();
        byte[] appended = [.. "\0\0\0\u0018ftypmp42"u8, .. new byte[100]];

        var (result, stripped) = Strip([.. original, .. appended], EvidenceKind.Jpeg);

        Assert.Equal(appended.Length, result.TrailingBytesRemoved);
        Assert.Equal(original, stripped);
    }

    [Fact]
    public void Scan_data_with_stuffed_bytes_and_restart_markers_is_copied_unchanged()
    {
        // Structure only: SOS, data with 0xFF00 and RST0, a comment and a table between two scans, EOI.
        byte[] scanData = [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xFF, 0xD1, 0x78];
        byte[] sos = TestImages.JpegSegment(0xDA, [1, 1, 0x00, 0, 63, 0]);
        byte[] dht = TestImages.JpegSegment(0xC4, [0x00, 1, .. new byte[15], 0x00]);
        byte[] head = [0xFF, 0xD8, .. TestImages.JpegTables()];
        byte[] original = [.. head, .. sos, .. scanData, .. TestImages.CommentSegment("between scans"), .. dht, .. sos, .. scanData, 0xFF, 0xD9];

        var (result, stripped) = Strip(original, EvidenceKind.Jpeg);

        Assert.Equal(["COM"], result.Removed);
        Assert.Equal([.. head, .. sos, .. scanData, .. dht, .. sos, .. scanData, 0xFF, 0xD9], stripped);
    }

    [Fact]
    public void Fill_bytes_before_a_kept_marker_are_kept()
    {
        var jpeg = TestImages.Jpeg();
        var sos = TestImages.StartOfScan(jpeg);
        byte[] withFill = [.. jpeg[..sos], 0xFF, 0xFF, .. jpeg[sos..]];

        var (result, stripped) = Strip(withFill, EvidenceKind.Jpeg);

        Assert.Equal(MetadataStripOutcome.Stripped, result.Outcome);
        Assert.Equal(withFill, stripped);
    }

    [Fact]
    public void A_PNG_loses_its_text_EXIF_and_time_chunks_and_keeps_the_rest_byte_for_byte()
    {
        (string, byte[]) gamma = ("gAMA", [0, 0, 0xB1, 0x8F]);
        (string, byte[]) physical = ("pHYs", [0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1]);
        var original = TestImages.Png(
            3,
            2,
            [gamma, TestImages.PngText("Author", "Someone"), ("eXIf", TestImages.ExifWithGps()), TestImages.PngXmp(), physical],
            [TestImages.PngTime(), TestImages.PngCompressedText("Comment", "at 12 Example Road")]);
        var before = ReadMetadata(original);
        Assert.NotEmpty(before.OfType<GpsDirectory>());
        Assert.NotEmpty(before.OfType<XmpDirectory>());
        Assert.Contains(before.OfType<PngDirectory>(), d => d.ContainsTag(PngDirectory.TagTextualData));
        Assert.Contains(before.OfType<PngDirectory>(), d => d.ContainsTag(PngDirectory.TagLastModificationTime));

        var (result, stripped) = Strip(original, EvidenceKind.Png);

        Assert.Equal(["tEXt", "eXIf", "iTXt", "tIME", "zTXt"], result.Removed);
        Assert.Equal(TestImages.Png(3, 2, gamma, physical), stripped);
        var after = ReadMetadata(stripped);
        Assert.Empty(after.OfType<GpsDirectory>());
        Assert.Empty(after.OfType<ExifDirectoryBase>());
        Assert.Empty(after.OfType<XmpDirectory>());
        Assert.DoesNotContain(after.OfType<PngDirectory>(), d => d.ContainsTag(PngDirectory.TagTextualData));
        Assert.DoesNotContain(after.OfType<PngDirectory>(), d => d.ContainsTag(PngDirectory.TagLastModificationTime));
        var header = Assert.Single(after.OfType<PngDirectory>(), d => d.ContainsTag(PngDirectory.TagImageWidth));
        Assert.Equal(3, header.GetInt32(PngDirectory.TagImageWidth));
        Assert.Equal(2, header.GetInt32(PngDirectory.TagImageHeight));
        AssertEveryChunkCrcIsValid(stripped);
    }

    [Fact]
    public void The_unofficial_EXIF_chunks_are_removed_too()
    {
        var original = TestImages.Png(3, 2, ("exIf", TestImages.ExifWithGps()), ("zxIf", [1, 2, 3]));

        var (result, stripped) = Strip(original, EvidenceKind.Png);

        Assert.Equal(["exIf", "zxIf"], result.Removed);
        Assert.Equal(TestImages.Png(3, 2), stripped);
    }

    [Fact]
    public void A_PNG_image_data_chunk_is_copied_unchanged()
    {
        var original = TestImages.Png(40, 30, TestImages.PngText("a", "b"));
        var imageData = TestImages.PngChunk("IDAT", TestImages.PngImageData(40, 30));

        var (_, stripped) = Strip(original, EvidenceKind.Png);

        Assert.True(stripped.AsSpan().IndexOf(imageData) > 0);
    }

    [Fact]
    public void Bytes_after_the_end_of_a_PNG_are_dropped_and_counted()
    {
        var original = TestImages.Png(3, 2);
        byte[] appended = [.. "PK\u0003\u0004"u8, .. new byte[40]];

        var (result, stripped) = Strip([.. original, .. appended], EvidenceKind.Png);

        Assert.Equal(appended.Length, result.TrailingBytesRemoved);
        Assert.Equal(original, stripped);
    }

    [Fact]
    public void A_JPEG_keeps_only_the_segments_it_knows_so_C2PA_IPTC_and_unknown_markers_go_and_the_scan_is_unchanged()
    {
        var jfif = TestImages.JfifSegment();
        var icc = TestImages.IccSegment();
        var adobe = TestImages.AdobeSegment();
        // APP11 JUMBF as C2PA writes it: "JP", instance, sequence, then a jumb box whose description is "c2pa".
        var c2pa = TestImages.JpegSegment(0xEB, "JP", [0, 1, 0, 0, 0, 1, .. TestImages.C2paManifestStore()]);
        var original = TestImages.Jpeg(
            16,
            8,
            jfif,
            c2pa,
            icc,
            TestImages.PhotoshopIptcSegment(),
            adobe,
            TestImages.JpegSegment(0xE9, "NewVendorMeta\0", [1, 2, 3]),
            TestImages.JpegSegment(0xF1, [9, 9]),
            TestImages.JpegSegment(0xDE, [7]));
        Assert.Contains(ReadMetadata(original), d => d is IptcDirectory);

        var (result, stripped) = Strip(original, EvidenceKind.Jpeg);

        Assert.Equal(MetadataStripOutcome.Stripped, result.Outcome);
        Assert.Equal(["APP11", "APP13 Photoshop/IPTC", "APP9", "marker 0xF1", "marker 0xDE"], result.Removed);
        Assert.Equal(TestImages.Jpeg(16, 8, jfif, icc, adobe), stripped);
        Assert.Equal(-1, stripped.AsSpan().IndexOf("c2pa"u8));
        Assert.Equal(-1, stripped.AsSpan().IndexOf("jumb"u8));
        Assert.DoesNotContain(ReadMetadata(stripped), d => d is IptcDirectory or PhotoshopDirectory);
        Assert.Equal(original[TestImages.StartOfScan(original)..], stripped[TestImages.StartOfScan(stripped)..]);
    }

    [Fact]
    public void A_PNG_keeps_only_the_chunks_it_knows_so_C2PA_and_unknown_chunks_go_and_the_image_data_is_unchanged()
    {
        (string, byte[])[] colour =
        [
            ("cHRM", new byte[32]),
            ("gAMA", [0, 0, 0xB1, 0x8F]),
            ("iCCP", [.. "ICC\0"u8, 0, .. TestImages.Zlib([1, 2, 3])]),
            ("sBIT", [8]),
            ("sRGB", [0]),
            ("cICP", [1, 13, 0, 1]),
            ("pHYs", [0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1]),
            ("tRNS", [0, 0]),
        ];
        (string, byte[])[] animation = [("acTL", [0, 0, 0, 1, 0, 0, 0, 0])];
        var original = TestImages.Png(
            3,
            2,
            [
                .. colour,
                ("caBX", TestImages.C2paManifestStore()),
                ("vpAg", [0, 0, 0, 3, 0, 0, 0, 2, 0]),
                ("prVt", "where: 12 Example Road"u8.ToArray()),
                ("bKGD", [0, 0]),
                .. animation,
            ],
            [("caBX", TestImages.C2paManifestStore()), ("QQQQ", [1])]);

        var (result, stripped) = Strip(original, EvidenceKind.Png);

        Assert.Equal(MetadataStripOutcome.Stripped, result.Outcome);
        Assert.Equal(["caBX", "vpAg", "prVt", "bKGD", "caBX", "QQQQ"], result.Removed);
        Assert.Equal(TestImages.Png(3, 2, [.. colour, .. animation], []), stripped);
        Assert.Equal(-1, stripped.AsSpan().IndexOf("c2pa"u8));
        Assert.Equal(-1, stripped.AsSpan().IndexOf("Example Road"u8));
        Assert.True(stripped.AsSpan().IndexOf(TestImages.PngChunk("IDAT", TestImages.PngImageData(3, 2))) > 0);
        AssertEveryChunkCrcIsValid(stripped);
    }

    [Fact]
    public void The_kept_PNG_chunks_are_exactly_the_ones_needed_to_show_the_picture()
    {
        Assert.Equal(
            ["IDAT", "IEND", "IHDR", "PLTE", "acTL", "cHRM", "cICP", "fcTL", "fdAT", "gAMA", "iCCP", "pHYs", "sBIT", "sRGB", "tRNS"],
            MetadataStripper.KeptPngChunks.Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, byte[], EvidenceKind> Malformed
    {
        get
        {
            var jpeg = TestImages.Jpeg(16, 8, TestImages.ExifSegment());
            var png = TestImages.Png(3, 2, TestImages.PngText("a", "b"));
            return new()
            {
                { "JPEG cut inside a segment", jpeg[..40], EvidenceKind.Jpeg },
                { "JPEG cut inside its scan", jpeg[..^2], EvidenceKind.Jpeg },
                { "JPEG with junk where a marker belongs", [0xFF, 0xD8, 0x00, 0x01, .. jpeg[2..]], EvidenceKind.Jpeg },
                { "JPEG segment with an impossible length", [0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x01, .. jpeg[2..]], EvidenceKind.Jpeg },
                { "JPEG ending before image data", [0xFF, 0xD8, .. TestImages.JpegTables(), 0xFF, 0xD9], EvidenceKind.Jpeg },
                { "a PNG called a JPEG", png, EvidenceKind.Jpeg },
                { "PNG cut before IEND", png[..^12], EvidenceKind.Png },
                { "PNG cut inside a chunk", png[..40], EvidenceKind.Png },
                {
                    "PNG not starting with IHDR",
                    [.. TestImages.PngSignature, .. TestImages.PngChunk("IDAT", [1]), .. TestImages.PngChunk("IEND", [])],
                    EvidenceKind.Png
                },
                { "PNG with a chunk type that is not letters", [.. png[..33], 0, 0, 0, 0, .. "teX1"u8, 0, 0, 0, 0], EvidenceKind.Png },
                { "a JPEG called a PNG", jpeg, EvidenceKind.Png },
                { "empty", [], EvidenceKind.Png },
            };
        }
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_input_gives_a_failure_result(string description, byte[] input, EvidenceKind kind)
    {
        var (result, _) = Strip(input, kind);

        Assert.True(MetadataStripOutcome.Malformed == result.Outcome, description);
        Assert.False(result.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(result.Problem));
    }

    [Theory]
    [InlineData(EvidenceKind.Gif)]
    [InlineData(EvidenceKind.WebP)]
    [InlineData(EvidenceKind.Heif)]
    [InlineData(EvidenceKind.Pdf)]
    [InlineData(EvidenceKind.Mp4)]
    [InlineData(EvidenceKind.Unknown)]
    public void Other_kinds_are_not_supported_and_nothing_is_written(EvidenceKind kind)
    {
        var (result, output) = Strip(TestImages.Gif(1, 1), kind);

        Assert.Equal(MetadataStripOutcome.NotSupported, result.Outcome);
        Assert.Empty(output);
    }

    [Fact]
    public void A_non_seekable_source_is_fine()
    {
        var original = TestImages.Jpeg(16, 8, TestImages.ExifSegment());
        var output = new MemoryStream();

        var result = MetadataStripper.Strip(new ForwardOnlyStream(original, maxReadSize: 3), output, EvidenceKind.Jpeg);

        Assert.True(result.Succeeded);
        Assert.Equal(TestImages.Jpeg(), output.ToArray());
    }

    private static (MetadataStripResult Result, byte[] Output) Strip(byte[] input, EvidenceKind kind)
    {
        var output = new MemoryStream();
        var result = MetadataStripper.Strip(new MemoryStream(input), output, kind);
        return (result, output.ToArray());
    }

    private static IReadOnlyList<MetadataDirectory> ReadMetadata(byte[] image) =>
        ImageMetadataReader.ReadMetadata(new MemoryStream(image));

    private static void AssertEveryChunkCrcIsValid(byte[] png)
    {
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var stored = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.Equal(TestImages.Crc32(png.AsSpan(offset + 4, 4 + length)), stored);
            offset += 12 + length;
        }
    }
}
