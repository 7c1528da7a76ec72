using System.Net;
using System.Net.Sockets;

namespace Itsm.Orchestrator.Http;

/// <summary>
/// Addresses a workflow must not reach unless allowed: this host, its networks and the cloud metadata service.
/// IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that IPv4 address, so
/// <c>::ffff:127.0.0.1</c> is loopback.
/// </summary>
public static class NonPublicAddresses
{
    private static readonly IPNetwork[] V4 =
    [
        IPNetwork.Parse("0.0.0.0/8"),        // "this network", incl. unspecified
        IPNetwork.Parse("10.0.0.0/8"),       // private
        IPNetwork.Parse("100.64.0.0/10"),    // carrier-grade NAT (some clouds' metadata lives here)
        IPNetwork.Parse("127.0.0.0/8"),      // loopback
        IPNetwork.Parse("169.254.0.0/16"),   // link-local, incl. 169.254.169.254 metadata
        IPNetwork.Parse("172.16.0.0/12"),    // private
        IPNetwork.Parse("192.0.0.0/24"),     // IETF protocol assignments
        IPNetwork.Parse("192.168.0.0/16"),   // private
        IPNetwork.Parse("198.18.0.0/15"),    // benchmarking
        IPNetwork.Parse("224.0.0.0/4"),      // multicast
        IPNetwork.Parse("240.0.0.0/4"),      // reserved, incl. broadcast
    ];

    private static readonly IPNetwork[] V6 =
    [
        IPNetwork.Parse("::/128"),           // unspecified
        IPNetwork.Parse("::1/128"),          // loopback
        IPNetwork.Parse("fc00::/7"),         // unique local (private)
        IPNetwork.Parse("fe80::/10"),        // link-local
        IPNetwork.Parse("fec0::/10"),        // site-local (deprecated, still routed on some networks)
        IPNetwork.Parse("ff00::/8"),         // multicast
        IPNetwork.Parse("100::/64"),         // discard-only
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork V4Compatible = IPNetwork.Parse("::/96");

    /// <summary>Why the address is not public ("a loopback address"), or null when it is public.</summary>
    public static string? Classify(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.IsIPv4MappedToIPv6) return Classify(address.MapToIPv4());
            var bytes = address.GetAddressBytes();
            if (Nat64.Contains(address) || (V4Compatible.Contains(address) && !address.Equals(IPAddress.IPv6Any) && !address.Equals(IPAddress.IPv6Loopback)))
                return Classify(new IPAddress(bytes[12..16]));
            if (SixToFour.Contains(address)) return Classify(new IPAddress(bytes[2..6]));
            return Match(V6, address);
        }
        return Match(V4, address);
    }

    private static string? Match(IPNetwork[] networks, IPAddress address)
    {
        foreach (var network in networks)
            if (network.Contains(address)) return Describe(network.BaseAddress);
        return null;
    }

    private static string Describe(IPAddress network) => network.ToString() switch
    {
        "127.0.0.0" or "::1" => "a loopback address",
        "169.254.0.0" or "fe80::" => "a link-local address",
        "10.0.0.0" or "172.16.0.0" or "192.168.0.0" or "fc00::" or "fec0::" or "100.64.0.0" => "a private address",
        "0.0.0.0" or "::" => "an unspecified address",
        "224.0.0.0" or "ff00::" => "a multicast address",
        _ => "a reserved address",
    };
}
