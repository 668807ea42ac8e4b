using System.Security.Cryptography;

namespace IncidentResponse.Domain.Evidence;

/// <summary>
/// Each case has its own random 256-bit key. It wraps the keys of that case's evidence files and is itself stored only
/// wrapped by the case-key wrapping key (derived from the master key: <see cref="Keys.MasterKeyUse.CaseKeyWrapping"/>),
/// bound to the case's id. Deleting a case's wrapped key (and zeroing any copy in memory) leaves that case's files
/// unreadable even where their ciphertext survives, in backups for example: crypto-shredding.
/// </summary>
public static class CaseKeys
{
    public const int KeySize = KeyWrap.KeySize;

    /// <summary>Length of a wrapped case key, for the column that stores it.</summary>
    public const int WrappedSize = KeyWrap.WrappedSize;

    /// <summary>A new random case key. Wrap it before storing it; zero it with <see cref="Destroy"/> after use.</summary>
    public static byte[] Create() => RandomNumberGenerator.GetBytes(KeySize);

    /// <param name="wrappingKey">The case-key wrapping key derived from the master key.</param>
    /// <param name="caseId">The case the key belongs to: bound into the wrap, so it opens for this case only.</param>
    public static byte[] Wrap(ReadOnlySpan<byte> caseKey, ReadOnlySpan<byte> wrappingKey, Guid caseId) =>
        KeyWrap.Wrap(WrappedKeyPurpose.CaseKeyUnderMasterKey, caseKey, wrappingKey, caseId);

    /// <exception cref="EvidenceIntegrityException">The key is wrong, the wrap belongs to another case, or it was altered.</exception>
    public static byte[] Unwrap(ReadOnlySpan<byte> wrappedCaseKey, ReadOnlySpan<byte> wrappingKey, Guid caseId) =>
        KeyWrap.Unwrap(WrappedKeyPurpose.CaseKeyUnderMasterKey, wrappedCaseKey, wrappingKey, caseId);

    /// <summary>Whether a stored wrap is in the current format (version 2, bound to its case).</summary>
    public static bool IsCurrent(ReadOnlySpan<byte> wrappedCaseKey) => KeyWrap.VersionOf(wrappedCaseKey) == KeyWrap.Version;

    /// <summary>
    /// The one-time upgrade from version 1 (wrapped by the master key itself, bound to no case): opens the old wrap and
    /// wraps the key again in the current format.
    /// </summary>
    public static byte[] RewrapLegacy(ReadOnlySpan<byte> legacyWrappedCaseKey, ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> wrappingKey, Guid caseId)
    {
        var caseKey = KeyWrap.UnwrapLegacy(WrappedKeyPurpose.CaseKeyUnderMasterKey, legacyWrappedCaseKey, masterKey);
        try
        {
            return Wrap(caseKey, wrappingKey, caseId);
        }
        finally
        {
            Destroy(caseKey);
        }
    }

    /// <summary>Overwrites a key held in memory with zeros.</summary>
    public static void Destroy(Span<byte> key) => CryptographicOperations.ZeroMemory(key);
}
