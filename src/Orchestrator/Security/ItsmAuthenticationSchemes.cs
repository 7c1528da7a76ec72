using Microsoft.AspNetCore.Authentication.Cookies;

namespace Itsm.Orchestrator.Security;

/// <summary>Authentication scheme names.</summary>
public static class ItsmAuthenticationSchemes
{
    /// <summary>The default: a policy scheme that forwards to <see cref="ApiKey"/> or <see cref="Cookie"/> per request.</summary>
    public const string Default = "Itsm";

    /// <summary><c>Authorization: ApiKey &lt;key&gt;</c>, for systems.</summary>
    public const string ApiKey = "ApiKey";

    /// <summary>The browser sign-in cookie, for people.</summary>
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>Reserved for OAuth/OIDC access tokens; no handler is registered yet.</summary>
    public const string Bearer = "Bearer";
}
