using System.Buffers.Binary;
using System.Text;

namespace IncidentResponse.Domain.Evidence;

/// <summary>Signs that a file is also readable as another format (a polyglot), found in its first bytes.</summary>
[Flags]
public enum PolyglotSigns
{
    None = 0,

    /// <summary>A zip local file header ("PK\x03\x04"): zip, docx, apk, jar content inside.</summary>
    ZipLocalHeader = 1,

    /// <summary>A PDF header ("%PDF-") other than at the very start; PDF readers look for it in the first kilobyte.</summary>
    PdfHeader = 2,

    /// <summary>"&lt;html" or "&lt;script" in a file that is not itself a saved page: browsers sniffing content could run it.</summary>
    HtmlMarkup = 4,
}

/// <summary>The outcome of sniffing. <see cref="Kind"/> is <see cref="EvidenceKind.Unknown"/> for anything not accepted.</summary>
public sealed record SniffResult(EvidenceKind Kind, PolyglotSigns PolyglotSigns)
{
    public EvidenceKindInfo Info => EvidenceKinds.Describe(Kind);

    public EvidenceCategory Category => Info.Category;

    public bool IsKnown => Kind != EvidenceKind.Unknown;

    public bool IsPolyglotSuspected => PolyglotSigns != PolyglotSigns.None;
}

/// <summary>A sniffed stream: <see cref="Content"/> replays the bytes read for sniffing, then the rest.</summary>
public sealed class SniffedContent
{
    public SniffedContent(SniffResult result, Stream content)
    {
        Result = result;
        Content = content;
    }

    public SniffResult Result { get; }

    /// <summary>The whole content from its first byte. Disposing it does not dispose the stream that was sniffed.</summary>
    public Stream Content { get; }
}

/// <summary>
/// Decides what a file is from its first bytes (magic numbers), never from its name or the content type a browser
/// sent. What it recognises:
/// <list type="bullet">
/// <item>JPEG FF D8 FF; PNG's 8-byte signature; GIF87a/GIF89a; WebP "RIFF….WEBP"; PDF "%PDF-" at offset 0.</item>
/// <item>ISO base media files by their leading ftyp box, which must be whole: HEIF (heic, heix, heim, heis, hevc,
/// hevx, mif1, msf1), MP4 (isom, iso2–iso6, mp41, mp42, avc1, M4V, dash, 3GPP…), QuickTime ("qt  "). The major brand
/// decides; when it is not known the compatible brands are tried. AVIF and M4A/M4B audio are not accepted.</item>
/// <item>WebM and Matroska by the EBML header's DocType.</item>
/// <item>MHTML: a MIME header block (first line a header field) with MIME-Version and Content-Type multipart/related.</item>
/// <item>HTML: "&lt;!doctype html", "&lt;html" or "&lt;head" after an optional UTF-8 BOM, whitespace and comments.</item>
/// </list>
/// Everything else is Unknown: executables (MZ, ELF), archives (zip), UTF-16 text, QuickTime files without an ftyp
/// box, PDFs with bytes before their header. Polyglot signs (<see cref="PolyglotSigns"/>) are looked for in the first
/// <see cref="HeadLength"/> bytes only: a zip appended to the end of an image is not seen here (the metadata
/// stripper drops bytes after an image's end marker).
/// </summary>
public static class FileSniffer
{
    /// <summary>How many leading bytes sniffing looks at.</summary>
    public const int HeadLength = 8192;

    private static readonly string[] HeifBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"];
    private static readonly string[] Mp4Brands =
    [
        "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "M4VH", "M4VP", "dash",
        "3gp4", "3gp5", "3gp6", "3gp7", "3g2a", "3g2b", "3g2c", "mmp4", "MSNV", "f4v ",
    ];

    private static readonly string[] RefusedMajorBrands = ["avif", "avis", "M4A ", "M4B ", "M4P ", "crx "];

    public static SniffResult Sniff(ReadOnlySpan<byte> head)
    {
        if (head.Length > HeadLength)
        {
            head = head[..HeadLength];
        }

        var kind = DetectKind(head);
        return new SniffResult(kind, kind == EvidenceKind.Unknown ? PolyglotSigns.None : FindPolyglotSigns(head, kind));
    }

