namespace IncidentResponse.Domain.Evidence;

/// <summary>The digest of the plaintext recovered by <see cref="EvidenceVault.OpenAsync"/>, to compare with the one recorded.</summary>
public sealed class OpenedEvidence
{
    public OpenedEvidence(byte[] sha256, long length)
    {
        Sha256 = sha256;
        Length = length;
    }

    public byte[] Sha256 { get; }

    public long Length { get; }

    public string Sha256Hex => Convert.ToHexStringLower(Sha256);

    /// <summary>True when this is the same content that was sealed: same length and SHA-256.</summary>
    public bool Matches(SealedEvidence sealedEvidence)
    {
        ArgumentNullException.ThrowIfNull(sealedEvidence);
        return Length == sealedEvidence.Length && Sha256.AsSpan().SequenceEqual(sealedEvidence.Sha256);
    }
}
