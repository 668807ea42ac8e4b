using IncidentResponse.Domain.Evidence;

namespace IncidentResponse.Domain.Tests.Evidence;

public class RevealingMetadataTests
{
    [Fact]
    public void A_phone_photo_reveals_where_with_what_and_when_it_was_taken()
    {
        var photo = TestImages.Jpeg(16, 8, TestImages.ExifSegment(taken: "2026:03:14 15:09:26"));

        Assert.Equal(RevealedDetails.Location | RevealedDetails.Device | RevealedDetails.Time, Find(photo, EvidenceKind.Jpeg));
    }

    [Fact]
    public void A_photo_with_only_a_camera_name_and_GPS_reveals_those()
    {
        Assert.Equal(RevealedDetails.Location | RevealedDetails.Device, Find(TestImages.Jpeg(16, 8, TestImages.ExifSegment()), EvidenceKind.Jpeg));
    }

    [Fact]
    public void A_screenshot_without_metadata_reveals_nothing()
    {
        Assert.Equal(RevealedDetails.None, Find(TestImages.Jpeg(16, 8, TestImages.JfifSegment()), EvidenceKind.Jpeg));
        Assert.Equal(RevealedDetails.None, Find(TestImages.Png(3, 2), EvidenceKind.Png));
    }

    [Fact]
    public void A_PNG_reveals_through_its_EXIF_chunk_and_its_time_chunk()
    {
        Assert.Equal(RevealedDetails.Location | RevealedDetails.Device, Find(TestImages.Png(3, 2, ("eXIf", TestImages.ExifWithGps())), EvidenceKind.Png));
        Assert.Equal(RevealedDetails.Time, Find(TestImages.Png(3, 2, TestImages.PngTime()), EvidenceKind.Png));
        Assert.Equal(RevealedDetails.Time, Find(TestImages.Png(3, 2, TestImages.PngText("Creation Time", "2026-03-14")), EvidenceKind.Png));
        Assert.Equal(RevealedDetails.None, Find(TestImages.Png(3, 2, TestImages.PngText("Software", "Screenshot tool")), EvidenceKind.Png));
    }

    [Fact]
    public void What_is_found_is_also_what_the_stripped_copy_no_longer_has()
    {
        var photo = TestImages.Jpeg(16, 8, TestImages.ExifSegment(taken: "2026:03:14 15:09:26"));
        var copy = new MemoryStream();
        Assert.True(MetadataStripper.Strip(new MemoryStream(photo), copy, EvidenceKind.Jpeg).Succeeded);

        Assert.Equal(RevealedDetails.None, Find(copy.ToArray(), EvidenceKind.Jpeg));
    }

    [Fact]
    public void A_damaged_file_or_another_kind_reveals_nothing_rather_than_failing()
    {
        var photo = TestImages.Jpeg(16, 8, TestImages.ExifSegment(taken: "2026:03:14 15:09:26"));

        Assert.Equal(RevealedDetails.None, Find(photo[..30], EvidenceKind.Jpeg));
        Assert.Equal(RevealedDetails.None, Find(photo, EvidenceKind.Pdf));
    }

    private static RevealedDetails Find(byte[] image, EvidenceKind kind) => RevealingMetadata.Find(new MemoryStream(image), kind);
}
