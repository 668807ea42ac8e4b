using System.Resources;
using IncidentResponse.Domain;
using IncidentResponse.Domain.Evidence;

namespace IncidentResponse.Web.Pages.Cases.Evidence;

/// <summary>
/// How evidence is described on the pages: plain words, no judgement, in the request's language (<see cref="EvidenceText"/>).
/// Pages only: the export and the binder describe files in their own English words.
/// </summary>
public static class EvidenceWording
{
    /// <summary>The kinds a file may be, in English (<see cref="AcceptedKindsShown"/> is what a page says).</summary>
    public const string AcceptedKinds =
        "photos and screenshots (JPEG, PNG, GIF, WebP, HEIC), videos (MP4, MOV, WebM, MKV), PDFs, and saved web pages (HTML, MHTML)";

    /// <summary>Why a words-only case keeps no file, and what to do instead, in English. Names no way of keeping the image.</summary>
    public const string NotStoredWordsOnly =
        "This site does not keep any file for this case: not pictures, videos, PDFs, web pages or anything else, because a "
        + "file can hold an image of someone under 18, and keeping one can be against the law, even for the person shown. "
        + "That is to protect you, not because you did anything wrong. Instead, add an entry to your record with the "
        + "link, the username, the date and what you saw, in words. The services below can have the images removed, "
        + "and they will not judge you.";

    private static readonly ResourceManager Resources = new(typeof(EvidenceText));

    /// <summary><see cref="AcceptedKinds"/> in the request's language.</summary>
    public static string AcceptedKindsShown => Words("Wording.AcceptedKinds");

    /// <summary><see cref="NotStoredWordsOnly"/> in the request's language.</summary>
    public static string NotStoredWordsOnlyShown => Words("Wording.NotStoredWordsOnly");

    public static string KindName(EvidenceKind kind) => Words(kind switch
    {
        EvidenceKind.Jpeg => "Kind.Jpeg",
        EvidenceKind.Png => "Kind.Png",
        EvidenceKind.Gif => "Kind.Gif",
        EvidenceKind.WebP => "Kind.WebP",
        EvidenceKind.Heif => "Kind.Heif",
        EvidenceKind.Pdf => "Kind.Pdf",
        EvidenceKind.Mp4 => "Kind.Mp4",
        EvidenceKind.QuickTime => "Kind.QuickTime",
        EvidenceKind.WebM => "Kind.WebM",
        EvidenceKind.Matroska => "Kind.Matroska",
        EvidenceKind.Mhtml => "Kind.Mhtml",
        EvidenceKind.Html => "Kind.Html",
        _ => "Kind.File",
    });

    /// <summary>A size in the units people know, with the exact byte count beside it where it matters.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => Format("Size.Bytes", bytes),
        < EvidenceLimits.Megabyte => Format("Size.Kilobytes", bytes / 1024.0),
        _ => Format("Size.Megabytes", bytes / (double)EvidenceLimits.Megabyte),
    };

    public static string Limit(long bytes) => Format("Size.Limit", bytes / EvidenceLimits.Megabyte);

    public static string Utc(DateTime utc) => Format("Wording.Utc", utc);

    public static string Date(DateOnly date) => Format("Wording.Date", date);

    public static string Time(TimeOnly time) => Format("Wording.Time", time);

    /// <summary>
    /// What a picture's hidden details give away, in one plain sentence ("This photo says where it was taken (GPS) and
    /// which phone or camera took it."); null when it carries none of them.
    /// </summary>
    public static string? Reveals(RevealedDetails details)
    {
        var parts = new List<string>(3);
        if (details.HasFlag(RevealedDetails.Location))
        {
            parts.Add(Words("Reveals.Location"));
        }

        if (details.HasFlag(RevealedDetails.Device))
        {
            parts.Add(Words("Reveals.Device"));
        }

        if (details.HasFlag(RevealedDetails.Time))
        {
            parts.Add(Words("Reveals.Time"));
        }

        return parts.Count switch
        {
            0 => null,
            1 => Format("Reveals.One", parts[0]),
            _ => Format("Reveals.Many", string.Join(Words("Reveals.Separator"), parts[..^1]), parts[^1]),
        };
    }

    public static string Refusal(EvidenceRefusal refusal) => refusal switch
    {
        EvidenceRefusal.Empty => Words("Refusal.Empty"),
        EvidenceRefusal.NotAccepted => Format("Refusal.NotAccepted", AcceptedKindsShown),
        EvidenceRefusal.TooLarge => Format(
            "Refusal.TooLarge",
            Limit(EvidenceLimits.ImageMaxBytes),
            Limit(EvidenceLimits.VideoMaxBytes),
            Limit(EvidenceLimits.DocumentMaxBytes),
            Limit(EvidenceLimits.SavedPageMaxBytes)),
        EvidenceRefusal.ImageUnreadable => Words("Refusal.ImageUnreadable"),
        EvidenceRefusal.ImageTooManyPixels => Words("Refusal.ImageTooManyPixels"),
        EvidenceRefusal.NotStoredForUnderEighteen => NotStoredWordsOnlyShown,
        _ => Words("Refusal.Other"),
    };

    private static string Words(string key) => Localized.Text(Resources, key);

    private static string Format(string key, params object?[] arguments) => Localized.Format(Resources, key, arguments);
}
