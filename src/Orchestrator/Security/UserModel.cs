namespace Itsm.Orchestrator.Security;

/// <summary>An account as the API shows it (no id, no hash: the user name is the handle).</summary>
public sealed record UserModel(string UserName, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static UserModel From(UserAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(account.UserName, account.DisplayName, account.Roles, account.CreatedAt, account.UpdatedAt);
    }
}
