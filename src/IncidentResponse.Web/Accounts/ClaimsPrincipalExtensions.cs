using System.Security.Claims;

namespace IncidentResponse.Web.Accounts;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in person's id. Only call on pages that require sign-in.</summary>
    public static Guid UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new InvalidOperationException("No signed-in person on this request.");
}
