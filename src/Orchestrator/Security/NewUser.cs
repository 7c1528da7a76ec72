namespace Itsm.Orchestrator.Security;

/// <summary>An account to create; the values are already validated and the roles normalized (<see cref="UserRoles"/>).</summary>
public sealed record NewUser(string UserName, string DisplayName, string Password, IReadOnlyList<string> Roles);
