using System.Security.Cryptography;
using System.Text;

namespace IncidentResponse.Domain.Keys;

/// <summary>Every purpose the master key serves. Each gets its own key, derived with HKDF; none uses the master key itself.</summary>
public enum MasterKeyUse
{
    /// <summary>Wraps each case's evidence key (<see cref="Evidence.CaseKeys"/>).</summary>
    CaseKeyWrapping,

    /// <summary>Keys the HMAC-SHA256 of the audit chain and the seal on each case's head (<see cref="Audit.AuditChain"/>).</summary>
    AuditChain,

    /// <summary>Encrypts each entry of the Data Protection key ring kept in the database.</summary>
    DataProtectionKeyRing,
}

/// <summary>
/// HKDF-SHA256 (RFC 5869) from the 32-byte master key, no salt, one distinct <c>info</c> label per use, 32 bytes out.
/// Knowing one derived key tells nothing about the master key or the others, and one key is never used for two
/// purposes (an AES-GCM key never doubles as an HMAC key). The labels are part of the stored format: changing one makes
/// everything it protected unreadable.
/// </summary>
public static class MasterKeyDerivation
{
    public const int KeySize = 32;

    public static string Label(MasterKeyUse use) => use switch
    {
        MasterKeyUse.CaseKeyWrapping => "IncidentResponse/case-key-wrapping/v1",
        MasterKeyUse.AuditChain => "IncidentResponse/audit-chain-hmac/v1",
        MasterKeyUse.DataProtectionKeyRing => "IncidentResponse/data-protection-key-ring/v1",
        _ => throw new ArgumentOutOfRangeException(nameof(use)),
    };

    public static byte[] Derive(ReadOnlySpan<byte> masterKey, MasterKeyUse use)
    {
        if (masterKey.Length != KeySize)
        {
            throw new ArgumentException("A master key is 32 bytes.", nameof(masterKey));
        }

        var derived = new byte[KeySize];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, derived, ReadOnlySpan<byte>.Empty, Encoding.ASCII.GetBytes(Label(use)));
        return derived;
    }
}
