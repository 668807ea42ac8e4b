using System.Diagnostics;
using IncidentResponse.Domain.Evidence;

namespace IncidentResponse.Domain.Tests.Evidence;

/// <summary>
/// A few hundred damaged and hostile images (<see cref="DamagedImages"/>, fixed seeds) through the inspection every
/// upload gets (SkiaSharp's codec on the headers) and through the metadata stripper: no exception, no hang, and a
/// refusal that says why.
/// </summary>
public class DamagedImageTests
{
    private static readonly IReadOnlyList<DamagedImage> Corpus = DamagedImages.All();

    [Fact]
    public void The_corpus_is_a_few_hundred_files_of_every_format()
    {
        Assert.InRange(Corpus.Count, 300, 1000);
        Assert.All(new[] { DamagedImages.Jpeg, DamagedImages.Png, DamagedImages.Gif, DamagedImages.WebP }, format => Assert.Contains(Corpus, i => i.Format == format));
    }

    [Fact]
    public void The_undamaged_files_are_accepted_so_the_refusals_below_are_the_damages_doing()
    {
        foreach (var whole in DamagedImages.Whole())
        {
            var inspection = ImageInspector.Inspect(new MemoryStream(whole.Bytes), KindOf(whole));
            Assert.True(inspection.IsAccepted, whole.Description + ": " + inspection.Problem);
        }
    }

    [Fact]
    public void Every_damaged_image_gets_a_result_with_a_reason_never_an_exception()
    {
        var clock = Stopwatch.StartNew();
        var refused = 0;
        foreach (var image in Corpus)
        {
            var inspection = Inspect(image);
            Assert.True(Enum.IsDefined(inspection.Outcome), image.Description);
            if (!inspection.IsAccepted)
            {
                refused++;
                Assert.False(string.IsNullOrWhiteSpace(inspection.Problem), image.Description);
            }
            else
            {
                Assert.InRange(inspection.Width, 1, ImageInspector.MaxSide);
                Assert.InRange(inspection.Height, 1, ImageInspector.MaxSide);
                Assert.InRange((long)inspection.Width * inspection.Height, 1, ImageInspector.MaxPixels);
            }
        }

        Assert.True(refused > Corpus.Count / 2, $"Only {refused} of {Corpus.Count} were refused.");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"Inspecting the corpus took {clock.Elapsed}.");
    }

    [Theory]
    [InlineData("PNG declaring 1,000,000 × 1,000,000")]
    [InlineData("JPEG declaring 65,500 × 65,500")]
    [InlineData("GIF declaring 65,535 × 65,535")]
    [InlineData("GIF with a huge frame on a tiny screen")]
    [InlineData("WebP declaring 16,384 × 16,384")]
    public void A_huge_declared_size_is_refused_as_too_many_pixels(string description)
    {
        var inspection = Inspect(Corpus.Single(i => i.Description == description));

        Assert.Equal(ImageInspectionOutcome.TooManyPixels, inspection.Outcome);
    }

    [Fact]
    public void The_stripper_gives_every_damaged_jpeg_and_png_a_result_never_an_exception_and_never_changes_its_input()
    {
        foreach (var image in Corpus.Where(i => i.Format is DamagedImages.Jpeg or DamagedImages.Png))
        {
            var before = (byte[])image.Bytes.Clone();
            using var output = new MemoryStream();

            var result = MetadataStripper.Strip(new MemoryStream(image.Bytes, writable: false), output, KindOf(image));

            Assert.True(result.Succeeded || !string.IsNullOrWhiteSpace(result.Problem), image.Description);
            Assert.Equal(before, image.Bytes);
        }
    }

    private static ImageInspection Inspect(DamagedImage image)
    {
        try
        {
            return ImageInspector.Inspect(new MemoryStream(image.Bytes, writable: false), KindOf(image));
        }
        catch (Exception exception)
        {
            throw new Xunit.Sdk.XunitException($"{image.Description}: {exception}");
        }
    }

    private static EvidenceKind KindOf(DamagedImage image) => image.Format switch
    {
        DamagedImages.Jpeg => EvidenceKind.Jpeg,
        DamagedImages.Png => EvidenceKind.Png,
        DamagedImages.Gif => EvidenceKind.Gif,
        _ => EvidenceKind.WebP,
    };
}
