using System.Buffers.Binary;
using SkiaSharp;

namespace IncidentResponse.TestSupport;

/// <summary>One damaged or hostile file: what was done to it, its bytes, and the format it claims to be.</summary>
public sealed record DamagedImage(string Description, byte[] Bytes, string Format)
{
    public override string ToString() => Description;
}

/// <summary>
/// A few hundred damaged and hostile image files for the picture paths to survive, the same every run (fixed seeds):
/// real JPEG, PNG and WebP pictures encoded by SkiaSharp and crafted GIF, JPEG and PNG files, each cut short at many
/// offsets, with bytes flipped, with its header scrambled; and files declaring huge or zero sizes, or with the wrong
/// magic for the format they claim.
/// </summary>
public static class DamagedImages
{
    public const string Jpeg = "jpeg";
    public const string Png = "png";
    public const string Gif = "gif";
    public const string WebP = "webp";

    public static IReadOnlyList<DamagedImage> All() => [.. Whole().SelectMany(Damage), .. Hostile()];

    /// <summary>
    /// A PNG whose structure and header are sound (it is accepted on upload) but whose image data is random bytes, so
    /// its pixels cannot be decoded. <paramref name="chunks"/> (text chunks, say) go after the header.
    /// </summary>
    public static byte[] UnreadablePixels(params (string Type, byte[] Data)[] chunks)
    {
        var garbage = new byte[200];
        new Random(3).NextBytes(garbage);
        return
        [
            .. TestImages.PngSignature,
            .. TestImages.PngChunk("IHDR", TestImages.PngHeader(64, 48, colourType: 2)),
            .. chunks.SelectMany(c => TestImages.PngChunk(c.Type, c.Data)),
            .. TestImages.PngChunk("IDAT", garbage),
            .. TestImages.PngChunk("IEND", []),
        ];
    }

    /// <summary>The undamaged files the damage starts from.</summary>
    public static IEnumerable<DamagedImage> Whole()
    {
        var random = new Random(20);
        SKColor Noise(int x, int y) => new((byte)random.Next(256), (byte)(x * 7), (byte)(y * 5));
        yield return new("Skia JPEG", TestImages.Picture(37, 23, Noise, SKEncodedImageFormat.Jpeg), Jpeg);
        yield return new("Skia PNG", TestImages.Picture(33, 17, Noise), Png);
        yield return new("Skia WebP", TestImages.Picture(29, 31, Noise, SKEncodedImageFormat.Webp), WebP);
        yield return new("crafted JPEG with Exif", TestImages.Jpeg(16, 8, TestImages.JfifSegment(), TestImages.ExifSegment()), Jpeg);
        yield return new("crafted PNG with text", TestImages.Png(5, 4, TestImages.PngText("Comment", "hello"), TestImages.PngCompressedText("Author", "someone")), Png);
        yield return new("crafted GIF", TestImages.Gif(4, 3, 4, 3), Gif);
    }

    private static IEnumerable<DamagedImage> Damage(DamagedImage whole, int index)
    {
        var bytes = whole.Bytes;
        var cuts = Enumerable.Range(0, 24).Select(i => (int)((long)bytes.Length * i / 24))
            .Concat([1, 2, 3, 4, 7, 8, 12, 16, 20, 24, 26, 33, bytes.Length - 1, bytes.Length - 2])
            .Where(n => n >= 0 && n < bytes.Length)
            .Distinct();
        foreach (var cut in cuts)
        {
            yield return new($"{whole.Description} cut to {cut} bytes", bytes[..cut], whole.Format);
        }

        var random = new Random(1000 + index);
        for (var i = 0; i < 16; i++)
        {
            var flipped = (byte[])bytes.Clone();
            for (var n = 0; n <= i % 4; n++)
            {
                flipped[random.Next(flipped.Length)] ^= (byte)(1 + random.Next(255));
            }

            yield return new($"{whole.Description} with bytes flipped ({i})", flipped, whole.Format);
        }

        for (var i = 0; i < 6; i++)
        {
            var scrambled = (byte[])bytes.Clone();
            random.NextBytes(scrambled.AsSpan(2 + i, Math.Min(24, scrambled.Length - 2 - i)));
            yield return new($"{whole.Description} with its header scrambled ({i})", scrambled, whole.Format);
        }
    }

