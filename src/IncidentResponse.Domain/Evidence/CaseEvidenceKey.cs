namespace IncidentResponse.Domain.Evidence;

/// <summary>
/// A case's evidence key, stored only wrapped by the master key (<see cref="CaseKeys"/>). It is created with the case's
/// first upload and lives in this one row: deleting the case deletes the row, which leaves every file of the case
/// unreadable wherever its ciphertext survives (crypto-shredding).
/// </summary>
public sealed class CaseEvidenceKey
{
    public Guid CaseId { get; set; }

    /// <summary><see cref="CaseKeys.WrappedSize"/> bytes.</summary>
    public byte[] WrappedKey { get; set; } = [];

    public DateTime CreatedUtc { get; set; }
}
