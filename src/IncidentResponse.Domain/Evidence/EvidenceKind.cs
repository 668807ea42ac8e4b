namespace IncidentResponse.Domain.Evidence;

/// <summary>What a piece of evidence is, as decided from its bytes by <see cref="FileSniffer"/>.</summary>
public enum EvidenceKind
{
    Unknown = 0,
    Jpeg,
    Png,
    Gif,
    WebP,

    /// <summary>HEIC/HEIF still images (ISO base media file with a heic, heix, mif1… brand), as phones take them.</summary>
    Heif,
    Pdf,
    Mp4,
    QuickTime,
    WebM,
    Matroska,

    /// <summary>A web page saved as one MIME file (.mhtml, .mht), as Chrome and Edge save "Webpage, single file".</summary>
    Mhtml,
    Html,
}

public enum EvidenceCategory
{
    Unknown = 0,
    Image,
    Video,
    Document,
    SavedPage,
}

/// <summary>How each kind is shown, served and limited.</summary>
public sealed record EvidenceKindInfo(
    EvidenceKind Kind,
    EvidenceCategory Category,
    string MediaType,
    string FileExtension,
    long MaxBytes);

/// <summary>Upload size limits by category. A megabyte here is 1024 × 1024 bytes.</summary>
public static class EvidenceLimits
{
    public const long Megabyte = 1024 * 1024;
    public const long ImageMaxBytes = 25 * Megabyte;
    public const long VideoMaxBytes = 200 * Megabyte;
    public const long DocumentMaxBytes = 50 * Megabyte;
    public const long SavedPageMaxBytes = 50 * Megabyte;

    /// <summary>The most any upload may be before its kind is known.</summary>
    public const long LargestMaxBytes = VideoMaxBytes;
}

/// <summary>The one table of evidence kinds.</summary>
public static class EvidenceKinds
{
    private static readonly EvidenceKindInfo[] Table =
    [
        new(EvidenceKind.Unknown, EvidenceCategory.Unknown, "application/octet-stream", ".bin", 0),
        new(EvidenceKind.Jpeg, EvidenceCategory.Image, "image/jpeg", ".jpg", EvidenceLimits.ImageMaxBytes),
        new(EvidenceKind.Png, EvidenceCategory.Image, "image/png", ".png", EvidenceLimits.ImageMaxBytes),
        new(EvidenceKind.Gif, EvidenceCategory.Image, "image/gif", ".gif", EvidenceLimits.ImageMaxBytes),
        new(EvidenceKind.WebP, EvidenceCategory.Image, "image/webp", ".webp", EvidenceLimits.ImageMaxBytes),
        new(EvidenceKind.Heif, EvidenceCategory.Image, "image/heif", ".heic", EvidenceLimits.ImageMaxBytes),
        new(EvidenceKind.Pdf, EvidenceCategory.Document, "application/pdf", ".pdf", EvidenceLimits.DocumentMaxBytes),
        new(EvidenceKind.Mp4, EvidenceCategory.Video, "video/mp4", ".mp4", EvidenceLimits.VideoMaxBytes),
        new(EvidenceKind.QuickTime, EvidenceCategory.Video, "video/quicktime", ".mov", EvidenceLimits.VideoMaxBytes),
        new(EvidenceKind.WebM, EvidenceCategory.Video, "video/webm", ".webm", EvidenceLimits.VideoMaxBytes),
        new(EvidenceKind.Matroska, EvidenceCategory.Video, "video/x-matroska", ".mkv", EvidenceLimits.VideoMaxBytes),
        new(EvidenceKind.Mhtml, EvidenceCategory.SavedPage, "multipart/related", ".mhtml", EvidenceLimits.SavedPageMaxBytes),
        new(EvidenceKind.Html, EvidenceCategory.SavedPage, "text/html", ".html", EvidenceLimits.SavedPageMaxBytes),
    ];

    public static IReadOnlyList<EvidenceKindInfo> All => Table;

    public static EvidenceKindInfo Describe(EvidenceKind kind) =>
        Table.FirstOrDefault(info => info.Kind == kind)
        ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an evidence kind.");
}