    private static IEnumerable<DamagedImage> Hostile()
    {
        yield return new("PNG declaring 1,000,000 × 1,000,000", TestImages.PngDeclaring(1_000_000, 1_000_000), Png);
        yield return new("PNG declaring 2^31-1 a side", TestImages.PngDeclaring(int.MaxValue, int.MaxValue), Png);
        yield return new("PNG declaring 0 × 0", TestImages.PngDeclaring(0, 0), Png);
        yield return new("PNG declaring 1 × 0", TestImages.PngDeclaring(1, 0), Png);
        yield return new("PNG declaring 40,000 × 1", TestImages.PngDeclaring(40_000, 1), Png);
        yield return new("JPEG declaring 65,500 × 65,500", TestImages.Jpeg(65_500, 65_500), Jpeg);
        yield return new("JPEG declaring 65,535 × 65,535, past what JPEG allows", TestImages.Jpeg(65_535, 65_535), Jpeg);
        yield return new("JPEG declaring 0 × 0", TestImages.Jpeg(0, 0), Jpeg);
        yield return new("GIF declaring 65,535 × 65,535", TestImages.Gif(65_535, 65_535, 65_535, 65_535), Gif);
        yield return new("GIF with a huge frame on a tiny screen", TestImages.Gif(1, 1, 50_000, 50_000), Gif);
        yield return new("GIF of 0 × 0", TestImages.Gif(0, 0, 0, 0), Gif);
        yield return new("WebP declaring 16,384 × 16,384", TestImages.WebPLossless(16_384, 16_384), WebP);
        yield return new("WebP canvas of 2^24 × 2^24", TestImages.WebPExtended(1 << 24, 1 << 24), WebP);
        yield return new("WebP with an empty RIFF", TestImages.Riff("WEBP"), WebP);
        var riffTooLong = TestImages.WebPLossless(3, 2);
        BinaryPrimitives.WriteInt32LittleEndian(riffTooLong.AsSpan(4), int.MaxValue);
        yield return new("WebP whose RIFF claims 2 GB", riffTooLong, WebP);
        yield return new("nothing at all (as JPEG)", [], Jpeg);
        yield return new("nothing at all (as PNG)", [], Png);
        yield return new("a lone JPEG start marker", [0xFF, 0xD8], Jpeg);
        yield return new("a lone PNG signature", TestImages.PngSignature, Png);
        yield return new("a PNG called a JPEG", TestImages.Png(3, 2), Jpeg);
        yield return new("a JPEG called a PNG", TestImages.Jpeg(), Png);
        yield return new("a GIF called a WebP", TestImages.Gif(2, 2), WebP);
        yield return new("a WebP called a GIF", TestImages.WebPLossless(3, 2), Gif);
        yield return new("text called a PNG", "not a picture at all"u8.ToArray(), Png);
        yield return new("PNG whose image data is random bytes", UnreadablePixels(), Png);
        var random = new Random(7);
        for (var i = 0; i < 12; i++)
        {
            var noise = new byte[1 + random.Next(4096)];
            random.NextBytes(noise);
            var format = new[] { Jpeg, Png, Gif, WebP }[i % 4];
            byte[] magic = format switch
            {
                Jpeg => [0xFF, 0xD8, 0xFF],
                Png => [.. TestImages.PngSignature],
                Gif => [.. "GIF89a"u8],
                _ => [.. "RIFF"u8, 0, 1, 0, 0, .. "WEBP"u8],
            };
            yield return new($"random bytes after a {format} magic ({i})", [.. magic, .. noise], format);
        }
    }
}
