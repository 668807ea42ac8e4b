using Microsoft.AspNetCore.Identity;

namespace IncidentResponse.Domain.Accounts;

/// <summary>A person who signs in. Identified by a username; an email address is optional and never required.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public DateTime CreatedUtc { get; set; }

    /// <summary>The IANA time zone the person chose (one of <see cref="TimeZoneChoices"/>), or null until they choose; pages show times in it.</summary>
    public string? TimeZone { get; set; }
}
