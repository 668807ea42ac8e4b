using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace IncidentResponse.Web.Security;

// The Data Protection key ring is stored by the library (PersistKeysToDbContext, in AddSecurity); the library has no
// encryptor under a key of ours, so this file seals each entry under the key-ring key derived from the master key (ADR 0021).

/// <summary>Encrypts each key-ring entry with AES-256-GCM under the key-ring key (derived from the master key) before it is stored.</summary>
public sealed class MasterKeyXmlEncryptor(MasterKey masterKey) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(KeyRingSeal.Seal(plaintextElement, masterKey.KeyRing), typeof(MasterKeyXmlDecryptor));
}

/// <summary>
/// The other half of <see cref="MasterKeyXmlEncryptor"/>. Data Protection creates it from the type name stored with each
/// entry, so this class keeps its name and namespace: moving or renaming it makes every stored key unreadable and signs
/// everyone out. Entries stored before issue 17 named it in <c>IncidentResponse.Web.Infrastructure</c>; the migration
/// <c>DataProtectionKeysForTheLibrary</c> renamed those once.
/// </summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        KeyRingSeal.Open(encryptedElement, services.GetRequiredService<MasterKey>().KeyRing);
}

/// <summary>
/// The sealed form of one key-ring entry: an <c>encryptedKey version="2"</c> element holding nonce, tag and AES-256-GCM
/// ciphertext under the key-ring key (<see cref="Domain.Keys.MasterKeyUse.DataProtectionKeyRing"/>). Version 1 (no
/// attribute) was sealed under the master key itself; only the one-time upgrade opens it. Shared by the Data Protection
/// encryptor/decryptor, the upgrade and the <c>rotate-master-key</c> command.
/// </summary>
public static class KeyRingSeal
{
    public const string ElementName = "encryptedKey";
    public const string CurrentVersion = "2";

    public static bool IsCurrent(XElement encryptedElement) => (string?)encryptedElement.Attribute("version") == CurrentVersion;

    public static XElement Seal(XElement plaintextElement, ReadOnlySpan<byte> keyRingKey)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(12);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[16];
        using (var aes = new AesGcm(keyRingKey, tag.Length))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag, Encoding.ASCII.GetBytes(ElementName + CurrentVersion));
        }

        CryptographicOperations.ZeroMemory(plaintext);
        return new XElement(ElementName,
            new XAttribute("version", CurrentVersion),
            new XComment(" Encrypted with the IncidentResponse key-ring key, derived from the master key (AES-256-GCM). "),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(ciphertext)));
    }

    /// <exception cref="CryptographicException">The key is not the one that sealed it, it was altered, or it is not version 2.</exception>
    public static XElement Open(XElement encryptedElement, ReadOnlySpan<byte> keyRingKey)
    {
        if (!IsCurrent(encryptedElement))
        {
            throw new CryptographicException("This key-ring entry is not in the current format.");
        }

        return Decrypt(encryptedElement, keyRingKey, Encoding.ASCII.GetBytes(ElementName + CurrentVersion));
    }

    /// <summary>Opens a version 1 entry (sealed under the master key itself). For the one-time upgrade only.</summary>
    public static XElement OpenLegacy(XElement encryptedElement, ReadOnlySpan<byte> masterKey) =>
        Decrypt(encryptedElement, masterKey, []);

    private static XElement Decrypt(XElement encryptedElement, ReadOnlySpan<byte> key, ReadOnlySpan<byte> associatedData)
    {
        var nonce = Convert.FromBase64String((string)encryptedElement.Element("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Element("tag")!);
        var ciphertext = Convert.FromBase64String((string)encryptedElement.Element("value")!);
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(key, tag.Length))
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext, associatedData);
        }

        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
