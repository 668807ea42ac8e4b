using System.IO.Compression;

namespace IncidentResponse.Web.Operator.Demo;

/// <summary>
/// Screenshot-like demo images, deterministic for a seed: a header bar, text-like rows and a noisy "photo" block, so
/// they compress like real screenshots (a few hundred kilobytes) rather than like a flat colour.
/// </summary>
public static class DemoImages
{
    private static readonly (string Make, string Model)[] Devices =
    [
        ("Apple", "iPhone 13"),
        ("samsung", "SM-A546B"),
        ("Google", "Pixel 7a"),
    ];

    /// <summary>The picture as RGB bytes, three a pixel, rows top to bottom.</summary>
    public static byte[] ScreenshotPixels(int width, int height, int seed)
    {
        var random = new Random(seed);
        var rgb = new byte[width * height * 3];
        var offset = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                byte r, g, b;
                if (y < 160)
                {
                    (r, g, b) = ((byte)(40 + (seed * 17 % 80)), 60, 120);
                }
                else if (y > 500 && y < 1300 && x > 60 && x < width - 60)
                {
                    var n = random.Next(48);
                    (r, g, b) = ((byte)(120 + n + (x / 12)), (byte)(100 + n + (y / 20)), (byte)(90 + n));
                }
                else if ((y / 40) % 3 == 0 && x > 60 && x < 60 + ((y * 37 + seed) % (width - 120)))
                {
                    (r, g, b) = (70, 70, 70);
                }
                else
                {
                    (r, g, b) = (250, 250, 250);
                }

                rgb[offset++] = r;
                rgb[offset++] = g;
                rgb[offset++] = b;
            }
        }

        return rgb;
    }

    /// <summary>The screenshot as an 8-bit RGB PNG.</summary>
    public static byte[] ScreenshotPng(int width, int height, int seed)
    {
        var rgb = ScreenshotPixels(width, height, seed);
        var raw = new byte[height * ((width * 3) + 1)];
        for (var y = 0; y < height; y++)
        {
            Array.Copy(rgb, y * width * 3, raw, (y * ((width * 3) + 1)) + 1, width * 3);
        }

        return PngFile.Build(width, height, PngFile.ColourType.Rgb, raw, CompressionLevel.Fastest);
    }

    /// <summary>
    /// The screenshot as a baseline JPEG with the Exif a phone writes: its make and model, when, and where (a
    /// fictional spot in London that varies with the seed).
    /// </summary>
    public static byte[] ScreenshotJpeg(int width, int height, int seed) =>
        BaselineJpegEncoder.Encode(width, height, ScreenshotPixels(width, height, seed), 85, ExifSegment.App1(ExifFor(seed)));

    /// <summary>The Exif details <see cref="ScreenshotJpeg"/> writes for a seed.</summary>
    public static ExifDetails ExifFor(int seed)
    {
        var (make, model) = Devices[seed % Devices.Length];
        return new ExifDetails(
            make,
            model,
            new DateTime(2026, 1, 1, 10, 0, 0, DateTimeKind.Unspecified).AddDays(seed % 300).AddMinutes(seed * 7 % 600),
            51.5 + (seed % 50 / 1000.0),
            -0.12 - (seed % 40 / 1000.0));
    }
}
