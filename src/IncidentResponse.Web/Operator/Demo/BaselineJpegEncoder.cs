namespace IncidentResponse.Web.Operator.Demo;

/// <summary>
/// A small baseline JPEG encoder (ITU T.81 sequential DCT with Huffman coding): 8-bit YCbCr, no chroma subsampling,
/// the example quantisation and Huffman tables of Annex K, quantisation scaled by quality as libjpeg does. It exists
/// because our feed serves no image library and the demo data and tests need real, browser-decodable JPEGs; it is
/// not used on anything a person uploads.
/// </summary>
public static class BaselineJpegEncoder
{
    /// <summary>Position in a block (row-major) of each coefficient in zig-zag order.</summary>
    private static readonly int[] ZigZag =
    [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
    ];

    private static readonly byte[] LuminanceQuantisation =
    [
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ];

    private static readonly byte[] ChrominanceQuantisation =
    [
        17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
    ];

    private static readonly HuffmanTable LuminanceDc = new(
        [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0],
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

    private static readonly HuffmanTable ChrominanceDc = new(
        [0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0],
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

    private static readonly HuffmanTable LuminanceAc = new(
        [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d],
        [
            0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07,
            0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08, 0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0,
            0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28,
            0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49,
            0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69,
            0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89,
            0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7,
            0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5,
            0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2,
            0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8,
            0xf9, 0xfa,
        ]);

    private static readonly HuffmanTable ChrominanceAc = new(
        [0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77],
        [
            0x00, 0x01, 0x02, 0x03, 0x11, 0x04, 0x05, 0x21, 0x31, 0x06, 0x12, 0x41, 0x51, 0x07, 0x61, 0x71,
            0x13, 0x22, 0x32, 0x81, 0x08, 0x14, 0x42, 0x91, 0xa1, 0xb1, 0xc1, 0x09, 0x23, 0x33, 0x52, 0xf0,
            0x15, 0x62, 0x72, 0xd1, 0x0a, 0x16, 0x24, 0x34, 0xe1, 0x25, 0xf1, 0x17, 0x18, 0x19, 0x1a, 0x26,
            0x27, 0x28, 0x29, 0x2a, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48,
            0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68,
            0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87,
            0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5,
            0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3,
            0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda,
            0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8,
            0xf9, 0xfa,
        ]);

    /// <summary>cos((2x + 1)uπ / 16), scaled by C(u)/2, indexed [u * 8 + x].</summary>
    private static readonly float[] Cosines = BuildCosines();

    /// <summary>
    /// Encodes <paramref name="rgb"/> (3 bytes a pixel, rows top to bottom) as a baseline JPEG. Segments in
    /// <paramref name="applicationSegments"/> (complete, marker included, such as an Exif APP1) are written right after
    /// the start-of-image marker; without them a JFIF APP0 is written.
    /// </summary>
    public static byte[] Encode(int width, int height, ReadOnlySpan<byte> rgb, int quality = 85, ReadOnlySpan<byte> applicationSegments = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, ushort.MaxValue);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, ushort.MaxValue);
        ArgumentOutOfRangeException.ThrowIfNotEqual(rgb.Length, width * height * 3);
        quality = Math.Clamp(quality, 1, 100);
        var luminance = Scale(LuminanceQuantisation, quality);
        var chrominance = Scale(ChrominanceQuantisation, quality);

        using var output = new MemoryStream((width * height / 4) + 1024);
        WriteHeaders(output, width, height, luminance, chrominance, applicationSegments);
        var bits = new BitWriter(output);
        Span<float> y = stackalloc float[64];
        Span<float> cb = stackalloc float[64];
        Span<float> cr = stackalloc float[64];
        Span<float> work = stackalloc float[64];
        int previousY = 0, previousCb = 0, previousCr = 0;
        for (var top = 0; top < height; top += 8)
        {
            for (var left = 0; left < width; left += 8)
            {
                ReadBlock(rgb, width, height, top, left, y, cb, cr);
                previousY = EncodeBlock(bits, y, work, luminance, previousY, LuminanceDc, LuminanceAc);
                previousCb = EncodeBlock(bits, cb, work, chrominance, previousCb, ChrominanceDc, ChrominanceAc);
                previousCr = EncodeBlock(bits, cr, work, chrominance, previousCr, ChrominanceDc, ChrominanceAc);
            }
        }

        bits.Flush();
        output.Write([0xFF, 0xD9]);
        return output.ToArray();
    }

