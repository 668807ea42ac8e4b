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
}

/// <summary>Starts the next block on a new page.</summary>
public sealed record PageBreak : Block;

/// <summary>A contents list of the document's sections, linked to them.</summary>
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
    /// The picture is replaced by a plain box; the caption stays, so the fingerprint still identifies the original.
    /// The picture's bytes are never sent to the renderer.
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

    public DateTimeOffset? CapturedAt { get; init; }

    public string? Description { get; init; }

    /// <summary>
    /// An opaque name such as <c>exhibit/3</c> the printer resolves through its callback, or null when the exhibit
    /// has no picture to show (a video, a document).
    /// </summary>
    public string? ImageResource { get; init; }

    public Redaction Redaction { get; init; } = Redaction.None;
}
