using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using IncidentResponse.Domain.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace IncidentResponse.Web.Security;

/// <summary>
/// The Data Protection key ring kept in the database so every instance can read every cookie
/// (TOOLCHAIN gotcha F: the EF package for this is not served).
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    /// <summary>
    /// How entries stored before issue 17 name <see cref="MasterKeyXmlDecryptor"/>: the same class in the namespace it
    /// had then. Data Protection creates the decryptor from the name stored with each entry, so they are read as this one.
    /// </summary>
    public const string DecryptorNameBeforeIssue17 = "IncidentResponse.Web.Infrastructure.MasterKeyXmlDecryptor";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return db.DataProtectionKeys.AsEnumerable().Select(k => WithCurrentDecryptorName(XElement.Parse(k.Xml))).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKeyRecord
        {
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
        });
        db.SaveChanges();
    }

    private static XElement WithCurrentDecryptorName(XElement element)
    {
        foreach (var decryptor in element.DescendantsAndSelf().Attributes("decryptorType"))
        {
            if (decryptor.Value.Split(',')[0].Trim() == DecryptorNameBeforeIssue17)
            {
                decryptor.Value = typeof(MasterKeyXmlDecryptor).AssemblyQualifiedName!;
            }
        }

        return element;
    }
}

/// <summary>Encrypts each key-ring entry with AES-256-GCM under the key-ring key (derived from the master key) before it is stored.</summary>
public sealed class MasterKeyXmlEncryptor(MasterKey masterKey) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(KeyRingSeal.Seal(plaintextElement, masterKey.KeyRing), typeof(MasterKeyXmlDecryptor));
}

/// <summary>The other half of <see cref="MasterKeyXmlEncryptor"/>; Data Protection creates it by type name.</summary>
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
