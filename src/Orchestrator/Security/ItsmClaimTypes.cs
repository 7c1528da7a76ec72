namespace Itsm.Orchestrator.Security;

/// <summary>Itsm's own claims (the name, id and roles use the standard <see cref="System.Security.Claims.ClaimTypes"/>).</summary>
public static class ItsmClaimTypes
{
    /// <summary>The name to show: a person's display name, or "System (API key …)".</summary>
    public const string DisplayName = "itsm:display-name";

    /// <summary><see cref="PrincipalKinds.User"/> or <see cref="PrincipalKinds.System"/>.</summary>
    public const string Kind = "itsm:kind";

    /// <summary>The account's last change (UTC ticks) when the cookie was issued: a newer row re-issues the principal.</summary>
    internal const string AccountStamp = "itsm:account-stamp";

    /// <summary>A fingerprint of the password hash: a changed password ends the other sessions.</summary>
    internal const string PasswordStamp = "itsm:password-stamp";

    /// <summary>The account's session stamp when the cookie was issued: sign-out, a new password or new roles replace it.</summary>
    internal const string SessionStamp = "itsm:session-stamp";
}
