using System.Net;
using System.Net.Sockets;

namespace Itsm.Orchestrator.Http;

/// <summary>
/// Keeps workflows from calling into the host's own networks (SSRF): only http/https, and only public addresses
/// unless <c>Itsm:Http:AllowedHosts</c> opens a host name or range. The address check runs in
/// <see cref="SocketsHttpHandler.ConnectCallback"/>, after DNS resolution and on the very address the socket then
/// connects to, so a name that resolves differently on a second lookup (DNS rebinding) cannot slip through; and it
/// runs for every new connection, so every redirect hop to another host is checked too.
/// </summary>
public sealed partial class DestinationGuard(AllowList allowList, ILogger<DestinationGuard> logger)
{
    /// <summary>Refuses a URL whose scheme is not http or https (checked before every request and redirect hop).</summary>
    public void CheckScheme(Uri url)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            throw Refuse(url.Host, $"Refused to call '{url}': only http and https URLs may be called.");
    }

    /// <summary>Resolves, checks and connects; used as the outbound handler's connect callback.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var port = context.DnsEndPoint.Port;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0) throw new SocketException((int)SocketError.HostNotFound);

        var usable = allowList.AllowsHost(host)
            ? addresses
            : [.. addresses.Where(address => allowList.AllowsAddress(address) || NonPublicAddresses.Classify(address) is null)];
        if (usable.Length == 0)
        {
            var reason = NonPublicAddresses.Classify(addresses[0]);
            throw Refuse(host, $"Refused to call '{host}': it resolves to {addresses[0]}, {reason}. "
                + $"Add the host or its range to {OutboundHttpOptions.SectionName}:AllowedHosts to allow it.");
        }

        SocketException? last = null;
        foreach (var address in usable)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }

    private DestinationRefusedException Refuse(string host, string message)
    {
        LogRefused(host, message);
        return new DestinationRefusedException(message);
    }

    [LoggerMessage(LogLevel.Warning, "Outbound call to {Host} refused: {Reason}")]
    private partial void LogRefused(string host, string reason);
}
