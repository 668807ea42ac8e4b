using System.Text;

namespace IncidentResponse.Domain.Takedowns;

/// <summary>
/// A composed letter as content: a title, ordered sections of paragraphs, and the elements it contains. Plain text
/// comes from <see cref="ToPlainText"/>; a PDF renderer can lay out the same sections.
/// </summary>
/// <param name="Guidance">Plain notes for the person sending, shown beside the letter, never part of it.</param>
public sealed record LetterDocument(
    LetterKind Kind,
    string Title,
    IReadOnlyList<LetterSection> Sections,
    IReadOnlyList<LetterElement> Elements,
    IReadOnlyList<string> Guidance)
{
    public bool Has(LetterElement element) => Elements.Contains(element);

    /// <summary>The title, then each section's heading and paragraphs, separated by blank lines, with \n line ends.</summary>
    public string ToPlainText()
    {
        var text = new StringBuilder();
        text.Append(Title).Append('\n');
        foreach (var section in Sections)
        {
            text.Append('\n');
            if (section.Heading is not null)
            {
                text.Append(section.Heading).Append('\n');
            }

            text.AppendJoin("\n", section.Paragraphs).Append('\n');
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
