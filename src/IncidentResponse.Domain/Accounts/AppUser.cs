using Microsoft.AspNetCore.Identity;

namespace IncidentResponse.Domain.Accounts;

/// <summary>A person who signs in. Identified by a username; an email address is optional and never required.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public DateTime CreatedUtc { get; set; }

    /// <summary>The IANA time zone the person chose (one of <see cref="TimeZoneChoices"/>), or null until they choose; pages show times in it.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The language the person chose ("en", "es", "fr"), or null until they choose; set on this browser at sign-in.</summary>
    public string? Language { get; set; }

    /// <summary>When the person's current set of recovery codes was made; null if they have never had one.</summary>
    public DateTime? RecoveryCodesMadeUtc { get; set; }

    /// <summary>When the passphrase was last reset with a recovery code; null if never.</summary>
    public DateTime? PassphraseResetUtc { get; set; }

    /// <summary>True from a reset with a recovery code until the next sign-in, which tells the person it happened.</summary>
    public bool PassphraseResetNoticePending { get; set; }
}
