using System.Security.Cryptography;

namespace IncidentResponse.Domain.Evidence;

/// <summary>What a wrapped key is; bound into the wrap so one kind can never be unwrapped as the other.</summary>
internal enum WrappedKeyPurpose : byte
{
    CaseKeyUnderMasterKey = 1,
    FileKeyUnderCaseKey = 2,
}

/// <summary>
/// AES-256-GCM key wrapping. Layout (62 bytes): version (1) | purpose (1) | nonce (12) | wrapped key (32) | tag (16).
/// The version and purpose bytes are the associated data. Nonces are random: a wrapping key wraps far fewer than the
/// 2^32 keys after which random 96-bit nonces would need counting.
/// </summary>
internal static class KeyWrap
{
    public const int KeySize = 32;
    public const int WrappedSize = PrefixSize + NonceSize + KeySize + TagSize;

    private const byte Version = 1;
    private const int PrefixSize = 2;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] Wrap(WrappedKeyPurpose purpose, ReadOnlySpan<byte> key, ReadOnlySpan<byte> wrappingKey)
    {
        RequireKeySize(key, nameof(key));
        RequireKeySize(wrappingKey, nameof(wrappingKey));

        var wrapped = new byte[WrappedSize];
        wrapped[0] = Version;
        wrapped[1] = (byte)purpose;
        var nonce = wrapped.AsSpan(PrefixSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(wrappingKey, TagSize);
        aes.Encrypt(
            nonce,
            key,
            wrapped.AsSpan(PrefixSize + NonceSize, KeySize),
            wrapped.AsSpan(PrefixSize + NonceSize + KeySize, TagSize),
            wrapped.AsSpan(0, PrefixSize));
        return wrapped;
    }

    public static byte[] Unwrap(WrappedKeyPurpose purpose, ReadOnlySpan<byte> wrapped, ReadOnlySpan<byte> wrappingKey)
    {
        RequireKeySize(wrappingKey, nameof(wrappingKey));
        if (wrapped.Length != WrappedSize || wrapped[0] != Version || wrapped[1] != (byte)purpose)
        {
            throw new EvidenceIntegrityException("The wrapped key is not in a format this version reads.");
        }

        var key = new byte[KeySize];
        try
        {
            using var aes = new AesGcm(wrappingKey, TagSize);
            aes.Decrypt(
                wrapped.Slice(PrefixSize, NonceSize),
                wrapped.Slice(PrefixSize + NonceSize, KeySize),
                wrapped.Slice(PrefixSize + NonceSize + KeySize, TagSize),
                key,
                wrapped[..PrefixSize]);
            return key;
        }
        catch (AuthenticationTagMismatchException ex)
        {
            CryptographicOperations.ZeroMemory(key);
            throw new EvidenceIntegrityException("The wrapped key could not be unwrapped: wrong key, or it was altered.", ex);
        }
    }

    public static void RequireKeySize(ReadOnlySpan<byte> key, string parameterName)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException("Keys are 32 bytes (AES-256).", parameterName);
        }
    }
}
