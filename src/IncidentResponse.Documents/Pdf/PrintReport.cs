namespace IncidentResponse.Documents.Pdf;

/// <summary>What happened while one document printed.</summary>
/// <param name="ServedResources">Resource names answered through the callback, in the order they were asked for.</param>
/// <param name="BlockedRequests">
/// Every other address the page tried to reach; each was aborted before leaving the browser. Empty for documents from
/// <see cref="Html.DocumentHtmlRenderer"/>. Addresses may be sensitive: do not log them.
/// </param>
public sealed record PrintReport(IReadOnlyList<string> ServedResources, IReadOnlyList<string> BlockedRequests)
{
    /// <summary>How many pages the PDF has.</summary>
    public int Pages { get; init; }

    /// <summary>How many separate prints were joined into the PDF (ADR 0025); 1 for a document printed whole.</summary>
    public int Parts { get; init; } = 1;
}
