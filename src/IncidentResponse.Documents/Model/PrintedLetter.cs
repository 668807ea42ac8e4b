namespace IncidentResponse.Documents.Model;

/// <summary>
/// A letter to print, as content only: its lines exactly as written, in blocks (the paragraphs a blank line parts in
/// its text), one of them its title. It is printed as a letter, not as a record: no cover, no running title, no
/// confidentiality marking; every line on a line of its own; the title once.
/// </summary>
public sealed record PrintedLetter
{
    /// <summary>The letter's one title (its subject line), printed where its block stands and nowhere else.</summary>
    public required string Title { get; init; }

    /// <summary>The blocks in order, each its lines as written.</summary>
    public required IReadOnlyList<IReadOnlyList<string>> Blocks { get; init; }

    /// <summary>A word printed at the top of every page, such as "Draft" for a letter not yet finalised; null for none.</summary>
    public string? Marking { get; init; }

    /// <summary>When this copy was made (the PDF's own record; not printed on the letter).</summary>
    public required DateTimeOffset GeneratedAtUtc { get; init; }

    /// <summary>The BCP 47 language of the letter's wording.</summary>
    public string Language { get; init; } = "en";

    /// <summary>
    /// Cuts a letter's plain text into blocks at its blank lines (lines end in \n or \r\n), every other line kept exactly
    /// as written, so the printed words are the text's own.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> BlocksOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var blocks = new List<IReadOnlyList<string>>();
        var block = new List<string>();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.Trim().Length > 0)
            {
                block.Add(line);
            }
            else if (block.Count > 0)
            {
                blocks.Add(block);
                block = [];
            }
        }

        if (block.Count > 0)
        {
            blocks.Add(block);
        }

        return blocks;
    }

    /// <summary>True for the block that prints as the title: the first one that is the title alone.</summary>
    public bool IsTitle(IReadOnlyList<string> block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return block.Count == 1 && string.Equals(block[0].Trim(), Title, StringComparison.Ordinal)
            && ReferenceEquals(Blocks.FirstOrDefault(b => b.Count == 1 && string.Equals(b[0].Trim(), Title, StringComparison.Ordinal)), block);
    }
}
