namespace IncidentResponse.Web.Pages.Cases.Export;

/// <summary><c>README.txt</c> in a "Download everything" ZIP: what each file is and how to check them, for the files this person gets.</summary>
internal static class ExportReadMe
{
    /// <summary>The README for this request: the originals, copies without hidden details, or no files at all.</summary>
    public static string For(CaseExportRequest request) =>
        !request.EvidenceFilesShared ? ReadMe + FilesNotShared
        : request.OriginalsShared ? ReadMe
        : ReadMe.Replace(ReadMeOriginalsLine, ReadMeCopiesLine, StringComparison.Ordinal) + FilesAsCopies;

    private const string ReadMeOriginalsLine =
        "exhibit-NNN.ext  each evidence file exactly as it was received, numbered in the order it was added\n";

    private const string ReadMeCopiesLine =
        "exhibit-NNN-copy-without-details.ext  a copy of each evidence picture without its hidden details, numbered in the order it was added\n";

    private const string FilesAsCopies =
        "\nThe evidence pictures in this ZIP are copies, not the originals: their hidden details (such as where a photo was\n"
        + "taken, which phone took it and when) have been taken out, and the picture itself is unchanged. The case's owner\n"
        + "keeps the originals. manifest.sha256 lists each copy's own SHA-256. In case.json, \"sha256\" is the fingerprint of the\n"
        + "original as it was received (the one recorded as evidence) and \"copySha256\" the copy's. Files whose hidden\n"
        + "details cannot be taken out (such as videos, PDFs and HEIC photos) are not included; case.json lists them.\n";

    private const string FilesNotShared =
        "\nThe evidence files themselves are not in this ZIP: the case's owner has not shared evidence images with you.\n"
        + "case.json still lists each one with its SHA-256 fingerprint, and the binder shows each as withheld.\n";

    private const string ReadMe =
        "This ZIP holds everything kept in one case.\n\n"
        + "case.json        every record of the case (the format is described in the app's docs/export-format.md)\n"
        + ReadMeOriginalsLine
        + "binder.pdf       the evidence binder: a printable record of the case to hand to the police, a lawyer or a\n"
        + "                 platform (a summary, the incident log, each exhibit with its fingerprint, where the content\n"
        + "                 was found, the takedown letters and how to check it all). It holds every part; to choose\n"
        + "                 the parts or obscure pictures before you hand it over, make one on the case's \"Evidence\n"
        + "                 binder\" page instead\n"
        + "letters/         each finalised letter word for word, one text file each, named NNN-kind-status.txt\n"
        + "                 in the order case.json lists them (drafts are not included: their words are not fixed yet)\n"
        + "manifest.sha256  the SHA-256 of each file, to check nothing has changed\n"
        + "problems.txt     only present when a file could not be included exactly as received\n\n"
        + "To check the files, open a terminal in this folder and run:\n"
        + "  Linux:   sha256sum -c manifest.sha256\n"
        + "  macOS:   shasum -a 256 -c manifest.sha256\n"
        + "  Windows: Get-FileHash exhibit-001.png -Algorithm SHA256   (compare with the line in manifest.sha256)\n\n"
        + "These files are private. Keep this ZIP somewhere only you can reach, and delete it from shared or borrowed devices.\n";
}
