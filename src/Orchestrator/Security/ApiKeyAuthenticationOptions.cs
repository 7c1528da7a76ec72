using Microsoft.AspNetCore.Authentication;

namespace Itsm.Orchestrator.Security;

/// <summary>Options of the ApiKey scheme (the keys themselves come from <see cref="ApiKeyRing"/>).</summary>
public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>The word before the key in the Authorization header.</summary>
    public const string HeaderScheme = "ApiKey";
}
