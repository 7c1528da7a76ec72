namespace Itsm.Orchestrator.Security;

/// <summary>Who the caller is, as <c>GET /api/me</c> answers (a UI shows the name and hides what the roles forbid).</summary>
public sealed record CurrentPrincipalModel(string Name, string DisplayName, string Kind, IReadOnlyList<string> Roles);
