using IncidentResponse.Domain.Evidence;
using SkiaSharp;

namespace IncidentResponse.Documents.Binder;

/// <summary>
/// The obscured copy of an exhibit's picture, made with SkiaSharp: the picture is decoded, shrunk to
/// <see cref="BlocksAcross"/> blocks across (each block the average of a large area of the original, through mipmaps),
/// blown back up with hard edges (nearest neighbour) so it looks deliberately pixelated in any viewer, and encoded as a
/// PNG. It is a derived picture only: the evidence it comes from is never changed. The decoded pixels are wiped
/// before their memory is returned.
/// </summary>
public static class ObscuredPicture
{
    /// <summary>How many blocks across; a screenshot-shaped picture gets a few hundred blocks in all.</summary>
    public const int BlocksAcross = 16;

    /// <summary>The most blocks down, so a very long screenshot stays a strip rather than a page of detail.</summary>
    public const int MaxBlocksDown = 64;

    /// <summary>How many pixels each block is drawn with, a side.</summary>
    public const int BlockPixels = 16;

    /// <summary>The obscured copy's width in pixels.</summary>
    public const int Width = BlocksAcross * BlockPixels;

    /// <summary>
    /// The obscured copy as a PNG, or null when SkiaSharp cannot decode <paramref name="picture"/> whole (a damaged or
    /// cut-short file, a kind it does not decode) or it declares more pixels than <see cref="ImageInspector"/> accepts.
    /// Never throws for bad bytes.
    /// </summary>
    public static byte[]? Make(byte[] picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        return Make(new MemoryStream(picture, writable: false));
    }

    /// <summary><see cref="Make(byte[])"/> from a seekable stream holding the picture (a borrowed buffer, not a fresh copy); the stream is disposed.</summary>
    public static byte[]? Make(Stream picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        using var codec = SKCodec.Create(new SKManagedStream(picture, disposeManagedStream: true));
        if (codec is not { Info: { Width: > 0, Height: > 0 } info }
            || !ImageInspector.WithinLimits(info.Width, info.Height))
        {
            return null;
        }

        var blocksDown = (int)Math.Clamp(Math.Round((double)BlocksAcross * info.Height / info.Width), 1, MaxBlocksDown);

        // The smallest size the codec decodes to directly that still has a pixel for each block (a JPEG to an eighth).
        var size = codec.GetScaledDimensions(Math.Max((float)BlocksAcross / info.Width, (float)blocksDown / info.Height));
        using var decoded = new SKBitmap();
        if (!decoded.TryAllocPixels(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul)))
        {
            return null;
        }

        try
        {
            // Only a whole decode: Skia reports damaged image data as incomplete and leaves the rest blank, and a blank
            // block picture would look like an obscured copy of something it is not.
            return codec.GetPixels(decoded.Info, decoded.GetPixels()) == SKCodecResult.Success ? Pixelate(decoded, blocksDown) : null;
        }
        finally
        {
            decoded.GetPixelSpan().Clear();
        }
    }

    private static byte[]? Pixelate(SKBitmap decoded, int blocksDown)
    {
        using var source = SKImage.FromPixels(decoded.PeekPixels());
        using var blocks = new SKBitmap(new SKImageInfo(BlocksAcross, blocksDown, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(blocks))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawImage(source, new SKRect(0, 0, BlocksAcross, blocksDown), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        using var blocky = new SKBitmap(new SKImageInfo(Width, blocksDown * BlockPixels, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (!blocks.ScalePixels(blocky, new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None)))
        {
            return null;
        }

        using var png = blocky.Encode(SKEncodedImageFormat.Png, 100);
        return png?.ToArray();
    }
}