    /// <summary>Start of image, the application segments (or JFIF), the tables, the frame and the scan header.</summary>
    private static void WriteHeaders(
        MemoryStream output, int width, int height, byte[] luminance, byte[] chrominance, ReadOnlySpan<byte> applicationSegments)
    {
        output.Write([0xFF, 0xD8]);
        if (applicationSegments.IsEmpty)
        {
            output.Write([0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
        }
        else
        {
            output.Write(applicationSegments);
        }

        WriteQuantisationTable(output, 0, luminance);
        WriteQuantisationTable(output, 1, chrominance);
        output.Write(
        [
            0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x03,
            0x01, 0x11, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
        ]);
        WriteHuffmanTable(output, 0x00, LuminanceDc);
        WriteHuffmanTable(output, 0x10, LuminanceAc);
        WriteHuffmanTable(output, 0x01, ChrominanceDc);
        WriteHuffmanTable(output, 0x11, ChrominanceAc);
        output.Write([0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3F, 0x00]);
    }

    /// <summary>The 8×8 block at (<paramref name="left"/>, <paramref name="top"/>) as level-shifted Y, Cb and Cr; edge pixels repeat past the image.</summary>
    private static void ReadBlock(
        ReadOnlySpan<byte> rgb, int width, int height, int top, int left, Span<float> y, Span<float> cb, Span<float> cr)
    {
        for (var row = 0; row < 8; row++)
        {
            var sy = Math.Min(top + row, height - 1);
            for (var column = 0; column < 8; column++)
            {
                var sx = Math.Min(left + column, width - 1);
                var at = ((sy * width) + sx) * 3;
                float r = rgb[at], g = rgb[at + 1], b = rgb[at + 2];
                var i = (row * 8) + column;
                y[i] = (0.299f * r) + (0.587f * g) + (0.114f * b) - 128f;
                cb[i] = (-0.168736f * r) - (0.331264f * g) + (0.5f * b);
                cr[i] = (0.5f * r) - (0.418688f * g) - (0.081312f * b);
            }
        }
    }

    /// <summary>The separable forward DCT of an 8×8 block in place: rows into <paramref name="work"/>, then columns back into <paramref name="block"/>.</summary>
    private static void ForwardDct(Span<float> block, Span<float> work)
    {
        for (var row = 0; row < 8; row++)
        {
            for (var u = 0; u < 8; u++)
            {
                var sum = 0f;
                for (var x = 0; x < 8; x++)
                {
                    sum += block[(row * 8) + x] * Cosines[(u * 8) + x];
                }

                work[(row * 8) + u] = sum;
            }
        }

        for (var column = 0; column < 8; column++)
        {
            for (var v = 0; v < 8; v++)
            {
                var sum = 0f;
                for (var y = 0; y < 8; y++)
                {
                    sum += work[(y * 8) + column] * Cosines[(v * 8) + y];
                }

                block[(v * 8) + column] = sum;
            }
        }
    }

    private static int EncodeBlock(
        BitWriter bits, Span<float> block, Span<float> work, byte[] quantisation, int previousDc, HuffmanTable dc, HuffmanTable ac)
    {
        ForwardDct(block, work);
        Span<int> coefficients = stackalloc int[64];
        for (var k = 0; k < 64; k++)
        {
            var at = ZigZag[k];
            coefficients[k] = (int)MathF.Round(block[at] / quantisation[at], MidpointRounding.AwayFromZero);
        }

        var difference = coefficients[0] - previousDc;
        var size = Magnitude(difference);
        dc.Write(bits, size);
        bits.Write(Amplitude(difference, size), size);

        var zeros = 0;
        for (var k = 1; k < 64; k++)
        {
            var value = coefficients[k];
            if (value == 0)
            {
                zeros++;
                continue;
            }

            for (; zeros >= 16; zeros -= 16)
            {
                ac.Write(bits, 0xF0);
            }

            var valueSize = Magnitude(value);
            ac.Write(bits, (zeros << 4) | valueSize);
            bits.Write(Amplitude(value, valueSize), valueSize);
            zeros = 0;
        }

        if (zeros > 0)
        {
            ac.Write(bits, 0x00);
        }

        return coefficients[0];
    }

    /// <summary>The number of bits needed for |value| (the JPEG "category").</summary>
    private static int Magnitude(int value)
    {
        var magnitude = Math.Abs(value);
        var size = 0;
        while (magnitude > 0)
        {
            size++;
            magnitude >>= 1;
        }

        return size;
    }

    /// <summary>The extra bits of a value of the given category: the value itself, or one less than it when negative.</summary>
    private static int Amplitude(int value, int size) => value >= 0 ? value : value + (1 << size) - 1;

    private static byte[] Scale(byte[] table, int quality)
    {
        var factor = quality < 50 ? 5000 / quality : 200 - (quality * 2);
        return table.Select(q => (byte)Math.Clamp(((q * factor) + 50) / 100, 1, 255)).ToArray();
    }

    private static void WriteQuantisationTable(Stream output, byte id, byte[] table)
    {
        output.Write([0xFF, 0xDB, 0x00, 0x43, id]);
        for (var k = 0; k < 64; k++)
        {
            output.WriteByte(table[ZigZag[k]]);
        }
    }

    private static void WriteHuffmanTable(Stream output, byte classAndId, HuffmanTable table)
    {
        var length = 2 + 1 + 16 + table.Values.Length;
        output.Write([0xFF, 0xC4, (byte)(length >> 8), (byte)length, classAndId]);
        output.Write(table.Counts);
        output.Write(table.Values);
    }

    private static float[] BuildCosines()
    {
        var cosines = new float[64];
        for (var u = 0; u < 8; u++)
        {
            var scale = u == 0 ? 1 / Math.Sqrt(2) / 2 : 0.5;
            for (var x = 0; x < 8; x++)
            {
                cosines[(u * 8) + x] = (float)(scale * Math.Cos(((2 * x) + 1) * u * Math.PI / 16));
            }
        }

        return cosines;
    }

    /// <summary>A Huffman table given as in a DHT segment (codes per length, then symbols), with each symbol's code.</summary>
    private sealed class HuffmanTable
    {
        private readonly ushort[] _codes = new ushort[256];
        private readonly byte[] _lengths = new byte[256];

        public HuffmanTable(byte[] counts, byte[] values)
        {
            if (counts.Length != 16 || counts.Sum(c => c) != values.Length)
            {
                throw new ArgumentException("The code counts do not match the symbols.", nameof(values));
            }

            Counts = counts;
            Values = values;
            var code = 0;
            var next = 0;
            for (var length = 1; length <= 16; length++)
            {
                for (var i = 0; i < counts[length - 1]; i++)
                {
                    _codes[values[next]] = (ushort)code;
                    _lengths[values[next]] = (byte)length;
                    next++;
                    code++;
                }

                code <<= 1;
            }
        }

        public byte[] Counts { get; }

        public byte[] Values { get; }

        public void Write(BitWriter bits, int symbol)
        {
            var length = _lengths[symbol];
            if (length == 0)
            {
                throw new InvalidOperationException("The symbol has no code in this table.");
            }

            bits.Write(_codes[symbol], length);
        }
    }

    /// <summary>Writes entropy-coded bits most significant first, stuffing a zero byte after every 0xFF.</summary>
    private sealed class BitWriter(Stream output)
    {
        private uint _buffer;
        private int _count;

        public void Write(int value, int length)
        {
            if (length == 0)
            {
                return;
            }

            _buffer = (_buffer << length) | ((uint)value & ((1u << length) - 1));
            _count += length;
            while (_count >= 8)
            {
                var next = (byte)(_buffer >> (_count - 8));
                output.WriteByte(next);
                if (next == 0xFF)
                {
                    output.WriteByte(0x00);
                }

                _count -= 8;
            }
        }

        /// <summary>Pads the last byte with one bits, as the standard asks.</summary>
        public void Flush()
        {
            if (_count > 0)
            {
                Write((1 << (8 - _count)) - 1, 8 - _count);
            }
        }
    }
}
