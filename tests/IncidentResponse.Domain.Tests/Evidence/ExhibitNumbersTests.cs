using IncidentResponse.Domain.Evidence;

namespace IncidentResponse.Domain.Tests.Evidence;

public sealed class ExhibitNumbersTests
{
    private static readonly DateTime Monday = new(2026, 11, 16, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Files_are_numbered_from_one_in_the_order_they_were_received_ties_by_id()
    {
        var later = Item(Monday.AddHours(2), EvidenceKind.Png);
        var tieB = Item(Monday, EvidenceKind.Jpeg, Guid.Parse("00000000-0000-0000-0000-00000000000b"));
        var tieA = Item(Monday, EvidenceKind.Pdf, Guid.Parse("00000000-0000-0000-0000-00000000000a"));

        var numbered = ExhibitNumbers.Assign([later, tieB, tieA]);

        Assert.Equal([(1, tieA), (2, tieB), (3, later)], numbered);
    }

    [Theory]
    [InlineData(1, EvidenceKind.Png, "exhibit-001.png")]
    [InlineData(42, EvidenceKind.Jpeg, "exhibit-042.jpg")]
    [InlineData(1000, EvidenceKind.Pdf, "exhibit-1000.pdf")]
    public void The_file_name_is_the_padded_number_and_the_sniffed_kinds_extension(int number, EvidenceKind kind, string expected)
    {
        var item = Item(Monday, kind);
        item.OriginalFileName = "my-real-name.exe";

        Assert.Equal(expected, ExhibitNumbers.FileName(number, item));
    }

    private static EvidenceItem Item(DateTime receivedUtc, EvidenceKind kind, Guid? id = null) =>
        new() { Id = id ?? Guid.NewGuid(), ReceivedUtc = receivedUtc, Kind = kind };
}
