namespace Itsm.Orchestrator.Security;

/// <summary>A person's account as the rest of Itsm sees it: never the password hash, only a fingerprint of it.</summary>
public sealed record UserAccount(
    string Id,
    string UserName,
    string DisplayName,
    IReadOnlyList<string> Roles,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string PasswordStamp,
    string SessionStamp = "")
{
    public bool IsAdmin => Roles.Contains(ItsmRoles.Admin, StringComparer.Ordinal);
}
