using System.Security.Cryptography;

namespace IncidentResponse.Domain.Evidence;

/// <summary>
/// Each case has its own random 256-bit key. It wraps the keys of that case's evidence files and is itself stored only
/// wrapped by the 32-byte master key. Deleting a case's wrapped key (and zeroing any copy in memory) leaves that case's
/// files unreadable even where their ciphertext survives, in backups for example: crypto-shredding.
/// </summary>
public static class CaseKeys
{
    public const int KeySize = KeyWrap.KeySize;

    /// <summary>Length of a wrapped case key, for the column that stores it.</summary>
    public const int WrappedSize = KeyWrap.WrappedSize;

    /// <summary>A new random case key. Wrap it before storing it; zero it with <see cref="Destroy"/> after use.</summary>
    public static byte[] Create() => RandomNumberGenerator.GetBytes(KeySize);

    public static byte[] Wrap(ReadOnlySpan<byte> caseKey, ReadOnlySpan<byte> masterKey) =>
        KeyWrap.Wrap(WrappedKeyPurpose.CaseKeyUnderMasterKey, caseKey, masterKey);

    /// <exception cref="EvidenceIntegrityException">The master key is wrong or the wrapped key was altered.</exception>
    public static byte[] Unwrap(ReadOnlySpan<byte> wrappedCaseKey, ReadOnlySpan<byte> masterKey) =>
        KeyWrap.Unwrap(WrappedKeyPurpose.CaseKeyUnderMasterKey, wrappedCaseKey, masterKey);

    /// <summary>Overwrites a key held in memory with zeros.</summary>
    public static void Destroy(Span<byte> key) => CryptographicOperations.ZeroMemory(key);
}
