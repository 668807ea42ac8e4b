using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace IncidentResponse.Web.Operator.Demo;

/// <summary>What a phone camera writes about a photo: the device, when, and where.</summary>
public sealed record ExifDetails(string Make, string Model, DateTime Taken, double Latitude, double Longitude);

/// <summary>
/// Writes an Exif APP1 segment (a big-endian TIFF structure: IFD0 with the device and a pointer to the Exif and GPS
/// directories), the metadata a phone puts in its JPEGs and that <see cref="Domain.Evidence.MetadataStripper"/> removes from previews.
/// For demo and test images.
/// </summary>
public static class ExifSegment
{
    private const ushort Byte = 1;
    private const ushort Ascii = 2;
    private const ushort Short = 3;
    private const ushort Long = 4;
    private const ushort Rational = 5;

    /// <summary>The complete APP1 segment, marker and length included.</summary>
    public static byte[] App1(ExifDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var taken = details.Taken.ToString("yyyy:MM:dd HH:mm:ss", CultureInfo.InvariantCulture);

        // Offsets are from the start of the TIFF header; IFD0 follows it at 8, then its values, then the other two.
        var exif = new List<Entry> { new(0x9003, Ascii, AsciiValue(taken)) };
        var gps = new List<Entry>
        {
            new(0x0000, Byte, [2, 3, 0, 0]),
            new(0x0001, Ascii, AsciiValue(details.Latitude >= 0 ? "N" : "S")),
            new(0x0002, Rational, Degrees(details.Latitude)),
            new(0x0003, Ascii, AsciiValue(details.Longitude >= 0 ? "E" : "W")),
            new(0x0004, Rational, Degrees(details.Longitude)),
        };
        var ifd0 = new List<Entry>
        {
            new(0x010F, Ascii, AsciiValue(details.Make)),
            new(0x0110, Ascii, AsciiValue(details.Model)),
            new(0x0112, Short, [0, 1]),
            new(0x0132, Ascii, AsciiValue(taken)),
            new(0x8769, Long, new byte[4]),
            new(0x8825, Long, new byte[4]),
        };
        var exifAt = 8 + Size(ifd0);
        var gpsAt = exifAt + Size(exif);
        BinaryPrimitives.WriteUInt32BigEndian(ifd0[4].Value, (uint)exifAt);
        BinaryPrimitives.WriteUInt32BigEndian(ifd0[5].Value, (uint)gpsAt);

        using var tiff = new MemoryStream();
        tiff.Write("MM\0*"u8);
        tiff.Write([0, 0, 0, 8]);
        WriteDirectory(tiff, ifd0);
        WriteDirectory(tiff, exif);
        WriteDirectory(tiff, gps);

        var body = tiff.ToArray();
        var length = 2 + 6 + body.Length;
        if (length > ushort.MaxValue)
        {
            throw new ArgumentException("The details are too long for one segment.", nameof(details));
        }

        var segment = new byte[2 + length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)length);
        "Exif\0\0"u8.CopyTo(segment.AsSpan(4));
        body.CopyTo(segment.AsSpan(10));
        return segment;
    }

    private static int Size(List<Entry> entries) =>
        2 + (12 * entries.Count) + 4 + entries.Sum(e => e.Value.Length > 4 ? Even(e.Value.Length) : 0);

    private static int Even(int length) => length + (length % 2);

    /// <summary>One directory at the stream's position, its larger values right after it; no next directory.</summary>
    private static void WriteDirectory(MemoryStream tiff, List<Entry> entries)
    {
        var start = (int)tiff.Position;
        var valuesAt = start + 2 + (12 * entries.Count) + 4;
        Span<byte> field = stackalloc byte[12];
        var count = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(count, (ushort)entries.Count);
        tiff.Write(count);
        var values = new MemoryStream();
        foreach (var entry in entries.OrderBy(e => e.Tag))
        {
            field.Clear();
            BinaryPrimitives.WriteUInt16BigEndian(field, entry.Tag);
            BinaryPrimitives.WriteUInt16BigEndian(field[2..], entry.Type);
            BinaryPrimitives.WriteUInt32BigEndian(field[4..], entry.Count);
            if (entry.Value.Length <= 4)
            {
                entry.Value.CopyTo(field[8..]);
            }
            else
            {
                BinaryPrimitives.WriteUInt32BigEndian(field[8..], (uint)(valuesAt + values.Length));
                values.Write(entry.Value);
                if (entry.Value.Length % 2 == 1)
                {
                    values.WriteByte(0);
                }
            }

            tiff.Write(field);
        }

        tiff.Write([0, 0, 0, 0]);
        values.WriteTo(tiff);
    }

    private static byte[] AsciiValue(string text) => [.. Encoding.ASCII.GetBytes(text), 0];

    /// <summary>|angle| as three rationals: degrees, minutes, and seconds to a hundredth.</summary>
    private static byte[] Degrees(double angle)
    {
        var remaining = Math.Abs(angle);
        var degrees = (uint)remaining;
        remaining = (remaining - degrees) * 60;
        var minutes = (uint)remaining;
        var hundredthsOfSeconds = (uint)Math.Round((remaining - minutes) * 60 * 100);
        var value = new byte[24];
        uint[] parts = [degrees, 1, minutes, 1, hundredthsOfSeconds, 100];
        for (var i = 0; i < parts.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(value.AsSpan(i * 4), parts[i]);
        }

        return value;
    }

    private sealed record Entry(ushort Tag, ushort Type, byte[] Value)
    {
        /// <summary>The number of values of the entry's type.</summary>
        public uint Count => Type switch
        {
            Short => (uint)Value.Length / 2,
            Long => (uint)Value.Length / 4,
            Rational => (uint)Value.Length / 8,
            _ => (uint)Value.Length,
        };
    }
}
