namespace IncidentResponse.Documents.Pdf;

/// <summary>
/// Counts the pages of a PDF as its chunks stream past, without keeping it: Chromium writes every page object as a
/// plain dictionary with <c>/Type /Page</c> (the page tree's own nodes say <c>/Type /Pages</c>), never inside a
/// compressed object stream. A match split across two chunks is found across the seam.
/// </summary>
internal sealed class PdfPageCounter
{
    private static readonly byte[] PageType = "/Type /Page"u8.ToArray();

    /// <summary>The needle and the byte after it, which must not continue the name.</summary>
    private static readonly int Window = PageType.Length + 1;

    /// <summary>The last bytes seen (fewer than a window), then room for the head of the next chunk.</summary>
    private readonly byte[] _seam = new byte[(Window * 2) - 1];
    private int _carried;

    public int Pages { get; private set; }

    public void Add(ReadOnlySpan<byte> chunk)
    {
        // Matches that begin in the bytes carried over and end, with the byte after them, in this chunk.
        chunk[..Math.Min(chunk.Length, Window)].CopyTo(_seam.AsSpan(_carried));
        var seam = _seam.AsSpan(0, _carried + Math.Min(chunk.Length, Window));
        for (var start = 0; start < _carried; start++)
        {
            if (start + Window > _carried && IsPageAt(seam, start))
            {
                Pages++;
            }
        }

        // Matches within this chunk; one too near its end to see the next byte is counted with the next chunk.
        for (var offset = chunk.IndexOf(PageType); offset >= 0;)
        {
            if (IsPageAt(chunk, offset))
            {
                Pages++;
            }

            var next = chunk[(offset + 1)..].IndexOf(PageType);
            offset = next < 0 ? -1 : offset + 1 + next;
        }

        var tail = chunk.Length >= Window - 1 ? chunk[^(Window - 1)..] : seam[Math.Max(0, seam.Length - (Window - 1))..];
        tail.CopyTo(_seam);
        _carried = tail.Length;
    }

    private static bool IsPageAt(ReadOnlySpan<byte> bytes, int start) =>
        start + Window <= bytes.Length
        && bytes.Slice(start, PageType.Length).SequenceEqual(PageType)
        && !char.IsAsciiLetter((char)bytes[start + PageType.Length]);
}
