using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Operator.Demo;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Jpeg;

namespace IncidentResponse.Web.Tests;

public sealed class BaselineJpegEncoderTests
{
    private static readonly ExifDetails Phone = new("Apple", "iPhone 13", new DateTime(2026, 1, 2, 3, 4, 5), 51.5123, -0.1234);

    [Fact]
    public void A_screenshot_sized_jpeg_carries_its_size_its_device_and_where_it_was_taken()
    {
        var jpeg = BaselineJpegEncoder.Encode(1080, 1920, Gradient(1080, 1920), 85, ExifSegment.App1(Phone));

        var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(jpeg));

        var frame = directories.OfType<JpegDirectory>().Single();
        Assert.Equal((1080, 1920, 3), (frame.GetImageWidth(), frame.GetImageHeight(), frame.GetNumberOfComponents()));
        var device = directories.OfType<ExifIfd0Directory>().Single();
        Assert.Equal(("Apple", "iPhone 13"), (device.GetString(ExifDirectoryBase.TagMake), device.GetString(ExifDirectoryBase.TagModel)));
        Assert.Equal("2026:01:02 03:04:05", directories.OfType<ExifSubIfdDirectory>().Single().GetString(ExifDirectoryBase.TagDateTimeOriginal));
        var place = directories.OfType<GpsDirectory>().Single().GetGeoLocation();
        Assert.NotNull(place);
        Assert.Equal(51.5123, place.Latitude, 4);
        Assert.Equal(-0.1234, place.Longitude, 4);
        Assert.Equal(Inspection(jpeg), (ImageInspectionOutcome.Accepted, 1080, 1920));
    }

    [Fact]
    public void The_stripped_copy_has_no_exif_and_keeps_the_encoded_image_byte_for_byte()
    {
        var exif = ExifSegment.App1(Phone);
        var jpeg = BaselineJpegEncoder.Encode(64, 40, Gradient(64, 40), 90, exif);
        using var stripped = new MemoryStream();

        var result = MetadataStripper.Strip(new MemoryStream(jpeg), stripped, EvidenceKind.Jpeg);

        Assert.True(result.Succeeded, result.Problem);
        Assert.Equal(["APP1 Exif"], result.Removed);
        Assert.Equal(jpeg.AsSpan(2 + exif.Length).ToArray(), stripped.ToArray().AsSpan(2).ToArray());
        var after = ImageMetadataReader.ReadMetadata(new MemoryStream(stripped.ToArray()));
        Assert.Empty(after.OfType<GpsDirectory>());
        Assert.Empty(after.OfType<ExifIfd0Directory>());
    }

    [Fact]
    public void Every_0xFF_in_the_entropy_coded_data_is_stuffed_and_odd_sizes_are_whole_blocks()
    {
        var noisy = new byte[37 * 23 * 3];
        new Random(7).NextBytes(noisy);

        var jpeg = BaselineJpegEncoder.Encode(37, 23, noisy, 100);

        var scan = jpeg.AsSpan().IndexOf((byte[])[0xFF, 0xDA]);
        var length = (jpeg[scan + 2] << 8) | jpeg[scan + 3];
        var data = jpeg.AsSpan(scan + 2 + length, jpeg.Length - (scan + 2 + length) - 2);
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] == 0xFF)
            {
                Assert.Equal(0x00, data[i + 1]);
            }
        }

        Assert.Equal([0xFF, 0xD9], jpeg[^2..]);
        Assert.Equal(Inspection(jpeg), (ImageInspectionOutcome.Accepted, 37, 23));
    }

    [Fact]
    public void A_png_chunk_carries_its_length_type_and_crc()
    {
        Assert.Equal([0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82], PngFile.Chunk("IEND", []));
    }

    private static (ImageInspectionOutcome, int, int) Inspection(byte[] jpeg)
    {
        var inspection = ImageInspector.Inspect(new MemoryStream(jpeg), EvidenceKind.Jpeg);
        return (inspection.Outcome, inspection.Width, inspection.Height);
    }

    private static byte[] Gradient(int width, int height)
    {
        var rgb = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = ((y * width) + x) * 3;
                (rgb[at], rgb[at + 1], rgb[at + 2]) = ((byte)(x * 255 / width), (byte)(y * 255 / height), 128);
            }
        }

        return rgb;
    }
}
