using System.Globalization;

namespace IncidentResponse.Domain.Evidence;

/// <summary>
/// The content being sealed grew past the size allowed for it. Whatever was written to the destination so far is
/// incomplete and must be deleted by the caller.
/// </summary>
public sealed class EvidenceTooLargeException : Exception
{
    public EvidenceTooLargeException()
    {
    }

    public EvidenceTooLargeException(string message)
        : base(message)
    {
    }

    public EvidenceTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EvidenceTooLargeException(long maxBytes)
        : base(string.Create(CultureInfo.InvariantCulture, $"The file is larger than the {maxBytes} bytes allowed."))
    {
        MaxBytes = maxBytes;
    }

    /// <summary>The limit that was exceeded, in bytes.</summary>
    public long MaxBytes { get; }
}
