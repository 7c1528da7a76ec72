using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;

namespace Itsm.Orchestrator.Security;

/// <summary>Who may change definitions: the same rule as <see cref="ItsmPolicies.Design"/>, for shaping answers.</summary>
[SuppressMessage("Naming", "CA1711", Justification = "An authorization rule named in the domain's terms, not a code-access-security permission.")]
public static class DesignPermission
{
    public static bool CanDesign(this ClaimsPrincipal user)
        => ItsmPolicies.DesignRoles.Any(user.IsInRole);
}
