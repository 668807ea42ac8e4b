namespace IncidentResponse.Domain.Evidence;

/// <summary>What sealing a file produced, to store beside its blob id.</summary>
public sealed class SealedEvidence
{
    public SealedEvidence(byte[] wrappedFileKey, byte[] sha256, long length)
    {
        WrappedFileKey = wrappedFileKey;
        Sha256 = sha256;
        Length = length;
    }

    /// <summary>The file's own key, wrapped by the case key (<see cref="EvidenceVault.WrappedFileKeySize"/> bytes).</summary>
    public byte[] WrappedFileKey { get; }

    /// <summary>SHA-256 of the plaintext exactly as received.</summary>
    public byte[] Sha256 { get; }

    /// <summary>Length of the plaintext in bytes.</summary>
    public long Length { get; }

    /// <summary><see cref="Sha256"/> as 64 lowercase hex digits, the form shown to people and printed in exports.</summary>
    public string Sha256Hex => Convert.ToHexStringLower(Sha256);
}
