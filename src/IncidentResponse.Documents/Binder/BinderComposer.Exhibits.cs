using System.Globalization;
using IncidentResponse.Documents.Model;
using IncidentResponse.Domain.Evidence;

namespace IncidentResponse.Documents.Binder;

/// <summary>The exhibits section: one page per evidence file, its picture drawn, obscured or withheld as chosen.</summary>
public sealed partial class BinderComposer
{
    private Section Exhibits()
    {
        var blocks = new List<Block>();
        if (exhibits.Count == 0)
        {
            blocks.Add(new Paragraph("No evidence files have been kept."));
        }

        blocks.AddRange(exhibits.Select(ExhibitBlockFor));
        return new Section { Id = "exhibits", Heading = "Exhibits", Blocks = blocks };
    }

    /// <summary>One exhibit's page: what it is, its fingerprint, and its picture as the person chose to show it.</summary>
    private ExhibitBlock ExhibitBlockFor(BinderExhibit exhibit)
    {
        var item = exhibit.Item;
        var isPdf = item.Kind == EvidenceKind.Pdf;
        var printable = exhibit.Problem is null && (ExhibitResources.IsPrintable(item.Kind) || (isPdf && pictures.PdfFirstPages));
        return new ExhibitBlock
        {
            Number = exhibit.Number,
            OriginalFileName = item.OriginalFileName.Length == 0 ? "(no name)" : item.OriginalFileName,
            Sha256 = item.Sha256Hex,
            SizeBytes = item.Length,
            ReceivedAtUtc = new DateTimeOffset(item.ReceivedUtc, TimeSpan.Zero),
            UploadedBy = options.Audience is { } audience
                ? audience.NameOf(item.UploadedByUserId, data.UserNames.GetValueOrDefault(item.UploadedByUserId))
                : data.UserNames.GetValueOrDefault(item.UploadedByUserId),
            SourceUrl = item.SourceUrl.Length == 0 ? null : item.SourceUrl,
            SourceWords = item.SourceWords.Length == 0 ? null : item.SourceWords,
            CapturedAtText = options.PicturesShared ? CapturedAt(item) : null,
            Description = item.WhatItShows.Length == 0 ? null : item.WhatItShows,
            Redaction = exhibit.Redaction,
            ImageResource = printable && exhibit.Redaction == Redaction.None ? ExhibitResources.ResourceName(exhibit, obscured: false) : null,
            ObscuredImageResource = printable && exhibit.Redaction == Redaction.Obscure ? ExhibitResources.ResourceName(exhibit, obscured: true) : null,
            FileDescription = Describe(item.Kind),
            PictureCaption = isPdf ? FirstPageCaption : null,
            PlaceholderText = exhibit.Problem is not null || exhibit.Redaction == Redaction.Withhold ? null
                : isPdf && !printable ? PdfFirstPageUnavailable
                : null,
            Problem = exhibit.Problem,
            LooksLike = exhibit.LooksLike,
        };
    }

    private string? CapturedAt(EvidenceItem item) => item.CapturedOn is not { } day
        ? null
        : wording.Date(day) + (item.CapturedAtTime is { } time ? ", " + time.ToString("HH:mm", CultureInfo.InvariantCulture) + " (the person's own time)" : "");

    public const string FirstPageCaption = "The first page of this PDF document. The whole file is in the case's export, exactly as received.";

    public const string PdfFirstPageUnavailable =
        "This exhibit is a PDF file. Its first page could not be shown here; the file is in the case's export, exactly as received, and the fingerprint below identifies it.";

    private static string Describe(EvidenceKind kind) => EvidenceKinds.Describe(kind).Category switch
    {
        EvidenceCategory.Image => kind.ToString().ToUpperInvariant() + " image (only JPEG and PNG pictures are printed, without their hidden details)",
        EvidenceCategory.Video => kind.ToString().ToUpperInvariant() + " video",
        EvidenceCategory.Document => "PDF document",
        EvidenceCategory.SavedPage => "Saved web page",
        _ => "File",
    };
}
