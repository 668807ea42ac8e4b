using System.Text;

namespace IncidentResponse.Domain.Takedowns;

/// <summary>
/// A composed letter as content, in the order a letter is read: the sender block, the date, the recipient, the title
/// (the letter's one subject line), the body's sections, and the signature block. Plain text comes from
/// <see cref="ToPlainText"/>; the PDF lays out that same text, line for line.
/// </summary>
/// <param name="Sections">The body, between the title and the signature.</param>
/// <param name="Guidance">Plain notes for the person sending, shown beside the letter, never part of it.</param>
public sealed record LetterDocument(
    LetterKind Kind,
    string Title,
    IReadOnlyList<LetterSection> Sections,
    IReadOnlyList<LetterElement> Elements,
    IReadOnlyList<string> Guidance)
{
    /// <summary>
    /// The sender block: only the details the person chose to print (never a private one), one a line; empty when they
    /// print none.
    /// </summary>
    public IReadOnlyList<string> Sender { get; init; } = [];

    /// <summary>The date line (<c>Date: …</c>), empty for a letter without one.</summary>
    public string? DateLine { get; init; }

    /// <summary>The recipient line (<c>To: …</c>), empty for a letter without one.</summary>
    public string? RecipientLine { get; init; }

    /// <summary>The signature block, empty when the letter is not signed.</summary>
    public IReadOnlyList<string> Signature { get; init; } = [];

    public bool Has(LetterElement element) => Elements.Contains(element);

    /// <summary>
    /// The letter as plain text, with \n line ends: the sender block, the date, the recipient, the title, each section
    /// (its heading, if any, then its paragraphs one a line) and the signature block, a blank line between two.
    /// </summary>
    public string ToPlainText()
    {
        var blocks = new List<IEnumerable<string>>();
        if (Sender.Count > 0)
        {
            blocks.Add(Sender);
        }

        if (DateLine is not null)
        {
            blocks.Add([DateLine]);
        }

        if (RecipientLine is not null)
        {
            blocks.Add([RecipientLine]);
        }

        blocks.Add([Title]);
        blocks.AddRange(Sections.Select(s => s.Heading is null ? s.Paragraphs : s.Paragraphs.Prepend(s.Heading)));
        if (Signature.Count > 0)
        {
            blocks.Add(Signature);
        }

        var text = new StringBuilder();
        foreach (var block in blocks)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.AppendJoin("\n", block).Append('\n');
        }

        return text.ToString();
    }
}

/// <summary>A part of a letter; paragraphs are plain text (a list item is its own paragraph).</summary>
public sealed record LetterSection(string? Heading, IReadOnlyList<string> Paragraphs);

/// <summary>The parts a letter can contain; the completeness rules and tests speak in these.</summary>
public enum LetterElement
{
    Recipient = 1,
    ContentLocation = 2,
    ContactInformation = 3,
    Signature = 4,
    GoodFaithStatement = 5,
    AccuracyUnderPenaltyOfPerjury = 6,
    CopyrightedWork = 7,
    PlatformRule = 8,
    Reasons = 9,
    LegalBasis = 10,
    PreservationScope = 11,
    PreviousRequest = 12,
    ResponseRequested = 13,
    NameAndEmail = 14,

    /// <summary>The grounds of GDPR / UK GDPR Article 17(1) a request for erasure relies on.</summary>
    ErasureGrounds = 15,
}
