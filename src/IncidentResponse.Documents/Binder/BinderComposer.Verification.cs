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
        blocks.AddRange(TimestampBlocks());
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

    /// <summary>
    /// The trusted timestamp of the history (ADR 0033), when an authority is configured: who signed what and when, the
    /// token itself, and the OpenSSL commands that check it without this app. Nothing when none was asked for.
    /// </summary>
    private List<Block> TimestampBlocks()
    {
        if (Timestamp is not { } stamp)
        {
            return TimestampProblem is null ? [] : [new Paragraph("Trusted timestamp: " + TimestampProblem + " The history above is checked all the same.")];
        }

        var digest = Convert.ToHexStringLower(stamp.Digest);
        var token = Convert.ToBase64String(stamp.Token);
        return
        [
            new KeyValueTable(
            [
                new("Signed by", stamp.Authority),
                new("Time it gives", stamp.StampedUtc.ToString("d MMMM yyyy, HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)),
            ])
            { Caption = "Trusted timestamp of the history" },
            new Paragraph("An independent time-stamping authority signed the history's content digest below (SHA-256 of every "
                + "event up to the latest, chained), so the history as it stood then can be shown to have existed at that time: "
                + "any later change to an event up to there no longer matches it."),
            new Table(["Content digest it signs"], [[digest]]) { FingerprintColumns = new HashSet<int> { 0 } },
            new Paragraph("To check it with OpenSSL: copy the token below into a file named token.b64, get the authority's "
                + "root certificate as tsa-root.pem from the authority, and run these two commands. The second must print "
                + "\"Verification: OK\"."),
            new Table(
                ["Step", "OpenSSL command"],
                [
                    ["1", "openssl base64 -d -in token.b64 -out token.tst"],
                    ["2", $"openssl ts -verify -digest {digest} -token_in -in token.tst -CAfile tsa-root.pem"],
                ])
            {
                AddressColumns = new HashSet<int> { 1 },
            },
            new Table(["Token (RFC 3161, base64)"], [.. token.Chunk(64).Select(line => (IReadOnlyList<string>)[new string(line)])])
            {
                FingerprintColumns = new HashSet<int> { 0 },
            },
        ];
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
