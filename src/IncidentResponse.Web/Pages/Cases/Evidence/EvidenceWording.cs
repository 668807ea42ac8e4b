using System.Globalization;
using IncidentResponse.Domain.Evidence;

namespace IncidentResponse.Web.Pages.Cases.Evidence;

/// <summary>How evidence is described on the pages: plain words, no judgement.</summary>
public static class EvidenceWording
{
    public const string AcceptedKinds =
        "photos and screenshots (JPEG, PNG, GIF, WebP, HEIC), videos (MP4, MOV, WebM, MKV), PDFs, and saved web pages (HTML, MHTML)";

    public static string KindName(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Jpeg => "Image (JPEG)",
        EvidenceKind.Png => "Image (PNG)",
        EvidenceKind.Gif => "Image (GIF)",
        EvidenceKind.WebP => "Image (WebP)",
        EvidenceKind.Heif => "Image (HEIC)",
        EvidenceKind.Pdf => "PDF document",
        EvidenceKind.Mp4 => "Video (MP4)",
        EvidenceKind.QuickTime => "Video (MOV)",
        EvidenceKind.WebM => "Video (WebM)",
        EvidenceKind.Matroska => "Video (MKV)",
        EvidenceKind.Mhtml => "Saved web page (MHTML)",
        EvidenceKind.Html => "Saved web page (HTML)",
        _ => "File",
    };

    /// <summary>A size in the units people know, with the exact byte count beside it where it matters.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < EvidenceLimits.Megabyte => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)EvidenceLimits.Megabyte:0.#} MB"),
    };

    public static string Limit(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytes / EvidenceLimits.Megabyte} MB");

    public static string Utc(DateTime utc) =>
        utc.ToString("d MMMM yyyy, HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// What a picture's hidden details give away, in one plain sentence ("This photo says where it was taken (GPS) and
    /// which phone or camera took it."); null when it carries none of them.
    /// </summary>
    public static string? Reveals(RevealedDetails details)
    {
        var parts = new List<string>(3);
        if (details.HasFlag(RevealedDetails.Location))
        {
            parts.Add("where it was taken (GPS)");
        }

        if (details.HasFlag(RevealedDetails.Device))
        {
            parts.Add("which phone or camera took it");
        }

        if (details.HasFlag(RevealedDetails.Time))
        {
            parts.Add("when it was taken");
        }

        return parts.Count switch
        {
            0 => null,
            1 => $"This photo says {parts[0]}.",
            _ => $"This photo says {string.Join(", ", parts[..^1])} and {parts[^1]}.",
        };
    }

    /// <summary>Why a words-only case keeps no file, and what to do instead. Names no way of keeping the image.</summary>
    public const string NotStoredWordsOnly =
        "This site does not keep any file for this case: not pictures, videos, PDFs, web pages or anything else, because a "
        + "file can hold an image of someone under 18, and keeping one can be against the law, even for the person shown. "
        + "That is to protect you, not because you did anything wrong. Instead, add an entry to your record with the "
        + "link, the username, the date and what you saw, in words. The services below can have the images removed, "
        + "and they will not judge you.";

    public static string Refusal(EvidenceRefusal refusal) => refusal switch
    {
        EvidenceRefusal.Empty => "This file is empty (it has no content), so there is nothing to keep. Please choose the file again; if it came from a download, it may not have finished.",
        EvidenceRefusal.NotAccepted => $"This kind of file can't be kept here. You can add {AcceptedKinds}. A file's name does not decide its kind: we look at what is inside it.",
        EvidenceRefusal.TooLarge => $"This file is larger than we can keep. The most we accept is {Limit(EvidenceLimits.ImageMaxBytes)} for an image, {Limit(EvidenceLimits.VideoMaxBytes)} for a video, {Limit(EvidenceLimits.DocumentMaxBytes)} for a PDF and {Limit(EvidenceLimits.SavedPageMaxBytes)} for a saved page. You could save a shorter clip or a smaller copy, and keep the original safe on your own device.",
        EvidenceRefusal.ImageUnreadable => "This image could not be read; it may be damaged or cut short. Please try saving it again from where you found it.",
        EvidenceRefusal.ImageTooManyPixels => "This image says it is far larger (in pixels) than any photo or screenshot, so it can't be opened safely. Please try a screenshot of it instead.",
        EvidenceRefusal.NotStoredForUnderEighteen => NotStoredWordsOnly,
        _ => "This file could not be kept.",
    };
}
