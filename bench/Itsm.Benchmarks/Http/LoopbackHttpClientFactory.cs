using System.Net;

namespace Itsm.Benchmarks.Http;

public static class LoopbackHttpClientFactory
{
    /// <summary>
    /// A client tuned for load generation against loopback: many parallel connections, no proxy
    /// (an HTTP_PROXY in the environment must not reroute loopback traffic), no redirects, no cookies.
    /// </summary>
    public static HttpClient Create(int maxConnectionsPerServer, TimeSpan requestTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConnectionsPerServer, 1);
        var sockets = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnectionsPerServer,
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        };
        return new HttpClient(new LoopbackOnlyHandler(sockets), disposeHandler: true)
        {
            Timeout = requestTimeout,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }
}
