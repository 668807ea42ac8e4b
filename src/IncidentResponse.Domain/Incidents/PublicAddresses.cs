using System.Net;
using System.Net.Sockets;

namespace IncidentResponse.Domain.Incidents;

/// <summary>
/// Which internet addresses the re-check of a reported place may connect to (issue 24): public unicast only. Refused:
/// this host and "this network", private networks (RFC 1918), carrier-grade NAT (100.64.0.0/10), link-local, the
/// documentation, benchmarking and reserved ranges, multicast and broadcast; for IPv6 the unspecified and loopback
/// addresses, unique-local (fc00::/7), link-local, site-local, multicast, documentation, discard-only, and every
/// form that carries an IPv4 address inside (mapped, NAT64, 6to4, Teredo), unless that address is public itself.
/// Anything outside global unicast (2000::/3) is refused. So a typed address can never make the server reach into the
/// network it runs in (SSRF). The ranges are those of IANA's IPv4 and IPv6 Special-Purpose Address Registries (RFC
/// 6890 and its updates), checked 2026-12-07.
/// </summary>
public static class PublicAddresses
{
    private static readonly (IPAddress Network, int Bits)[] RefusedV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8),
        (IPAddress.Parse("10.0.0.0"), 8),
        (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8),
        (IPAddress.Parse("169.254.0.0"), 16),
        (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24),
        (IPAddress.Parse("192.0.2.0"), 24),
        (IPAddress.Parse("192.88.99.0"), 24),
        (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15),
        (IPAddress.Parse("198.51.100.0"), 24),
        (IPAddress.Parse("203.0.113.0"), 24),
        (IPAddress.Parse("224.0.0.0"), 4),
        (IPAddress.Parse("240.0.0.0"), 4),
    ];

    private static readonly (IPAddress Network, int Bits)[] RefusedV6 =
    [
        (IPAddress.Parse("2001:db8::"), 32),
        (IPAddress.Parse("2001::"), 32),
        (IPAddress.Parse("2001:10::"), 28),
        (IPAddress.Parse("2001:20::"), 28),
        (IPAddress.Parse("2002::"), 16),
        (IPAddress.Parse("3fff::"), 20),
    ];

    /// <summary>Whether the server may connect to <paramref name="address"/> to re-check a place.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => !RefusedV4.Any(r => Within(address, r.Network, r.Bits)),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static bool IsPublicV6(IPAddress address)
    {
        var bytes = address.GetAddressBytes();

        // Global unicast is 2000::/3; everything else (::, ::1, fc00::/7, fe80::/10, fec0::/10, ff00::/8, 64:ff9b::/96,
        // 100::/64, IPv4-compatible ::a.b.c.d) is outside it.
        if ((bytes[0] & 0xE0) != 0x20)
        {
            return false;
        }

        return !RefusedV6.Any(r => Within(address, r.Network, r.Bits));
    }

    private static bool Within(IPAddress address, IPAddress network, int bits)
    {
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        if (a.Length != n.Length)
        {
            return false;
        }

        var whole = bits / 8;
        if (!a.AsSpan(0, whole).SequenceEqual(n.AsSpan(0, whole)))
        {
            return false;
        }

        var rest = bits % 8;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - rest));
        return (a[whole] & mask) == (n[whole] & mask);
    }
}
