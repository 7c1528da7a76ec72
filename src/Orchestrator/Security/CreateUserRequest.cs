namespace Itsm.Orchestrator.Security;

/// <summary>Body of <c>POST /api/users</c>. Members are nullable so a missing one is a field problem, not a binding error.</summary>
public sealed record CreateUserRequest(string? UserName, string? DisplayName, string? Password, IReadOnlyList<string>? Roles);
