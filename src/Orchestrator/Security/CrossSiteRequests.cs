using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Itsm.Orchestrator.Security;

/// <summary>
/// Tells a request sent by a page of another site (CSRF) from one sent by Itsm's own pages or by a program.
/// Browsers send Origin (and Sec-Fetch-Site) on every unsafe request; a client that sends neither is not a
/// browser and is not at risk.
/// </summary>
public static class CrossSiteRequests
{
    public static bool IsCrossSite(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.Equals(request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var origin = request.Headers[HeaderNames.Origin].ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        // Only the host is compared: behind a TLS-terminating proxy the scheme seen here may differ from the
        // browser's. "null" (a sandboxed or file: page) is not a URI and so is refused.
        return !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
