namespace IncidentResponse.Documents.Model;

/// <summary>
/// A document (an evidence binder, a letter) as content only: what it says, in what order, with no knowledge of how
/// it is laid out or which renderer prints it.
/// </summary>
public sealed record DocumentModel
{
    /// <summary>The words every copy carries at the top of each page.</summary>
    public const string DefaultConfidentialityMarking = "Confidential";

    /// <summary>The title on the first page, for example "Evidence record". Keep it neutral: it is printed on every page.</summary>
    public required string Title { get; init; }

    /// <summary>The running header text on every printed page, usually the same neutral title.</summary>
    public required string RunningHeader { get; init; }

    /// <summary>When this copy was made. Shown in UTC.</summary>
    public required DateTimeOffset GeneratedAtUtc { get; init; }

    public required IReadOnlyList<Section> Sections { get; init; }

    public string ConfidentialityMarking { get; init; } = DefaultConfidentialityMarking;

    /// <summary>The BCP 47 language of the document's own wording, for screen readers and hyphenation.</summary>
    public string Language { get; init; } = "en";
}

/// <summary>A titled part of a document. Its <see cref="Id"/> anchors the contents list and the PDF outline.</summary>
public sealed record Section
{
    /// <summary>A short stable identifier, letters, digits and hyphens, unique within the document.</summary>
    public required string Id { get; init; }

    public required string Heading { get; init; }

    public required IReadOnlyList<Block> Blocks { get; init; }
}
