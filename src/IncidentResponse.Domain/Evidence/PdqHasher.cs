// PdqHasher is a port of Meta's PDQ reference hasher (ThreatExchange pdq/python):
// Copyright (c) Meta Platforms, Inc. and affiliates. BSD licence: docs/licences/pdq-LICENSE.
using SkiaSharp;

namespace IncidentResponse.Domain.Evidence;

/// <summary>
/// A picture's PDQ hash: 256 bits, one for each of the lowest 16×16 frequencies of its brightness (above or below
/// their median), and how much detail the picture has (<see cref="Quality"/>, 0–100). Two hashes a Hamming distance
/// of <see cref="PdqHasher.MatchDistance"/> or less apart, each of quality <see cref="PdqHasher.MinQuality"/> or more,
/// are very likely the same picture, however it was resized or re-encoded. Case data: never shared outside the case.
/// </summary>
/// <param name="Bits">The 32 bytes in the order of Meta's hexadecimal form (<see cref="Hex"/>).</param>
public sealed record PdqHash(byte[] Bits, int Quality)
{
    /// <summary>The 64 hexadecimal digits Meta's tools print and read.</summary>
    public string Hex => Convert.ToHexStringLower(Bits);

    public static PdqHash FromHex(string hex, int quality) => new(Convert.FromHexString(hex), quality);

    /// <summary>The hash sealed under the case's key (AES-256-GCM), bound to the evidence item it was made from.</summary>
    public byte[] Seal(ReadOnlySpan<byte> caseKey, Guid evidenceId) =>
        KeyWrap.Wrap(WrappedKeyPurpose.PerceptualHashUnderCaseKey, Bits, caseKey, evidenceId);

    /// <exception cref="EvidenceIntegrityException">Wrong key or item, or altered.</exception>
    public static PdqHash Open(ReadOnlySpan<byte> sealedHash, int quality, ReadOnlySpan<byte> caseKey, Guid evidenceId) =>
        new(KeyWrap.Unwrap(WrappedKeyPurpose.PerceptualHashUnderCaseKey, sealedHash, caseKey, evidenceId), quality);

    /// <summary>Both hashes say enough (quality) and are at most <see cref="PdqHasher.MatchDistance"/> bits apart.</summary>
    public bool LooksLike(PdqHash other) =>
        Quality >= PdqHasher.MinQuality && other is { Quality: >= PdqHasher.MinQuality } && DistanceTo(other) <= PdqHasher.MatchDistance;

    /// <summary>How many of the 256 bits differ.</summary>
    public int DistanceTo(PdqHash other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var distance = 0;
        for (var i = 0; i < Bits.Length; i++)
        {
            distance += System.Numerics.BitOperations.PopCount((uint)(Bits[i] ^ other.Bits[i]));
        }

        return distance;
    }
}

/// <summary>
/// The PDQ hashes of a picture as it is and of its seven rotations and mirror images (the dihedral variants), from one
/// decoding: a copy turned on its side or flipped matches <see cref="Original"/> of the other through one of these.
/// Indexed in Meta's order: original, rotated 90°, 180°, 270°, flipped along x, along y, about the diagonal, about the
/// other diagonal.
/// </summary>
public sealed record PdqHashes(IReadOnlyList<PdqHash> Variants)
{
    public PdqHash Original => Variants[0];

    /// <summary>The smallest distance between <paramref name="other"/> and any variant of this picture.</summary>
    public int DistanceTo(PdqHash other) => Variants.Min(v => v.DistanceTo(other));

    /// <summary>
    /// Both say enough (quality) and one picture, turned or flipped or as it is, is at most
    /// <see cref="PdqHasher.MatchDistance"/> bits from the other as it is. Either side may have its original alone (a
    /// picture kept before the variants were kept): the other side's variants still find a turned copy.
    /// </summary>
    public bool LooksLike(PdqHashes other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Original.Quality >= PdqHasher.MinQuality && other.Original.Quality >= PdqHasher.MinQuality
            && Math.Min(DistanceTo(other.Original), other.DistanceTo(Original)) <= PdqHasher.MatchDistance;
    }