    /// <summary>
    /// Reads the first <see cref="HeadLength"/> bytes of <paramref name="content"/> (which need not be seekable) and
    /// sniffs them. Carry on with <see cref="SniffedContent.Content"/>, which starts again from the first byte.
    /// </summary>
    public static async Task<SniffedContent> SniffAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var head = new byte[HeadLength];
        var read = await content.ReadAtLeastAsync(head, HeadLength, throwOnEndOfStream: false, cancellationToken);
        return new SniffedContent(Sniff(head.AsSpan(0, read)), new ReplayStream(head, read, content));
    }

    private static EvidenceKind DetectKind(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return EvidenceKind.Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return EvidenceKind.Png;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return EvidenceKind.Gif;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return EvidenceKind.WebP;
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return EvidenceKind.Pdf;
        }

        if (head.Length >= 12 && head.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return DetectIsoMedia(head);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return DetectEbml(head);
        }

        var text = Encoding.Latin1.GetString(head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head);
        if (IsMhtml(text))
        {
            return EvidenceKind.Mhtml;
        }

        return IsHtml(text) ? EvidenceKind.Html : EvidenceKind.Unknown;
    }

    private static EvidenceKind DetectIsoMedia(ReadOnlySpan<byte> head)
    {
        var boxSize = BinaryPrimitives.ReadUInt32BigEndian(head);
        if (boxSize < 16 || boxSize > head.Length)
        {
            return EvidenceKind.Unknown;
        }

        var major = Encoding.Latin1.GetString(head.Slice(8, 4));
        if (RefusedMajorBrands.Contains(major, StringComparer.Ordinal))
        {
            return EvidenceKind.Unknown;
        }

        var kind = BrandKind(major);
        for (var offset = 16; kind == EvidenceKind.Unknown && offset + 4 <= boxSize; offset += 4)
        {
            kind = BrandKind(Encoding.Latin1.GetString(head.Slice(offset, 4)));
        }

        return kind;
    }

    private static EvidenceKind BrandKind(string brand)
    {
        if (HeifBrands.Contains(brand, StringComparer.Ordinal))
        {
            return EvidenceKind.Heif;
        }

        if (Mp4Brands.Contains(brand, StringComparer.Ordinal))
        {
            return EvidenceKind.Mp4;
        }

        return brand == "qt  " ? EvidenceKind.QuickTime : EvidenceKind.Unknown;
    }

    private static EvidenceKind DetectEbml(ReadOnlySpan<byte> head)
    {
        var window = head[..Math.Min(head.Length, 64)];
        var docType = window.IndexOf((ReadOnlySpan<byte>)[0x42, 0x82]);
        if (docType < 0 || docType + 3 > window.Length || (window[docType + 2] & 0x80) == 0)
        {
            return EvidenceKind.Unknown;
        }

        var length = window[docType + 2] & 0x7F;
        if (docType + 3 + length > window.Length)
        {
            return EvidenceKind.Unknown;
        }

        var name = window.Slice(docType + 3, length);
        if (name.SequenceEqual("webm"u8))
        {
            return EvidenceKind.WebM;
        }

        return name.SequenceEqual("matroska"u8) ? EvidenceKind.Matroska : EvidenceKind.Unknown;
    }

    private static bool IsMhtml(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 2 || !IsHeaderField(lines[0]))
        {
            return false;
        }

        var hasMimeVersion = false;
        var isMultipartRelated = false;
        foreach (var rawLine in lines)
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0)
            {
                break;
            }

            if (line.StartsWith("MIME-Version:", StringComparison.OrdinalIgnoreCase))
            {
                hasMimeVersion = true;
            }
            else if (line.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))
            {
                isMultipartRelated = line["Content-Type:".Length..].TrimStart()
                    .StartsWith("multipart/related", StringComparison.OrdinalIgnoreCase);
            }
        }

        return hasMimeVersion && isMultipartRelated;
    }

    private static bool IsHeaderField(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && line[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
    }

    private static bool IsHtml(string text)
    {
        var position = 0;
        while (true)
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            if (string.CompareOrdinal(text, position, "<!--", 0, 4) != 0)
            {
                break;
            }

            var end = text.IndexOf("-->", position + 4, StringComparison.Ordinal);
            if (end < 0)
            {
                return false;
            }

            position = end + 3;
        }

        var rest = text.AsSpan(position);
        return StartsWithTag(rest, "<!doctype html") || StartsWithTag(rest, "<html") || StartsWithTag(rest, "<head");
    }

    private static bool StartsWithTag(ReadOnlySpan<char> text, string tag) =>
        text.StartsWith(tag, StringComparison.OrdinalIgnoreCase)
        && (text.Length == tag.Length || text[tag.Length] == '>' || char.IsWhiteSpace(text[tag.Length]));

    private static PolyglotSigns FindPolyglotSigns(ReadOnlySpan<byte> head, EvidenceKind kind)
    {
        var signs = PolyglotSigns.None;
        if (head.IndexOf("PK\u0003\u0004"u8) >= 0)
        {
            signs |= PolyglotSigns.ZipLocalHeader;
        }

        var pdfSearchStart = kind == EvidenceKind.Pdf ? 1 : 0;
        if (head[pdfSearchStart..].IndexOf("%PDF-"u8) >= 0)
        {
            signs |= PolyglotSigns.PdfHeader;
        }

        if (kind is not (EvidenceKind.Html or EvidenceKind.Mhtml)
            && (ContainsIgnoreCase(head, "<html"u8) || ContainsIgnoreCase(head, "<script"u8)))
        {
            signs |= PolyglotSigns.HtmlMarkup;
        }

        return signs;
    }

    private static bool ContainsIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        for (var i = haystack.IndexOf(needle[0]); i >= 0 && i + needle.Length <= haystack.Length;)
        {
            if (Ascii.EqualsIgnoreCase(haystack.Slice(i, needle.Length), needle))
            {
                return true;
            }

            var next = haystack[(i + 1)..].IndexOf(needle[0]);
            i = next < 0 ? -1 : i + 1 + next;
        }

        return false;
    }
}
