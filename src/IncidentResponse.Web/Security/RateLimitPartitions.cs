using System.Net;
using System.Net.Sockets;
using System.Security.Claims;

namespace IncidentResponse.Web.Security;

/// <summary>
/// Who a rate limit counts against: the signed-in person when there is one (so guessing from many addresses with one
/// stolen session is still one budget), otherwise the client address, where an IPv6 address counts as its whole /64
/// (one household or phone is given a /64, and can pick any address inside it).
/// </summary>
public static class RateLimitPartitions
{
    public static string ForAccount(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } userId
            ? "user:" + userId
            : "address:" + ForAddress(context.Connection.RemoteIpAddress);

    /// <summary>The address itself for IPv4 (also written as IPv4-mapped IPv6); the /64 prefix for IPv6.</summary>
    public static string ForAddress(IPAddress? address)
    {
        if (address is null)
        {
            return "local";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
