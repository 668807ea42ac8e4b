using IncidentResponse.Documents.Model;

namespace IncidentResponse.Documents.Html;

/// <summary>
/// A stretch of a document that is printed on its own and joined to the others afterwards (ADR 0025): from the block
/// at (<see cref="StartSection"/>, <see cref="StartBlock"/>) up to, not including, (<see cref="EndSection"/>,
/// <see cref="EndBlock"/>). The first part has the document's header; a part that begins inside a section carries on
/// that section without its heading.
/// </summary>
public sealed record DocumentPart(int Index, int StartSection, int StartBlock, int EndSection, int EndBlock)
{
    /// <summary>
    /// Cuts <paramref name="document"/> into parts of at most <paramref name="picturesPerPart"/> exhibits with a
    /// picture: the first part is everything before the exhibits and the first batch; each further part is a batch;
    /// what follows the last exhibit stays with the last batch. A cut is only ever made just before an exhibit that
    /// is not the first block of its section, so it falls where the print starts a new page anyway (print.css) and
    /// each part lays out exactly as that stretch of the whole document does. One part when there is nothing to cut.
    /// </summary>
    public static IReadOnlyList<DocumentPart> Split(DocumentModel document, int picturesPerPart)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfLessThan(picturesPerPart, 1);
        var cuts = new List<(int Section, int Block)> { (0, 0) };
        var pictures = 0;
        for (var s = 0; s < document.Sections.Count; s++)
        {
            var blocks = document.Sections[s].Blocks;
            for (var b = 0; b < blocks.Count; b++)
            {
                if (blocks[b] is not ExhibitBlock exhibit || !HasPicture(exhibit))
                {
                    continue;
                }

                if (pictures == picturesPerPart && b > 0)
                {
                    cuts.Add((s, b));
                    pictures = 0;
                }

                pictures++;
            }
        }

        cuts.Add((document.Sections.Count, 0));
        return [.. Enumerable.Range(0, cuts.Count - 1).Select(i => new DocumentPart(i, cuts[i].Section, cuts[i].Block, cuts[i + 1].Section, cuts[i + 1].Block))];
    }

    /// <summary>Whether the exhibit prints a picture, the one thing that makes a part heavy for Chromium.</summary>
    public static bool HasPicture(ExhibitBlock exhibit)
    {
        ArgumentNullException.ThrowIfNull(exhibit);
        return exhibit.Problem is null && exhibit.Redaction switch
        {
            Redaction.Withhold => false,
            Redaction.Obscure => exhibit.ObscuredImageResource is not null,
            _ => exhibit.ImageResource is not null,
        };
    }

    /// <summary>Whether the block at (<paramref name="section"/>, <paramref name="block"/>) is printed in this part.</summary>
    public bool Contains(int section, int block) =>
        (section, block).CompareTo((StartSection, StartBlock)) >= 0 && (section, block).CompareTo((EndSection, EndBlock)) < 0;

    /// <summary>
    /// One stretch from the start of <paramref name="first"/> to the end of <paramref name="last"/>, consecutive parts of
    /// the same split: several light parts laid out in one print (<see cref="Pdf.PartedDocumentPrint"/>).
    /// </summary>
    public static DocumentPart Span(DocumentPart first, DocumentPart last)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(last);
        return new DocumentPart(first.Index, first.StartSection, first.StartBlock, last.EndSection, last.EndBlock);
    }

    /// <summary>
    /// The id of the exhibit this part begins with, which starts a page (every part but the first begins so); null
    /// for a part that begins otherwise.
    /// </summary>
    public string? StartAnchor(DocumentModel document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return StartSection < document.Sections.Count && StartBlock > 0
            && document.Sections[StartSection].Blocks.ElementAtOrDefault(StartBlock) is ExhibitBlock exhibit
            ? Anchors.Exhibit(exhibit)
            : null;
    }

    /// <summary>
    /// Every id the contents list may link to: each section's and each exhibit's (<see cref="Anchors"/>). A part prints
    /// the ones of <see cref="LinkTargets"/> and holds the rest as empty stubs, so its own print keeps every link.
    /// </summary>
    public static IEnumerable<string> AllLinkTargets(DocumentModel document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Sections.SelectMany(section => section.Blocks.OfType<ExhibitBlock>().Select(Anchors.Exhibit).Prepend(Anchors.Section(section)));
    }

    /// <summary>The ids of <see cref="AllLinkTargets"/> whose element this part prints: sections it begins, exhibits it holds.</summary>
    public IReadOnlySet<string> LinkTargets(DocumentModel document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var targets = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < document.Sections.Count; s++)
        {
            var section = document.Sections[s];
            if (Contains(s, 0))
            {
                targets.Add(Anchors.Section(section));
            }

            for (var b = 0; b < section.Blocks.Count; b++)
            {
                if (section.Blocks[b] is ExhibitBlock exhibit && Contains(s, b))
                {
                    targets.Add(Anchors.Exhibit(exhibit));
                }
            }
        }

        return targets;
    }

    /// <summary>
    /// How many second-level headings this part prints: a heading for each section it begins and one for each titled
    /// contents list. In a part that carries on an earlier part's section, the outline entries before these belong
    /// to that section (<see cref="Pdf.PdfLayout"/>).
    /// </summary>
    public int SecondLevelHeadings(DocumentModel document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var headings = 0;
        for (var s = 0; s < document.Sections.Count; s++)
        {
            var blocks = document.Sections[s].Blocks;
            headings += Contains(s, 0) ? 1 : 0;
            headings += Enumerable.Range(0, blocks.Count).Count(b => blocks[b] is TableOfContents { Heading.Length: > 0 } && Contains(s, b));
        }

        return headings;
    }

    /// <summary>Whether any of the section is printed in this part (its heading, or one of its blocks).</summary>
    public bool Touches(int section, int blockCount) =>
        Contains(section, 0) || (blockCount > 0 && Enumerable.Range(0, blockCount).Any(b => Contains(section, b)));
}
