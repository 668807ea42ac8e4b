namespace IncidentResponse.Domain.Accounts;

/// <summary>
/// A passkey a person added to sign in without their passphrase (WebAuthn, issue 21). Only the public key is kept;
/// the private key never leaves the person's device or password manager. Removing every passkey never locks anyone
/// out: the passphrase always remains.
/// </summary>
public sealed class Passkey
{
    public const int NameMaxLength = 60;

    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The authenticator's credential id (unique across the site).</summary>
    public byte[] CredentialId { get; set; } = [];

    /// <summary>The COSE public key the authenticator gave at registration.</summary>
    public byte[] PublicKey { get; set; } = [];

    /// <summary>The authenticator's signature counter as last seen (many passkeys always report 0).</summary>
    public long SignCount { get; set; }

    /// <summary>What the person called it ("My phone"), to tell passkeys apart.</summary>
    public string Name { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime? LastUsedUtc { get; set; }
}

/// <summary>
/// One WebAuthn ceremony under way: the options (with their random challenge) sent to the browser, kept until the
/// answer comes back, used once and then deleted, on whichever instance the answer reaches.
/// </summary>
public sealed class PasskeyChallenge
{
    public Guid Id { get; set; }

    /// <summary>The person adding a passkey; null while someone signs in with one (not yet known).</summary>
    public Guid? UserId { get; set; }

    /// <summary>The options as sent, in Fido2's JSON.</summary>
    public string OptionsJson { get; set; } = "";

    public DateTime ExpiresUtc { get; set; }
}
