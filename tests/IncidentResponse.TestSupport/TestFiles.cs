using System.Text;

namespace IncidentResponse.TestSupport;

/// <summary>Small, valid evidence files other than pictures (for those, <see cref="TestImages"/>), assembled byte by byte.</summary>
public static class TestFiles
{
    /// <summary>A one-page PDF whose content stream carries <paramref name="text"/> as raw bytes.</summary>
    public static byte[] Pdf(byte[] text) =>
    [
        .. "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"u8,
        .. "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"u8,
        .. "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>\nendobj\n"u8,
        .. Encoding.ASCII.GetBytes($"4 0 obj\n<< /Length {text.Length} >>\nstream\n"), .. text, .. "\nendstream\nendobj\n"u8,
        .. "trailer\n<< /Root 1 0 R >>\n%%EOF\n"u8,
    ];

    /// <summary>An MP4's leading ftyp box and an mdat box holding <paramref name="payload"/>: a header-only video.</summary>
    public static byte[] Mp4(byte[] payload) =>
    [
        .. TestImages.Box("ftyp", [.. "isom"u8, 0, 0, 2, 0, .. "isom"u8, .. "mp42"u8]),
        .. TestImages.Box("mdat", payload),
    ];

    public static byte[] Html(string body) =>
        Encoding.UTF8.GetBytes($"<!doctype html>\n<html><head><title>Saved page</title></head><body>{body}</body></html>\n");
}
