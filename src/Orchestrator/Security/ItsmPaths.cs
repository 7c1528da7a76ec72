using Microsoft.AspNetCore.Http;

namespace Itsm.Orchestrator.Security;

/// <summary>Which requests are open to anyone and which are machine calls that must never get a sign-in redirect.</summary>
public static class ItsmPaths
{
    public static readonly PathString SignIn = new("/account/sign-in");
    public static readonly PathString SignOut = new("/account/sign-out");
    public static readonly PathString AccessDenied = new("/account/access-denied");

    /// <summary>The sign-in pages, which check their own origin and answer in HTML.</summary>
    public static readonly PathString Account = new("/account");

    /// <summary>Inbound webhooks: anonymous, programs only.</summary>
    public static readonly PathString Webhooks = new("/workflows");

    /// <summary>Open without credentials: the health probe, the sign-in pages and the API description.</summary>
    public static IReadOnlyList<PathString> Public { get; } =
        [new("/health"), new("/account"), new("/openapi"), new("/scalar")];

    /// <summary>
    /// Called by programs (Elsa's API, Itsm's API, webhooks): an unauthenticated call gets a 401 problem, a
    /// forbidden one a 403 problem, because a redirect to an HTML form means nothing to a client library.
    /// </summary>
    public static IReadOnlyList<PathString> Api { get; } =
        [new("/elsa/api"), new("/api"), new("/workflows")];

    public static bool IsPublic(PathString path) => StartsWithAny(path, Public);

    public static bool IsApi(PathString path) => StartsWithAny(path, Api);

    public static bool IsWebhook(PathString path) => path.StartsWithSegments(Webhooks, StringComparison.OrdinalIgnoreCase);

    private static bool StartsWithAny(PathString path, IReadOnlyList<PathString> prefixes)
    {
        foreach (var prefix in prefixes)
        {
            // Segment-wise and case-insensitive: "/api" matches "/API/users" but not "/apix".
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
