using System.Text;
using IncidentResponse.Domain.Evidence;

namespace IncidentResponse.Domain.Tests.Evidence;

public class FileSnifferTests
{
    public static TheoryData<string, byte[], EvidenceKind> KnownFiles => new()
    {
        { "JPEG", TestImages.Jpeg(), EvidenceKind.Jpeg },
        { "JPEG with Exif", TestImages.Jpeg(16, 8, TestImages.ExifSegment()), EvidenceKind.Jpeg },
        { "PNG", TestImages.Png(3, 2), EvidenceKind.Png },
        { "GIF89a", TestImages.Gif(1, 1), EvidenceKind.Gif },
        { "GIF87a", [.. "GIF87a"u8, .. TestImages.Gif(1, 1)[6..]], EvidenceKind.Gif },
        { "WebP", TestImages.WebPLossless(3, 2), EvidenceKind.WebP },
        { "HEIC", TestImages.Heif(640, 480), EvidenceKind.Heif },
        { "HEIF mif1", TestImages.Heif(640, 480, "mif1"), EvidenceKind.Heif },
        { "HEIC heix", TestImages.Heif(640, 480, "heix"), EvidenceKind.Heif },
        { "PDF", Ascii("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), EvidenceKind.Pdf },
        { "MP4 isom", Ftyp("isom", "isom", "iso2", "avc1", "mp41"), EvidenceKind.Mp4 },
        { "MP4 mp42", Ftyp("mp42", "mp42", "isom"), EvidenceKind.Mp4 },
        { "3GP phone video", Ftyp("3gp4", "isom", "3gp4"), EvidenceKind.Mp4 },
        { "MP4 by compatible brand", Ftyp("XYZW", "XYZW", "isom"), EvidenceKind.Mp4 },
        { "QuickTime MOV", Ftyp("qt  ", "qt  "), EvidenceKind.QuickTime },
        { "WebM", Ebml("webm"), EvidenceKind.WebM },
        { "Matroska", Ebml("matroska"), EvidenceKind.Matroska },
        {
            "MHTML from Chrome",
            Ascii("From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.com/\r\nSubject: Example\r\n"
                + "Date: Fri, 21 Nov 2026 10:00:00 -0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
                + "\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n------MultipartBoundary--abc----\r\n"),
            EvidenceKind.Mhtml
        },
        {
            "MHT starting with MIME-Version",
            Ascii("MIME-Version: 1.0\nContent-Type: multipart/related; boundary=\"x\"\n\n--x\n"),
            EvidenceKind.Mhtml
        },
        { "HTML doctype", Ascii("<!DOCTYPE html>\n<html><head><title>x</title></head></html>"), EvidenceKind.Html },
        { "HTML lower-case doctype after BOM and whitespace", [0xEF, 0xBB, 0xBF, .. Ascii("\r\n  \t<!doctype html><p>hi")], EvidenceKind.Html },
        { "HTML element first", Ascii("<HTML lang=\"en\"><body></body></HTML>"), EvidenceKind.Html },
        { "HTML after a saved-from comment", Ascii("<!-- saved from url=(0022)http://example.com/ -->\n<html>"), EvidenceKind.Html },
        { "HTML starting with head", Ascii("<head><meta charset=\"utf-8\"></head>"), EvidenceKind.Html },
    };

    public static TheoryData<string, byte[]> UnknownFiles => new()
    {
        { "empty", [] },
        { "Windows executable renamed to .png", [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, .. new byte[54], .. "This program cannot be run"u8] },
        { "ELF executable", [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. new byte[8]] },
        { "zip archive", [.. "PK\u0003\u0004"u8, 20, 0, 0, 0, 8, 0, .. new byte[20]] },
        { "JPEG cut to two bytes", [0xFF, 0xD8] },
        { "PNG signature cut short", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A] },
        { "GIF cut short", "GIF8"u8.ToArray() },
        { "RIFF cut before its form type", [.. "RIFF"u8, 0, 0, 0, 0, .. "WEB"u8] },
        { "AVI (RIFF but not WebP)", TestImages.Riff("AVI ", ("LIST", new byte[4])) },
        { "PDF header not at the start", Ascii("junk\n%PDF-1.4\n") },
        { "ftyp box cut short", [0, 0, 0, 0x18, .. "ftyp"u8, .. "isom"u8] },
        { "ftyp box with an impossible size", [0, 0, 0, 8, .. "ftyp"u8, .. "isom"u8, 0, 0, 0, 0] },
        { "AVIF image", Ftyp("avif", "avif", "mif1", "miaf") },
        { "M4A audio", Ftyp("M4A ", "M4A ", "isom", "mp42") },
        { "unknown ISO brand", Ftyp("abcd", "abcd", "efgh") },
        { "EBML of another doc type", Ebml("other") },
        { "EBML header cut short", [0x1A, 0x45, 0xDF, 0xA3, 0x42] },
        { "plain text", Ascii("Dear platform, please remove the image at the address below.") },
        { "text that looks like a header but is not MIME", Ascii("From: someone\nSubject: hello\n\nbody") },
        { "MIME but not multipart/related", Ascii("MIME-Version: 1.0\nContent-Type: text/plain\n\nhello") },
        { "an e-mail header with multipart/related but no MIME-Version", Ascii("From: a\nContent-Type: multipart/related\n\nx") },
        { "markup that is not HTML", Ascii("<htmlx>not html</htmlx>") },
        { "unterminated comment", Ascii("<!-- never closed <html>") },
        { "UTF-16 HTML", Encoding.Unicode.GetBytes("\uFEFF<!doctype html>") },
        { "SVG", Ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>") },
    };

    [Theory]
    [MemberData(nameof(KnownFiles))]
    public void Recognises_each_kind_from_its_bytes(string description, byte[] content, EvidenceKind expected)
    {
        var result = FileSniffer.Sniff(content);

        Assert.True(expected == result.Kind, description);
        Assert.True(result.IsKnown);
        Assert.False(result.IsPolyglotSuspected, description);
    }

    [Theory]
    [MemberData(nameof(UnknownFiles))]
    public void Anything_else_is_unknown(string description, byte[] content)
    {
        var result = FileSniffer.Sniff(content);

        Assert.True(result.Kind == EvidenceKind.Unknown, description);
        Assert.Equal(EvidenceCategory.Unknown, result.Category);
        Assert.False(result.IsKnown);
    }

    [Theory]
    [InlineData(EvidenceKind.Jpeg, EvidenceCategory.Image, 25L * 1024 * 1024)]
    [InlineData(EvidenceKind.Png, EvidenceCategory.Image, 25L * 1024 * 1024)]
    [InlineData(EvidenceKind.Gif, EvidenceCategory.Image, 25L * 1024 * 1024)]
    [InlineData(EvidenceKind.WebP, EvidenceCategory.Image, 25L * 1024 * 1024)]
    [InlineData(EvidenceKind.Heif, EvidenceCategory.Image, 25L * 1024 * 1024)]
    [InlineData(EvidenceKind.Mp4, EvidenceCategory.Video, 200L * 1024 * 1024)]
    [InlineData(EvidenceKind.QuickTime, EvidenceCategory.Video, 200L * 1024 * 1024)]
    [InlineData(EvidenceKind.WebM, EvidenceCategory.Video, 200L * 1024 * 1024)]
    [InlineData(EvidenceKind.Matroska, EvidenceCategory.Video, 200L * 1024 * 1024)]
    [InlineData(EvidenceKind.Pdf, EvidenceCategory.Document, 50L * 1024 * 1024)]
    [InlineData(EvidenceKind.Mhtml, EvidenceCategory.SavedPage, 50L * 1024 * 1024)]
    [InlineData(EvidenceKind.Html, EvidenceCategory.SavedPage, 50L * 1024 * 1024)]
    [InlineData(EvidenceKind.Unknown, EvidenceCategory.Unknown, 0L)]
    public void Each_kind_has_a_category_and_a_size_limit(EvidenceKind kind, EvidenceCategory category, long maxBytes)
    {
        var info = EvidenceKinds.Describe(kind);

        Assert.Equal(category, info.Category);
        Assert.Equal(maxBytes, info.MaxBytes);
    }

    [Fact]
    public void The_kind_table_covers_every_kind_once()
    {
        Assert.Equal(Enum.GetValues<EvidenceKind>(), EvidenceKinds.All.Select(info => info.Kind));
        Assert.Equal(EvidenceLimits.VideoMaxBytes, EvidenceKinds.All.Max(info => info.MaxBytes));
    }

    [Fact]
    public void A_JPEG_carrying_a_PDF_header_is_flagged()
    {
        var jpeg = TestImages.Jpeg(16, 8, TestImages.CommentSegment("%PDF-1.4\n1 0 obj"));

        var result = FileSniffer.Sniff(jpeg);

        Assert.Equal(EvidenceKind.Jpeg, result.Kind);
        Assert.Equal(PolyglotSigns.PdfHeader, result.PolyglotSigns);
    }

    [Fact]
    public void A_PNG_carrying_a_zip_header_is_flagged()
    {
        var png = TestImages.Png(3, 2, ("zIPx", [.. "PK\u0003\u0004"u8, 20, 0, 0, 0]));

        var result = FileSniffer.Sniff(png);

        Assert.Equal(EvidenceKind.Png, result.Kind);
        Assert.Equal(PolyglotSigns.ZipLocalHeader, result.PolyglotSigns);
    }

    [Fact]
    public void An_image_carrying_script_markup_is_flagged()
    {
        var gif = TestImages.Jpeg(16, 8, TestImages.CommentSegment("<SCRIPT>alert(1)</SCRIPT>"));

        Assert.Equal(PolyglotSigns.HtmlMarkup, FileSniffer.Sniff(gif).PolyglotSigns);
    }

    [Fact]
    public void A_PDF_is_not_flagged_for_its_own_header_but_is_for_a_second_one()
    {
        Assert.Equal(PolyglotSigns.None, FileSniffer.Sniff(Ascii("%PDF-1.7\n")).PolyglotSigns);
        Assert.Equal(PolyglotSigns.PdfHeader, FileSniffer.Sniff(Ascii("%PDF-1.7\n%PDF-1.4\n")).PolyglotSigns);
    }

    [Fact]
    public void A_saved_page_is_not_flagged_for_being_HTML()
    {
        Assert.Equal(PolyglotSigns.None, FileSniffer.Sniff(Ascii("<!doctype html><html><script></script></html>")).PolyglotSigns);
    }

    [Fact]
    public void Polyglot_signs_beyond_the_sniffed_head_are_not_looked_for()
    {
        var jpeg = TestImages.Jpeg(16, 8, TestImages.CommentSegment(new string(' ', FileSniffer.HeadLength) + "%PDF-1.4"));

        Assert.Equal(PolyglotSigns.None, FileSniffer.Sniff(jpeg).PolyglotSigns);
    }

    [Fact]
    public async Task Sniffing_a_non_seekable_stream_replays_every_byte()
    {
        var png = TestImages.Png(300, 200, TestImages.PngText("Comment", new string('x', 20_000)));
        Assert.True(png.Length > FileSniffer.HeadLength);

        var sniffed = await FileSniffer.SniffAsync(new ForwardOnlyStream(png, maxReadSize: 100));
        var replayed = new MemoryStream();
        await sniffed.Content.CopyToAsync(replayed);

        Assert.Equal(EvidenceKind.Png, sniffed.Result.Kind);
        Assert.Equal(png, replayed.ToArray());
    }

    [Fact]
    public async Task Sniffing_a_file_shorter_than_the_head_replays_it_whole()
    {
        var gif = TestImages.Gif(1, 1);

        var sniffed = await FileSniffer.SniffAsync(new ForwardOnlyStream(gif));
        var replayed = new MemoryStream();
        sniffed.Content.CopyTo(replayed);

        Assert.Equal(EvidenceKind.Gif, sniffed.Result.Kind);
        Assert.Equal(gif, replayed.ToArray());
    }

    private static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);

    private static byte[] Ftyp(string majorBrand, params string[] compatibleBrands) =>
    [
        .. TestImages.Box("ftyp", [.. Ascii(majorBrand), 0, 0, 2, 0, .. compatibleBrands.SelectMany(Ascii)]),
        .. TestImages.Box("free", new byte[8]),
    ];

    private static byte[] Ebml(string docType)
    {
        byte[] body =
        [
            0x42, 0x86, 0x81, 0x01, // EBMLVersion 1
            0x42, 0xF7, 0x81, 0x01, // EBMLReadVersion 1
            0x42, 0x82, (byte)(0x80 | docType.Length), .. Ascii(docType), // DocType
            0x42, 0x87, 0x81, 0x04, // DocTypeVersion 4
        ];
        return [0x1A, 0x45, 0xDF, 0xA3, (byte)(0x80 | body.Length), .. body, 0x18, 0x53, 0x80, 0x67];
    }
}
