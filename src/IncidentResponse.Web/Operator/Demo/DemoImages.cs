using SkiaSharp;

namespace IncidentResponse.Web.Operator.Demo;

/// <summary>
/// Screenshot-like demo images, drawn and encoded with SkiaSharp and deterministic for a seed: a header bar, text-like
/// rows and a noisy "photo" block, so they compress like real screenshots (a few hundred kilobytes) rather than like a
/// flat colour.
/// </summary>
public static class DemoImages
{
    private static readonly (string Make, string Model)[] Devices =
    [
        ("Apple", "iPhone 13"),
        ("samsung", "SM-A546B"),
        ("Google", "Pixel 7a"),
    ];

    /// <summary>The screenshot as a PNG.</summary>
    public static byte[] ScreenshotPng(int width, int height, int seed) => Encode(width, height, seed, SKEncodedImageFormat.Png, 100);

    /// <summary>
    /// The screenshot as a JPEG with the Exif a phone writes: its make and model, when, and where (a fictional spot in
    /// London that varies with the seed). Skia writes no Exif, so the segment (<see cref="ExifSegment"/>) is put
    /// straight after the JPEG's start marker, where a camera puts it.
    /// </summary>
    public static byte[] ScreenshotJpeg(int width, int height, int seed)
    {
        var jpeg = Encode(width, height, seed, SKEncodedImageFormat.Jpeg, 85);
        return [.. jpeg.AsSpan(0, 2), .. ExifSegment.App1(ExifFor(seed)), .. jpeg.AsSpan(2)];
    }

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

    private static byte[] Encode(int width, int height, int seed, SKEncodedImageFormat format, int quality)
    {
        using var bitmap = Draw(width, height, seed);
        using var encoded = bitmap.Encode(format, quality);
        return encoded.ToArray();
    }

    private static SKBitmap Draw(int width, int height, int seed)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        using var paint = new SKPaint();
        canvas.Clear(new SKColor(250, 250, 250));

        // The app's header bar, its colour set by the seed.
        paint.Color = new SKColor((byte)(40 + (seed * 17 % 80)), 60, 120);
        canvas.DrawRect(0, 0, width, Math.Min(160, height), paint);

        // Rows of "text": dark bars of varying length on every third 40-pixel band.
        paint.Color = new SKColor(70, 70, 70);
        for (var y = 0; y < height; y += 120)
        {
            var length = (((y * 37) + seed) % Math.Max(1, width - 120)) + 1;
            canvas.DrawRect(60, Math.Max(y, 160), length, 40, paint);
        }

        // A "photo": a warm gradient with noise, which is what makes the file realistically large.
        var random = new Random(seed);
        var pixels = bitmap.GetPixelSpan();
        for (var y = 501; y < Math.Min(1300, height); y++)
        {
            for (var x = 61; x < width - 60; x++)
            {
                var n = random.Next(48);
                var at = ((y * width) + x) * 4;
                pixels[at] = (byte)Math.Min(255, 120 + n + (x / 12));
                pixels[at + 1] = (byte)Math.Min(255, 100 + n + (y / 20));
                pixels[at + 2] = (byte)(90 + n);
                pixels[at + 3] = 255;
            }
        }

        return bitmap;
    }
}