    /// <summary>
    /// Every variant sealed under the case's key as <see cref="PdqHash.Seal"/> seals one, bound to the evidence item,
    /// one after another in <see cref="Variants"/>' order: 8 × <see cref="KeyWrap.WrappedSize"/> bytes.
    /// </summary>
    public byte[] Seal(ReadOnlySpan<byte> caseKey, Guid evidenceId)
    {
        var sealedHashes = new byte[Variants.Count * KeyWrap.WrappedSize];
        for (var i = 0; i < Variants.Count; i++)
        {
            Variants[i].Seal(caseKey, evidenceId).CopyTo(sealedHashes, i * KeyWrap.WrappedSize);
        }

        return sealedHashes;
    }

    /// <summary>
    /// Opens what <see cref="Seal"/> wrote, or a single sealed hash (the original alone, as kept before 2026-12-07).
    /// </summary>
    /// <exception cref="EvidenceIntegrityException">Wrong key or item, altered, or not a whole number of sealed hashes.</exception>
    public static PdqHashes Open(ReadOnlySpan<byte> sealedHashes, int quality, ReadOnlySpan<byte> caseKey, Guid evidenceId)
    {
        var count = sealedHashes.Length / KeyWrap.WrappedSize;
        if (count is not (1 or 8) || sealedHashes.Length % KeyWrap.WrappedSize != 0)
        {
            throw new EvidenceIntegrityException("A perceptual hash is not one or eight sealed hashes.");
        }

        var variants = new PdqHash[count];
        for (var i = 0; i < count; i++)
        {
            variants[i] = PdqHash.Open(sealedHashes.Slice(i * KeyWrap.WrappedSize, KeyWrap.WrappedSize), quality, caseKey, evidenceId);
        }

        return new PdqHashes(variants);
    }
}

/// <summary>
/// PDQ, the perceptual hash Meta open-sourced (BSD) and StopNCII's partners use, computed from a picture's decoded
/// pixels: brightness, two passes of a box (Jarosz) filter, 64×64 samples, the 16×16 lowest frequencies of their
/// discrete cosine transform, each bit set when its frequency is above the median. A port of Meta's reference hasher
/// (ThreatExchange <c>pdq/python</c>, checked against its sample images and expected hashes); no .NET implementation
/// is served or kept up, so this is our own (ADR 0032). Like the reference, a picture larger than 512 pixels on a
/// side is first reduced to fit 512.
/// </summary>
public static class PdqHasher
{
    /// <summary>At most this many bits apart, two hashes are taken as the same picture (Meta's threshold).</summary>
    public const int MatchDistance = 31;

    /// <summary>Below this quality a hash says too little to match on (a nearly flat picture).</summary>
    public const int MinQuality = 50;

    private const int Reduced = 512;
    private static readonly float[,] Dct = DctMatrix();

    /// <summary>The hashes of a picture, or null when it cannot be decoded whole. Never throws for bad bytes.</summary>
    public static PdqHashes? Compute(Stream picture)
    {
        ArgumentNullException.ThrowIfNull(picture);
        using var codec = SKCodec.Create(new SKManagedStream(picture, disposeManagedStream: false));
        if (codec is not { Info: { Width: > 0, Height: > 0 } info }
            || !ImageInspector.WithinLimits(info.Width, info.Height))
        {
            return null;
        }

        var scale = Math.Min(1f, (float)Reduced / Math.Max(info.Width, info.Height));
        var target = new SKSizeI(Math.Max(1, (int)Math.Round(info.Width * scale)), Math.Max(1, (int)Math.Round(info.Height * scale)));
        var size = codec.GetScaledDimensions(scale);
        using var decoded = new SKBitmap();
        if (!decoded.TryAllocPixels(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul))
            || codec.GetPixels(decoded.Info, decoded.GetPixels()) != SKCodecResult.Success)
        {
            return null;
        }

