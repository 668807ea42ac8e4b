using IncidentResponse.Domain.Evidence;
using IncidentResponse.Web.Operator.Demo;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Jpeg;
using SkiaSharp;

namespace IncidentResponse.Web.Tests;

public sealed class DemoImagesTests
{
    [Fact]
    public void A_demo_jpeg_is_a_screenshot_that_carries_its_device_when_and_where_it_was_taken()
    {
        var jpeg = DemoImages.ScreenshotJpeg(1080, 1920, 4);

        var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(jpeg));
        var frame = directories.OfType<JpegDirectory>().Single();
        Assert.Equal((1080, 1920, 3), (frame.GetImageWidth(), frame.GetImageHeight(), frame.GetNumberOfComponents()));
        var expected = DemoImages.ExifFor(4);
        var device = directories.OfType<ExifIfd0Directory>().Single();
        Assert.Equal((expected.Make, expected.Model), (device.GetString(ExifDirectoryBase.TagMake), device.GetString(ExifDirectoryBase.TagModel)));
        Assert.Equal(
            expected.Taken.ToString("yyyy:MM:dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            directories.OfType<ExifSubIfdDirectory>().Single().GetString(ExifDirectoryBase.TagDateTimeOriginal));
        var place = directories.OfType<GpsDirectory>().Single().GetGeoLocation();
        Assert.NotNull(place);
        Assert.Equal(expected.Latitude, place.Latitude, 4);
        Assert.Equal(expected.Longitude, place.Longitude, 4);
        Assert.InRange(jpeg.Length, 100_000, 2_000_000);
        var inspection = ImageInspector.Inspect(new MemoryStream(jpeg), EvidenceKind.Jpeg);
        Assert.Equal((ImageInspectionOutcome.Accepted, 1080, 1920), (inspection.Outcome, inspection.Width, inspection.Height));
    }

    [Fact]
    public void Stripping_a_demo_jpeg_removes_only_the_spliced_exif_and_keeps_what_skia_encoded_byte_for_byte()
    {
        var jpeg = DemoImages.ScreenshotJpeg(64, 40, 2);
        var exif = ExifSegment.App1(DemoImages.ExifFor(2));
        using var stripped = new MemoryStream();

        var result = MetadataStripper.Strip(new MemoryStream(jpeg), stripped, EvidenceKind.Jpeg);

        Assert.True(result.Succeeded, result.Problem);
        Assert.Equal(["APP1 Exif"], result.Removed);
        Assert.Equal(jpeg.AsSpan(2 + exif.Length).ToArray(), stripped.ToArray().AsSpan(2).ToArray());
        using var decoded = SKBitmap.Decode(stripped.ToArray());
        Assert.Equal((64, 40), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void A_demo_png_decodes_to_the_same_picture_for_the_same_seed_and_another_for_another()
    {
        var png = DemoImages.ScreenshotPng(200, 1400, 1);

        Assert.Equal(png, DemoImages.ScreenshotPng(200, 1400, 1));
        Assert.NotEqual(png, DemoImages.ScreenshotPng(200, 1400, 2));
        using var decoded = SKBitmap.Decode(png);
        Assert.Equal((200, 1400), (decoded.Width, decoded.Height));
        Assert.NotEqual(decoded.GetPixel(100, 50), decoded.GetPixel(100, 900));
    }
}
