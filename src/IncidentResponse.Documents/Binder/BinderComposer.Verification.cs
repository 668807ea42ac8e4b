using System.Globalization;
using IncidentResponse.Documents.Model;

namespace IncidentResponse.Documents.Binder;

/// <summary>The verification appendix: the exhibit manifest, the state of the case's history, and how to check a file.</summary>
public sealed partial class BinderComposer
{
    private Section Verification()
    {
        var blocks = new List<Block>();
        blocks.AddRange(ManifestBlocks());
        blocks.AddRange(HistoryBlocks());
        blocks.AddRange(HowToCheckBlocks());
        return new Section { Id = "verification", Heading = "Verification appendix", Blocks = blocks };
    }

    /// <summary>Every exhibit with its fingerprint and whether it matched when this copy was made.</summary>
    private List<Block> ManifestBlocks()
    {
        var blocks = new List<Block>
        {
            new Paragraph("The manifest lists every exhibit with the SHA-256 fingerprint its file had when it was received. "
                + "Each file was checked again when this copy was made: it was decrypted and its fingerprint recomputed."),
        };
        if (exhibits.Count > 0)
        {
            blocks.Add(new Table(
                ["No.", "SHA-256", "File", "Check"],
                exhibits.Select(e => (IReadOnlyList<string>)
                [
                    e.Number.ToString(CultureInfo.InvariantCulture),
                    e.Item.Sha256Hex,
                    e.FileName,
                    e.Problem is null ? "Matches" : "FAILED",
                ]).ToList())
            {
                Caption = "Exhibit manifest",
                FingerprintColumns = new HashSet<int> { 1 },
                AddressColumns = new HashSet<int> { 2 },
            });
        }

        foreach (var failure in exhibits.Where(e => !e.Verified))
        {
            blocks.Add(new Paragraph(string.Create(CultureInfo.InvariantCulture, $"Exhibit {failure.Number} FAILED: {failure.Problem}")));
        }

        var failed = exhibits.Count(e => !e.Verified);
        blocks.Add(new Paragraph(failed == 0
            ? "Every exhibit matched its fingerprint."
            : string.Create(CultureInfo.InvariantCulture, $"{failed} {(failed == 1 ? "exhibit" : "exhibits")} FAILED the check; see the manifest and the exhibit's own page.")));
        return blocks;
    }

    /// <summary>The case's tamper-evident history when this copy was made: in numbers for the owner, in words for someone helping.</summary>
    private List<Block> HistoryBlocks()
    {
        var blocks = new List<Block>();
        if (options.Audience is { SeesWholeHistory: false })
        {
            // Made by someone helping: the history's size and numbers are the owner's (events about private items are
            // not theirs to count), so the result is given in words and the head by its fingerprint alone.
            blocks.Add(new KeyValueTable([new("Result", verification.IsIntact ? wording.HistoryIntactForAlly : "FAILED. " + wording.HistoryBrokenForAlly)])
            {
                Caption = "The case's tamper-evident history when this copy was made",
            });
            if (head is not null)
            {
                blocks.Add(new Table(["Its latest SHA-256 (head)"], [[Convert.ToHexStringLower(head.Hash)]]) { FingerprintColumns = new HashSet<int> { 0 } });
            }
        }
        else
        {
            blocks.Add(new KeyValueTable(
            [
                new("Events in the history", verification.EventsChecked.ToString(CultureInfo.InvariantCulture)),
                new("Result", verification.IsIntact
                    ? "Intact: every event's hash matches its contents and the event before it"
                    : string.Create(CultureInfo.InvariantCulture, $"FAILED at event {verification.BrokenAtSequence}: {verification.Explanation}")),
            ])
            { Caption = "The case's tamper-evident history when this copy was made" });
        }

        if (head is not null && options.Audience is not { SeesWholeHistory: false })
        {
            blocks.Add(new Table(["Latest event (head)", "Its SHA-256"], [[head.Sequence.ToString(CultureInfo.InvariantCulture), Convert.ToHexStringLower(head.Hash)]])
            {
                FingerprintColumns = new HashSet<int> { 1 },
            });
        }

        blocks.Add(new Paragraph("The history records every change to the case; each event's hash covers the event before it. "
            + "Keep this page: if the history is ever questioned, the head above shows what it was on this date."));
        return blocks;
    }

    /// <summary>How a reader checks a file's fingerprint on their own computer.</summary>
    private static List<Block> HowToCheckBlocks() =>
    [
        new Paragraph("How to check a file's fingerprint: save the file (in an export it is named as in the manifest), "
            + "open a terminal or command prompt in its folder, and run the command for your computer. The long line of letters "
            + "and digits it prints must be exactly the SHA-256 in the manifest."),
        new Table(
            ["Computer", "Command"],
            [
                ["Linux", "sha256sum exhibit-001.png"],
                ["Windows", "certutil -hashfile exhibit-001.png SHA256"],
                ["Mac", "shasum -a 256 exhibit-001.png"],
            ]),
        new Paragraph("Any change to a file, even one dot, gives a completely different fingerprint."),
    ];
}
