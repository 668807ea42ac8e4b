using System.Security.Cryptography;
using System.Text;

namespace IncidentResponse.Domain.Accounts;

/// <summary>
/// The username of a deleted account, held back from new accounts until <see cref="FreeAfterUtc"/>, so no one can
/// take it at once and pass for the person who left (to the owners of cases they helped with, say). Kept as the
/// SHA-256 of the normalised name, not the name itself.
/// </summary>
public sealed class RetiredUsername
{
    public byte[] NameHash { get; set; } = [];

    public DateTime FreeAfterUtc { get; set; }

    /// <summary>The hash of a username as Identity normalises it (<c>NormalizedUserName</c>).</summary>
    public static byte[] HashOf(string normalizedUserName) => SHA256.HashData(Encoding.UTF8.GetBytes(normalizedUserName));
}
