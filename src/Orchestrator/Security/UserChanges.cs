namespace Itsm.Orchestrator.Security;

/// <summary>An update to an account; a null member is left as it is.</summary>
public sealed record UserChanges(string? DisplayName, IReadOnlyList<string>? Roles, string? Password);
