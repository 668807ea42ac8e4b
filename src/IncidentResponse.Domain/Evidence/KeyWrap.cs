using System.Security.Cryptography;

namespace IncidentResponse.Domain.Evidence;

/// <summary>What a wrapped key is; bound into the wrap so one kind can never be unwrapped as the other.</summary>
internal enum WrappedKeyPurpose : byte
{
    CaseKeyUnderMasterKey = 1,
    FileKeyUnderCaseKey = 2,

    /// <summary>An evidence picture's PDQ hash (32 bytes, like a key) sealed under its case's key, bound to the item.</summary>
    PerceptualHashUnderCaseKey = 3,
}

/// <summary>
/// AES-256-GCM key wrapping. Layout (62 bytes): version (1) | purpose (1) | nonce (12) | wrapped key (32) | tag (16).
/// Version 2 (written now): the associated data is the version and purpose bytes followed by the owner's id (the case
/// id for a case key, the evidence item's id for a file key, 16 bytes in RFC 4122 order), so a wrapped key copied onto
/// another owner does not open. Version 1 (read only by the one-time upgrade) bound only the two prefix bytes.
/// Nonces are random: a wrapping key wraps far fewer than the 2^32 keys after which random 96-bit nonces would need
/// counting.
/// </summary>
internal static class KeyWrap
{
    public const int KeySize = 32;
    public const int WrappedSize = PrefixSize + NonceSize + KeySize + TagSize;

    public const byte Version = 2;
    public const byte LegacyVersion = 1;
    private const int PrefixSize = 2;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int OwnerSize = 16;

    public static byte[] Wrap(WrappedKeyPurpose purpose, ReadOnlySpan<byte> key, ReadOnlySpan<byte> wrappingKey, Guid owner)
    {
        RequireKeySize(key, nameof(key));
        RequireKeySize(wrappingKey, nameof(wrappingKey));

        var wrapped = new byte[WrappedSize];
        wrapped[0] = Version;
        wrapped[1] = (byte)purpose;
        var nonce = wrapped.AsSpan(PrefixSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        Span<byte> associatedData = stackalloc byte[PrefixSize + OwnerSize];
        AssociatedData(Version, purpose, owner, associatedData);
        using var aes = new AesGcm(wrappingKey, TagSize);
        aes.Encrypt(
            nonce,
            key,
            wrapped.AsSpan(PrefixSize + NonceSize, KeySize),
            wrapped.AsSpan(PrefixSize + NonceSize + KeySize, TagSize),
            associatedData);
        return wrapped;
    }

    /// <exception cref="EvidenceIntegrityException">Wrong key, wrong owner, altered, or not version 2.</exception>
    public static byte[] Unwrap(WrappedKeyPurpose purpose, ReadOnlySpan<byte> wrapped, ReadOnlySpan<byte> wrappingKey, Guid owner)
    {
        Span<byte> associatedData = stackalloc byte[PrefixSize + OwnerSize];
        AssociatedData(Version, purpose, owner, associatedData);
        return Decrypt(Version, purpose, wrapped, wrappingKey, associatedData);
    }

    /// <summary>Opens a version 1 wrap (bound to its purpose only). For the one-time upgrade to version 2, nothing else.</summary>
    public static byte[] UnwrapLegacy(WrappedKeyPurpose purpose, ReadOnlySpan<byte> wrapped, ReadOnlySpan<byte> wrappingKey)
    {
        Span<byte> associatedData = [LegacyVersion, (byte)purpose];
        return Decrypt(LegacyVersion, purpose, wrapped, wrappingKey, associatedData);
    }

    /// <summary>The version byte of a stored wrap (0 when it is too short to have one).</summary>
    public static byte VersionOf(ReadOnlySpan<byte> wrapped) => wrapped.IsEmpty ? (byte)0 : wrapped[0];

    public static void RequireKeySize(ReadOnlySpan<byte> key, string parameterName)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException("Keys are 32 bytes (AES-256).", parameterName);
        }
    }

    private static byte[] Decrypt(
        byte version, WrappedKeyPurpose purpose, ReadOnlySpan<byte> wrapped, ReadOnlySpan<byte> wrappingKey, ReadOnlySpan<byte> associatedData)
    {
        RequireKeySize(wrappingKey, nameof(wrappingKey));
        if (wrapped.Length != WrappedSize || wrapped[0] != version || wrapped[1] != (byte)purpose)
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
                associatedData);
            return key;
        }
        catch (AuthenticationTagMismatchException ex)
        {
            CryptographicOperations.ZeroMemory(key);
            throw new EvidenceIntegrityException("The wrapped key could not be unwrapped: wrong key, wrong owner, or it was altered.", ex);
        }
    }

    private static void AssociatedData(byte version, WrappedKeyPurpose purpose, Guid owner, Span<byte> destination)
    {
        destination[0] = version;
        destination[1] = (byte)purpose;
        owner.TryWriteBytes(destination[PrefixSize..], bigEndian: true, out _);
    }
}
