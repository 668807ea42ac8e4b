namespace IncidentResponse.Domain.Accounts;

/// <summary>
/// One single-use recovery code of a person's current set, kept only as its SHA-256 hash (<see cref="RecoveryCodeFormat"/>):
/// with a code and the username a person who has forgotten their passphrase chooses a new one. A new set replaces the
/// rows, so an older set stops working at once.
/// </summary>
public sealed class RecoveryCode
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>SHA-256 of the code's 16 characters in their canonical form (<see cref="RecoveryCodeFormat.Canonical"/>).</summary>
    public byte[] Hash { get; set; } = [];

    public DateTime CreatedUtc { get; set; }

    /// <summary>When the code was used to choose a new passphrase; null while it can still be used.</summary>
    public DateTime? UsedUtc { get; set; }
}
