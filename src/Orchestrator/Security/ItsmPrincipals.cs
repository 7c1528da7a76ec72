using System.Globalization;
using System.Security.Claims;

namespace Itsm.Orchestrator.Security;

/// <summary>Builds the principals the two kinds of caller become.</summary>
public static class ItsmPrincipals
{
    public static ClaimsPrincipal ForUser(UserAccount account, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(account);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id),
            new(ClaimTypes.Name, account.UserName),
            new(ItsmClaimTypes.DisplayName, account.DisplayName),
            new(ItsmClaimTypes.Kind, PrincipalKinds.User),
            new(ItsmClaimTypes.AccountStamp, account.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)),
            new(ItsmClaimTypes.PasswordStamp, account.PasswordStamp),
            new(ItsmClaimTypes.SessionStamp, account.SessionStamp),
        };
        claims.AddRange(account.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <param name="keyName">The key's name (<c>key-0</c> for <c>Itsm:ApiKeys:0</c>, see <see cref="ApiKeyRing"/>): audit trails name the key.</param>
    public static ClaimsPrincipal ForApiKey(string keyName, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(keyName);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, "api-key:" + keyName),
            new(ClaimTypes.Name, keyName),
            new(ItsmClaimTypes.DisplayName, $"System (API key {keyName})"),
            new(ItsmClaimTypes.Kind, PrincipalKinds.System),
        };
        claims.AddRange(ItsmRoles.ForApiKeys.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>Who did it, for journals and logs: the user name, or the API key's name.</summary>
    public static string ActorOf(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Identity?.Name is { Length: > 0 } name ? name : "anonymous";
    }
}