        if (size == target)
        {
            return FromPixels(decoded);
        }

        using var reduced = new SKBitmap(new SKImageInfo(target.Width, target.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        return decoded.ScalePixels(reduced, new SKSamplingOptions(SKCubicResampler.CatmullRom)) ? FromPixels(reduced) : null;
    }

    private static PdqHashes FromPixels(SKBitmap bitmap)
    {
        var (rows, columns) = (bitmap.Height, bitmap.Width);
        var luma = new float[rows * columns];
        var pixels = bitmap.GetPixelSpan();
        for (var i = 0; i < luma.Length; i++)
        {
            luma[i] = (0.299f * pixels[i * 4]) + (0.587f * pixels[(i * 4) + 1]) + (0.114f * pixels[(i * 4) + 2]);
        }

        var scratch = new float[luma.Length];
        var alongRows = WindowSize(columns);
        var alongColumns = WindowSize(rows);
        for (var pass = 0; pass < 2; pass++)
        {
            for (var r = 0; r < rows; r++)
            {
                Box(luma, r * columns, scratch, columns, 1, alongRows);
            }

            for (var c = 0; c < columns; c++)
            {
                Box(scratch, c, luma, rows, columns, alongColumns);
            }
        }

        var samples = new float[64, 64];
        for (var i = 0; i < 64; i++)
        {
            var r = (int)((i + 0.5) * rows / 64);
            for (var j = 0; j < 64; j++)
            {
                samples[i, j] = luma[(r * columns) + (int)((j + 0.5) * columns / 64)];
            }
        }

        var quality = Quality(samples);
        var frequencies = Frequencies(samples);
        return new PdqHashes([.. Dihedral.Select(turn => Bits(Turned(frequencies, turn), quality))]);
    }

    /// <summary>Meta's window: the dimension over 128, rounded up.</summary>
    private static int WindowSize(int dimension) => (dimension + 127) / 128;

    /// <summary>A running mean over <paramref name="window"/> values, narrower at the ends (Meta's <c>box1DFloat</c>).</summary>
    private static void Box(float[] input, int start, float[] output, int length, int stride, int window)
    {
        var half = (window + 2) / 2;
        var (read, left, written, count) = (start, start, start, 0);
        var sum = 0f;
        for (var i = 0; i < half - 1; i++, read += stride)
        {
            sum += input[read];
            count++;
        }

        for (var i = 0; i < window - half + 1; i++, read += stride, written += stride)
        {
            sum += input[read];
            count++;
            output[written] = sum / count;
        }

        for (var i = 0; i < length - window; i++, read += stride, left += stride, written += stride)
        {
            sum += input[read] - input[left];
            output[written] = sum / count;
        }

        for (var i = 0; i < half - 1; i++, left += stride, written += stride)
        {
            sum -= input[left];
            count--;
            output[written] = sum / count;
        }
    }

    /// <summary>Meta's heuristic: the sum of significant steps between neighbouring samples, over 90, at most 100.</summary>
    private static int Quality(float[,] samples)
    {
        var sum = 0;
        for (var i = 0; i < 64; i++)
        {
            for (var j = 0; j < 64; j++)
            {
                sum += i < 63 ? Math.Abs((int)((samples[i, j] - samples[i + 1, j]) * 100 / 255)) : 0;
                sum += j < 63 ? Math.Abs((int)((samples[i, j] - samples[i, j + 1]) * 100 / 255)) : 0;
            }
        }

        return Math.Min(100, sum / 90);
    }

    /// <summary>Rows and columns 1–16 of the 64×64 discrete cosine transform (D · A · Dᵀ).</summary>
    private static float[,] Frequencies(float[,] samples)
    {
        var half = new float[16, 64];
        for (var i = 0; i < 16; i++)
        {
            for (var j = 0; j < 64; j++)
            {
                var sum = 0f;
                for (var k = 0; k < 64; k++)
                {
                    sum += Dct[i, k] * samples[k, j];
                }

                half[i, j] = sum;
            }
        }

        var result = new float[16, 16];
        for (var i = 0; i < 16; i++)
        {
            for (var j = 0; j < 16; j++)
            {
                var sum = 0f;
                for (var k = 0; k < 64; k++)
                {
                    sum += half[i, k] * Dct[j, k];
                }

                result[i, j] = sum;
            }
        }

        return result;
    }

    private static float[,] DctMatrix()
    {
        var matrix = new float[16, 64];
        var scale = Math.Sqrt(2.0 / 64.0);
        for (var i = 0; i < 16; i++)
        {
            for (var j = 0; j < 64; j++)
            {
                matrix[i, j] = (float)(scale * Math.Cos(Math.PI / 2 / 64.0 * (i + 1) * ((2 * j) + 1)));
            }
        }

        return matrix;
    }

    /// <summary>
    /// The eight turns, in Meta's order: where frequency (i, j) goes (transposed or not) and whether its sign flips, as
    /// turning or mirroring the picture does to its cosine transform.
    /// </summary>
    private static readonly (bool Transpose, Func<int, int, bool> Negate)[] Dihedral =
    [
        (false, (_, _) => false),
        (true, (_, j) => (j & 1) == 0),
        (false, (i, j) => ((i + j) & 1) != 0),
        (true, (i, _) => (i & 1) == 0),
        (false, (i, _) => (i & 1) == 0),
        (false, (_, j) => (j & 1) == 0),
        (true, (_, _) => false),
        (true, (i, j) => ((i + j) & 1) != 0),
    ];

    private static float[,] Turned(float[,] frequencies, (bool Transpose, Func<int, int, bool> Negate) turn)
    {
        var turned = new float[16, 16];
        for (var i = 0; i < 16; i++)
        {
            for (var j = 0; j < 16; j++)
            {
                var value = turn.Negate(i, j) ? -frequencies[i, j] : frequencies[i, j];
                if (turn.Transpose)
                {
                    turned[j, i] = value;
                }
                else
                {
                    turned[i, j] = value;
                }
            }
        }

        return turned;
    }

    /// <summary>Bit i·16 + j set when frequency (i, j) is above the median; word i (bits of row i) printed last to first.</summary>
    private static PdqHash Bits(float[,] frequencies, int quality)
    {
        var median = Torben(frequencies);
        var bits = new byte[32];
        for (var i = 0; i < 16; i++)
        {
            for (var j = 0; j < 16; j++)
            {
                if (frequencies[i, j] > median)
                {
                    bits[((15 - i) * 2) + (j < 8 ? 1 : 0)] |= (byte)(1 << (j & 7));
                }
            }
        }

        return new PdqHash(bits, quality);
    }

    /// <summary>The median as Meta's reference finds it (Torben's method), so ties fall the same way.</summary>
    private static float Torben(float[,] values)
    {
        var all = values.Cast<float>().ToArray();
        var middle = (all.Length + 1) / 2;
        var (min, max) = (all.Min(), all.Max());
        while (true)
        {
            var guess = (min + max) / 2;
            var (less, greater, equal) = (0, 0, 0);
            var (maxBelow, minAbove) = (min, max);
            foreach (var v in all)
            {
                if (v < guess)
                {
                    less++;
                    maxBelow = Math.Max(maxBelow, v);
                }
                else if (v > guess)
                {
                    greater++;
                    minAbove = Math.Min(minAbove, v);
                }
                else
                {
                    equal++;
                }
            }

            if (less <= middle && greater <= middle)
            {
                return less >= middle ? maxBelow : less + equal >= middle ? guess : minAbove;
            }

            (min, max) = less > greater ? (min, maxBelow) : (minAbove, max);
        }
    }
}
