namespace IncidentResponse.Domain.Evidence;

/// <summary>
/// Sealed evidence or a wrapped key could not be verified: it was altered, truncated, is not in a format this code
/// reads, or the key offered is not the one it was sealed with. AES-GCM cannot tell those last two apart.
/// </summary>
public sealed class EvidenceIntegrityException : Exception
{
    public EvidenceIntegrityException()
    {
    }

    public EvidenceIntegrityException(string message)
        : base(message)
    {
    }

    public EvidenceIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
