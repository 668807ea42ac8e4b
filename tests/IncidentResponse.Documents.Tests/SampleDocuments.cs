using IncidentResponse.Documents.Model;

namespace IncidentResponse.Documents.Tests;

/// <summary>A small binder: three sections, two exhibits with pictures, text in several scripts.</summary>
internal static class SampleDocuments
{
    public const string FirstSha256 = "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea";
    public const string SecondSha256 = "9e107d9d372bb6826bd81d3542a419d6a5b3c4b3f2d1e0f9a8b7c6d5e4f3a2b1";
    public const string ScriptInDescription = "<script>alert('x')</script>";

    public static readonly DateTimeOffset GeneratedAt = new(2026, 11, 21, 14, 30, 0, TimeSpan.Zero);

    public static DocumentModel Binder(string? secondSourceUrl = null) => new()
    {
        Title = "Evidence record",
        RunningHeader = "Evidence record",
        GeneratedAtUtc = GeneratedAt,
        Sections =
        [
            new Section
            {
                Id = "summary",
                Heading = "Summary of what happened",
                Blocks =
                [
                    new TableOfContents(),
                    new Paragraph("Images were shared without consent. Zoë wrote this. Привет. مرحبا. 你好."),
                    new KeyValueTable([new KeyValueRow("Case opened", "2026-10-01"), new KeyValueRow("Jurisdiction", "England and Wales")])
                    {
                        Caption = "Case details",
                    },
                ],
            },
            new Section
            {
                Id = "sightings",
                Heading = "Where the images were seen",
                Blocks =
                [
                    new Table(
                        ["Seen on", "Platform", "Status"],
                        [["2026-10-02", "Example forum", "Reported"], ["2026-10-05", "Example video site", "Removed"]])
                    {
                        Caption = "Sightings",
                    },
                ],
            },
            new Section
            {
                Id = "exhibits",
                Heading = "Exhibits",
                Blocks =
                [
                    new ExhibitBlock
                    {
                        Number = 1,
                        OriginalFileName = "screenshot-forum.png",
                        Sha256 = FirstSha256,
                        SizeBytes = 123_456,
                        ReceivedAtUtc = new DateTimeOffset(2026, 10, 2, 9, 15, 0, TimeSpan.Zero),
                        UploadedBy = "Survivor",
                        SourceUrl = "https://forum.example/thread/42",
                        CapturedAt = new DateTimeOffset(2026, 10, 2, 9, 0, 0, TimeSpan.Zero),
                        Description = "Post showing the image. " + ScriptInDescription,
                        ImageResource = "exhibit/1",
                    },
                    new ExhibitBlock
                    {
                        Number = 2,
                        OriginalFileName = "profile.png",
                        Sha256 = SecondSha256,
                        SizeBytes = 2_345_678,
                        ReceivedAtUtc = new DateTimeOffset(2026, 10, 5, 18, 40, 0, TimeSpan.Zero),
                        UploadedBy = "Ally",
                        SourceUrl = secondSourceUrl,
                        Description = "Profile using the image.",
                        ImageResource = "exhibit/2",
                    },
                ],
            },
        ],
    };
}
