using System.Globalization;

namespace IncidentResponse.Domain.Evidence;

/// <summary>
/// Exhibit numbers: a case's files numbered 1, 2, 3… in the order they were received (ties broken by id), so the
/// same file has the same number in every export and binder made from the same case.
/// </summary>
public static class ExhibitNumbers
{
    /// <summary>The items in exhibit order, each with its number (from 1).</summary>
    public static IReadOnlyList<(int Number, EvidenceItem Item)> Assign(IEnumerable<EvidenceItem> items) =>
        Assign(items, i => i.ReceivedUtc, i => i.Id);

    /// <summary>The same numbering for rows read without the whole item (only their time received and id).</summary>
    public static IReadOnlyList<(int Number, T Item)> Assign<T>(IEnumerable<T> items, Func<T, DateTime> receivedUtc, Func<T, Guid> id) =>
        items.OrderBy(receivedUtc).ThenBy(id).Select((item, index) => (index + 1, item)).ToList();

    /// <summary>A neutral file name such as <c>exhibit-007.png</c>: the number, zero-padded to three digits, and the
    /// extension of the kind sniffed from its bytes (never the name it was uploaded with).</summary>
    public static string FileName(int number, EvidenceItem item) =>
        string.Create(CultureInfo.InvariantCulture, $"exhibit-{number:D3}{item.KindInfo.FileExtension}");
}
