using System.Security.Cryptography;
using System.Text;

namespace IncidentResponse.Domain.Cases;

/// <summary>
/// A single-use link the owner gives to someone they trust. Only the SHA-256 of the link's token is stored: the token
/// itself is shown to the owner once and never kept, so the database cannot hand out a working link.
/// </summary>
public sealed class AllyInvitation
{
    public const int LabelMaxLength = 80;

    /// <summary>128 bits of randomness at least; 32 bytes here.</summary>
    public const int TokenBytes = 32;

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(72);

    /// <summary>The entity name the case history records for an invitation: kept from before the rename, so old and new events read alike.</summary>
    public const string AuditEntityType = "CaseInvitation";

    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>SHA-256 of the token's UTF-8 text (32 bytes).</summary>
    public byte[] TokenHash { get; set; } = [];

    /// <summary>Viewer, Helper or Advocate: never Owner.</summary>
    public CaseRole Role { get; set; }

    /// <summary>The owner's own note ("my friend"), shown only to the owner.</summary>
    public string Label { get; set; } = "";

    public Guid CreatedByUserId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public DateTime? AcceptedUtc { get; set; }

    public Guid? AcceptedByUserId { get; set; }

    public bool IsOpenAt(DateTime nowUtc) => RevokedUtc is null && AcceptedUtc is null && nowUtc < ExpiresUtc;

    /// <summary>A new invitation and the token for its link (base64url, shown once).</summary>
    public static (AllyInvitation Invitation, string Token) Create(
        Guid caseId, CaseRole role, string label, Guid ownerId, DateTime nowUtc, TimeSpan? lifetime = null)
    {
        if (role is CaseRole.Owner || !Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), "An invitation is for an ally, never an owner.");
        }

        var token = Base64Url(RandomNumberGenerator.GetBytes(TokenBytes));
        var invitation = new AllyInvitation
        {
            Id = Guid.NewGuid(),
            CaseId = caseId,
            TokenHash = HashToken(token),
            Role = role,
            Label = label.Trim(),
            CreatedByUserId = ownerId,
            CreatedUtc = nowUtc,
            ExpiresUtc = nowUtc + (lifetime ?? DefaultLifetime),
        };
        return (invitation, token);
    }

    public static byte[] HashToken(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Whether the text could be one of our tokens at all (43 base64url characters), before any lookup.</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
