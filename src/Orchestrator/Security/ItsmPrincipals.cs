using System.Globalization;
using System.Security.Claims;

namespace Itsm.Orchestrator.Security;

/// <summary>Builds the principals the two kinds of caller become.</summary>
public static class ItsmPrincipals
{
    /// <summary>The name every API key caller has (audit trails say "system"; the key id tells which one).</summary>
    public const string SystemName = "system";

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
        };
        claims.AddRange(account.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static ClaimsPrincipal ForApiKey(string keyId, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, "api-key:" + keyId),
            new(ClaimTypes.Name, SystemName),
            new(ItsmClaimTypes.DisplayName, $"System (API key {keyId})"),
            new(ItsmClaimTypes.Kind, PrincipalKinds.System),
        };
        claims.AddRange(ItsmRoles.ForApiKeys.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }
}
