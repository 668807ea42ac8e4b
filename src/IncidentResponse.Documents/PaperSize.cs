namespace IncidentResponse.Documents;

/// <summary>The paper a document is laid out for: A4 almost everywhere, Letter in North America.</summary>
public enum PaperSize
{
    A4,
    Letter,
}
