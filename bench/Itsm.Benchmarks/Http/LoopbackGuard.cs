namespace Itsm.Benchmarks.Http;

/// <summary>
/// The load tools only ever hit this machine: a load generator pointed at a shared or remote
/// service by mistake is an incident, not a benchmark.
/// </summary>
public static class LoopbackGuard
{
    public static bool IsAllowed(Uri uri) =>
        uri.IsAbsoluteUri
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && (uri.Host == "127.0.0.1"
            || uri.Host == "[::1]"
            || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase));

    public static void Ensure(Uri uri)
    {
        if (!IsAllowed(uri))
        {
            throw new ArgumentException(
                $"refusing to send load to '{uri}': only http(s) on 127.0.0.1, localhost or [::1] is allowed",
                nameof(uri));
        }
    }
}
