using System.Net;

namespace Itsm.Orchestrator.Http;

/// <summary>The parsed <c>Itsm:Http:AllowedHosts</c>: host names (exact or <c>*.</c> suffix) and IP networks.</summary>
public sealed class AllowList
{
    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _suffixes = [];
    private readonly List<IPNetwork> _networks = [];

    public AllowList(IEnumerable<string> entries)
    {
        foreach (var entry in entries)
        {
            if (!TryParseEntry(entry, out var host, out var network))
                throw new ArgumentException($"'{entry}' is neither a host name, an IP address nor a CIDR range.", nameof(entries));
            if (network is { } net) _networks.Add(net);
            else if (host!.StartsWith("*.", StringComparison.Ordinal)) _suffixes.Add(host[1..]);
            else _hosts.Add(host);
        }
    }

    /// <summary>The host name as written in the URL is allowed (whatever it resolves to).</summary>
    public bool AllowsHost(string host)
        => _hosts.Contains(host) || _suffixes.Any(suffix => host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));

    public bool AllowsAddress(IPAddress address)
    {
        var normalized = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _networks.Any(network => network.Contains(normalized) || network.Contains(address));
    }

    public static bool TryParseEntry(string? entry, out string? host, out IPNetwork? network)
    {
        host = null;
        network = null;
        var text = entry?.Trim() ?? "";
        if (text.Length == 0) return false;
        if (text.Contains('/'))
        {
            if (!IPNetwork.TryParse(text, out var parsed)) return false;
            network = parsed;
            return true;
        }
        if (IPAddress.TryParse(text.Trim('[', ']'), out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        var name = text.StartsWith("*.", StringComparison.Ordinal) ? text[2..] : text;
        if (Uri.CheckHostName(name) != UriHostNameType.Dns) return false;
        host = text;
        return true;
    }
}
