using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using IncidentResponse.Domain.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace IncidentResponse.Web.Infrastructure;

/// <summary>
/// The Data Protection key ring kept in the database so every instance can read every cookie
/// (TOOLCHAIN gotcha F: the EF package for this is not served).
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return db.DataProtectionKeys.AsEnumerable().Select(k => XElement.Parse(k.Xml)).ToList();
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
}

/// <summary>Encrypts each key-ring entry with AES-256-GCM under the master key before it is stored.</summary>
public sealed class MasterKeyXmlEncryptor(MasterKey masterKey) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(KeyRingSeal.Seal(plaintextElement, masterKey.Bytes), typeof(MasterKeyXmlDecryptor));
}

/// <summary>The other half of <see cref="MasterKeyXmlEncryptor"/>; Data Protection creates it by type name.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        KeyRingSeal.Open(encryptedElement, services.GetRequiredService<MasterKey>().Bytes);
}

/// <summary>
/// The sealed form of one key-ring entry: an <c>encryptedKey</c> element holding nonce, tag and AES-256-GCM ciphertext
/// under a master key. Shared by the Data Protection encryptor/decryptor and the <c>rotate-master-key</c> command.
/// </summary>
public static class KeyRingSeal
{
    public const string ElementName = "encryptedKey";

    public static XElement Seal(XElement plaintextElement, ReadOnlySpan<byte> masterKey)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(12);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[16];
        using (var aes = new AesGcm(masterKey, tag.Length))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        return new XElement(ElementName,
            new XComment(" Encrypted with the IncidentResponse master key (AES-256-GCM). "),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(ciphertext)));
    }

    /// <exception cref="AuthenticationTagMismatchException">The master key is not the one that sealed it, or it was altered.</exception>
    public static XElement Open(XElement encryptedElement, ReadOnlySpan<byte> masterKey)
    {
        var nonce = Convert.FromBase64String((string)encryptedElement.Element("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Element("tag")!);
        var ciphertext = Convert.FromBase64String((string)encryptedElement.Element("value")!);
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(masterKey, tag.Length))
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext);
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
