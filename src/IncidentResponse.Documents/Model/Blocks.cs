namespace IncidentResponse.Documents.Model;

/// <summary>One piece of a section's content. The set of blocks is closed: a renderer handles each kind.</summary>
public abstract record Block
{
    private protected Block()
    {
    }
}

/// <summary>Plain text. Its direction follows its own script, so Arabic or Hebrew read right to left.</summary>
public sealed record Paragraph(string Text) : Block;

/// <summary>Label and value pairs, such as the details of a case.</summary>
public sealed record KeyValueTable(IReadOnlyList<KeyValueRow> Rows) : Block
{
    public string? Caption { get; init; }
}

public sealed record KeyValueRow(string Label, string Value);

/// <summary>A grid with column headers, such as a list of sightings or takedown requests.</summary>
public sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : Block
{
    public string? Caption { get; init; }

    /// <summary>Columns (0-based) holding fingerprints: printed in a fixed-width font on one line, never broken.</summary>
    public IReadOnlySet<int> FingerprintColumns { get; init; } = new HashSet<int>();

    /// <summary>
    /// Columns (0-based) holding long unbroken text such as web addresses: these may break anywhere, while the other
    /// columns break only between words.
    /// </summary>
    public IReadOnlySet<int> AddressColumns { get; init; } = new HashSet<int>();
}

/// <summary>Starts the next block on a new page.</summary>
public sealed record PageBreak : Block;

/// <summary>
/// A contents list of the document's sections, linked to them (a section holding nothing but the list is not listed). An empty
/// <see cref="Heading"/> prints no heading of its own, for a list that is its section's only content.
/// </summary>
public sealed record TableOfContents : Block
{
    public string Heading { get; init; } = "Contents";
}

/// <summary>How much of an exhibit's picture a copy of the document may show.</summary>
public enum Redaction
{
    /// <summary>The picture is shown.</summary>
    None,

    /// <summary>
    /// The picture is never shown: in its place is either the heavily pixelated rendering named by
    /// <see cref="ExhibitBlock.ObscuredImageResource"/> (a few hundred pixels in all, marked as obscured), or a plain
    /// box when there is none. The caption stays, so the fingerprint still identifies the original. The original
    /// picture (<see cref="ExhibitBlock.ImageResource"/>) is never referenced, so its bytes are never sent to the renderer.
    /// </summary>
    Obscure,

    /// <summary>
    /// The picture and the details that could describe or locate it (file name, source address, description) are left
    /// out; the number, fingerprint, size and receipt time stay.
    /// </summary>
    Withhold,
}

/// <summary>
/// One numbered piece of evidence on its own page: the fingerprint and receipt details that let someone check it, and
/// the picture, which the renderer fetches by <see cref="ImageResource"/> through a callback at print time.
/// </summary>
public sealed record ExhibitBlock : Block
{
    public required int Number { get; init; }

    public required string OriginalFileName { get; init; }

    /// <summary>The SHA-256 of the original bytes, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    public required long SizeBytes { get; init; }

    public required DateTimeOffset ReceivedAtUtc { get; init; }

    public string? UploadedBy { get; init; }

    /// <summary>Where the content was seen. Printed as text, never as a link and never fetched.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>Where the content was seen, in the person's words ("Direct messages from Alex on Instagram").</summary>
    public string? SourceWords { get; init; }

    public DateTimeOffset? CapturedAt { get; init; }

    /// <summary>
    /// When it was captured as the person gave it (a day, perhaps a time in their own zone), printed as written; used
    /// instead of <see cref="CapturedAt"/> when set.
    /// </summary>
    public string? CapturedAtText { get; init; }

    public string? Description { get; init; }

    /// <summary>
    /// An opaque name such as <c>exhibit/3</c> the printer resolves through its callback, or null when the exhibit
    /// has no picture to show (a video, a document).
    /// </summary>
    public string? ImageResource { get; init; }

    public Redaction Redaction { get; init; } = Redaction.None;

    /// <summary>
    /// For <see cref="Redaction.Obscure"/> only: an opaque name for a heavily pixelated rendering of the picture (made
    /// by whoever builds the document, never from the original inside the printed page), shown scaled up and marked as
    /// obscured. Null shows a plain box instead.
    /// </summary>
    public string? ObscuredImageResource { get; init; }

    /// <summary>
    /// Said in the marked box that stands in for the picture when there is none to show, instead of the standard
    /// words (for example why a PDF's first page or an obscured picture could not be made).
    /// </summary>
    public string? PlaceholderText { get; init; }

    /// <summary>Printed under the picture, for a picture that is not the file itself (the first page of a PDF).</summary>
    public string? PictureCaption { get; init; }

    /// <summary>What the file is, in words ("MP4 video", "PDF document"), for the card shown when there is no picture.</summary>
    public string? FileDescription { get; init; }

    /// <summary>
    /// Set when the stored file could not be checked or no longer matches its fingerprint: the exhibit is printed as a
    /// clearly marked problem page, without any picture, and this text says what is wrong.
    /// </summary>
    public string? Problem { get; init; }

    /// <summary>
    /// The numbers of the binder's other exhibits whose pictures look like this one by their perceptual hashes (issue
    /// 24): only between exhibits shown alike (both in full or both obscured), never for one withheld.
    /// </summary>
    public IReadOnlyList<int> LooksLike { get; init; } = [];
}
