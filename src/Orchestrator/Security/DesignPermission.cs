using System.Security.Claims;

namespace Itsm.Orchestrator.Security;

/// <summary>Who may change definitions: the same rule as <see cref="ItsmPolicies.Design"/>, for shaping answers.</summary>
public static class DesignPermission
{
    public static bool CanDesign(this ClaimsPrincipal user)
        => ItsmPolicies.DesignRoles.Any(user.IsInRole);
}
