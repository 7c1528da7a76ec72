namespace Itsm.Orchestrator.Security;

/// <summary>Body of <c>PUT /api/users/{userName}</c>: members left out (null) keep their value.</summary>
public sealed record UpdateUserRequest(string? DisplayName, IReadOnlyList<string>? Roles, string? Password);
