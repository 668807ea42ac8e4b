using System.Text;
using IncidentResponse.Documents.Pdf;

namespace IncidentResponse.Documents.Tests;

/// <summary>Pages are counted as the PDF streams past, whichever way Chromium's chunks fall.</summary>
public class PdfPageCounterTests
{
    private static readonly byte[] ThreePages = Encoding.Latin1.GetBytes(
        "%PDF-1.4\n1 0 obj\n<</Type /Pages /Count 3 /Kids [2 0 R 3 0 R 4 0 R]>>\nendobj\n"
        + "2 0 obj\n<</Type /Page /Parent 1 0 R>>\nendobj\n3 0 obj\n<</Type /Page/Parent 1 0 R>>\nendobj\n"
        + "4 0 obj\n<</Type /Page\n/Parent 1 0 R>>\nendobj\n5 0 obj\n<</Type /PageLabel>>\nendobj\n%%EOF\n");

    [Fact]
    public void Every_page_object_is_counted_once_and_the_page_tree_is_not()
    {
        var counter = new PdfPageCounter();
        counter.Add(ThreePages);
        Assert.Equal(3, counter.Pages);
    }

    [Fact]
    public void A_page_split_across_chunks_at_any_byte_is_counted_once()
    {
        for (var split = 0; split <= ThreePages.Length; split++)
        {
            var counter = new PdfPageCounter();
            counter.Add(ThreePages.AsSpan(0, split));
            counter.Add(ThreePages.AsSpan(split));
            Assert.Equal(3, counter.Pages);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Chunks_shorter_than_the_words_searched_for_still_count_right(int size)
    {
        var counter = new PdfPageCounter();
        for (var offset = 0; offset < ThreePages.Length; offset += size)
        {
            counter.Add(ThreePages.AsSpan(offset, Math.Min(size, ThreePages.Length - offset)));
        }

        Assert.Equal(3, counter.Pages);
    }
}
