using System.Diagnostics;
using IncidentResponse.Documents.Binder;
using SkiaSharp;

namespace IncidentResponse.Documents.Tests;

public class ObscuredPictureTests
{
    [Fact]
    public void A_screenshot_becomes_sixteen_blocks_across_keeping_its_shape_each_block_one_colour()
    {
        var tall = TestImages.SolidPng(1080, 1920, 200, 40, 40);

        var obscured = ObscuredPicture.Make(tall);

        Assert.NotNull(obscured);
        using var picture = SKBitmap.Decode(obscured);
        Assert.Equal((ObscuredPicture.Width, 28 * ObscuredPicture.BlockPixels), (picture.Width, picture.Height));
        Assert.Equal(new SKColor(200, 40, 40), picture.GetPixel(100, 100));
        Assert.True(obscured.Length < tall.Length);
    }

    [Fact]
    public void Detail_smaller_than_a_block_is_averaged_away()
    {
        // Black and white stripes two pixels wide: nothing of them survives, only their average grey.
        var stripes = TestImages.Picture(640, 640, (x, _) => x / 2 % 2 == 0 ? SKColors.Black : SKColors.White);

        using var picture = SKBitmap.Decode(ObscuredPicture.Make(stripes));

        Assert.Equal((ObscuredPicture.Width, ObscuredPicture.Width), (picture.Width, picture.Height));
        for (var y = 0; y < picture.Height; y += 7)
        {
            for (var x = 0; x < picture.Width; x += 7)
            {
                Assert.InRange(picture.GetPixel(x, y).Red, 100, 155);
            }
        }
    }

    [Fact]
    public void Blocks_have_hard_edges_and_follow_the_picture()
    {
        var ramp = TestImages.RampPng(480, 270);

        using var picture = SKBitmap.Decode(ObscuredPicture.Make(ramp));

        Assert.Equal(9 * ObscuredPicture.BlockPixels, picture.Height);
        for (var y = 0; y < picture.Height; y++)
        {
            for (var x = 0; x < picture.Width; x++)
            {
                Assert.Equal(picture.GetPixel(x - (x % ObscuredPicture.BlockPixels), y - (y % ObscuredPicture.BlockPixels)), picture.GetPixel(x, y));
            }
        }

        Assert.True(picture.GetPixel(0, 0).Red < picture.GetPixel(picture.Width - 1, 0).Red);
    }

    [Fact]
    public void A_very_long_screenshot_stays_a_strip()
    {
        var strip = TestImages.SolidPng(100, 5000, 10, 20, 30);

        using var picture = SKBitmap.Decode(ObscuredPicture.Make(strip));

        Assert.Equal(ObscuredPicture.MaxBlocksDown * ObscuredPicture.BlockPixels, picture.Height);
    }

    [Fact]
    public void A_jpeg_and_a_webp_are_obscured_too()
    {
        foreach (var format in new[] { SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Webp })
        {
            var picture = TestImages.Picture(300, 200, (_, _) => new SKColor(20, 120, 220), format);

            using var obscured = SKBitmap.Decode(ObscuredPicture.Make(picture));

            Assert.Equal(ObscuredPicture.Width, obscured.Width);
        }
    }

    [Fact]
    public void Every_damaged_or_hostile_image_gives_a_blocky_png_or_nothing_never_an_exception_and_its_bytes_stay_as_they_were()
    {
        var corpus = DamagedImages.All();
        var clock = Stopwatch.StartNew();
        var made = 0;
        foreach (var image in corpus)
        {
            var before = (byte[])image.Bytes.Clone();
            byte[]? obscured;
            try
            {
                obscured = ObscuredPicture.Make(image.Bytes);
            }
            catch (Exception exception)
            {
                throw new Xunit.Sdk.XunitException($"{image.Description}: {exception}");
            }

            Assert.Equal(before, image.Bytes);
            if (obscured is not null)
            {
                made++;
                using var picture = SKBitmap.Decode(obscured);
                Assert.True(picture?.Width == ObscuredPicture.Width, image.Description);
            }
        }

        // Some damage leaves a decodable picture (a flipped bit in the pixels); the hostile sizes never are.
        Assert.InRange(made, 1, corpus.Count - 1);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"Obscuring the corpus took {clock.Elapsed}.");
    }

    [Fact]
    public void A_picture_whose_headers_read_but_whose_pixels_do_not_gives_nothing_rather_than_a_blank_copy()
    {
        Assert.Null(ObscuredPicture.Make(DamagedImages.UnreadablePixels()));
    }

    [Theory]
    [InlineData("PNG declaring 1,000,000 × 1,000,000")]
    [InlineData("JPEG declaring 65,500 × 65,500")]
    [InlineData("GIF declaring 65,535 × 65,535")]
    [InlineData("WebP declaring 16,384 × 16,384")]
    [InlineData("nothing at all (as PNG)")]
    [InlineData("text called a PNG")]
    public void A_picture_too_large_or_not_a_picture_gives_nothing(string description)
    {
        Assert.Null(ObscuredPicture.Make(DamagedImages.All().Single(i => i.Description == description).Bytes));
    }
}
