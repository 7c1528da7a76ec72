using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;

namespace Itsm.Orchestrator.Security;

/// <summary>
/// Who may do the work: the rule of <see cref="ItsmPolicies.Work"/> for shaping answers (a reader without it does
/// not see resume tokens), and the finer rule for completing one task.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "An authorization rule named in the domain's terms, not a code-access-security permission.")]
public static class WorkPermission
{
    /// <summary>Roles that may complete any task whatever its role: they run the process, not one queue.</summary>
    internal static readonly string[] SupervisorRoles = [ItsmRoles.Admin, ItsmRoles.Manager, ItsmRoles.ProcessOwner];

    public static bool CanWork(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return ItsmPolicies.WorkRoles.Any(user.IsInRole);
    }

    /// <summary>
    /// True when <paramref name="user"/> holds the task's role (ignoring case: workflows write roles in lower
    /// case, administrators may not) or is a supervisor. A task without a role is anyone's who may work.
    /// API keys hold manager and process-owner (<see cref="ItsmRoles.ForApiKeys"/>), so a system may complete
    /// any task: integrations (a monitoring tool closing its own triage task) are what keys are for.
    /// </summary>
    public static bool MayCompleteTask(this ClaimsPrincipal user, string? taskRole)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.CanWork())
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(taskRole) || SupervisorRoles.Any(user.IsInRole))
        {
            return true;
        }

        var wanted = taskRole.Trim();
        return user.FindAll(ClaimTypes.Role).Any(claim => string.Equals(claim.Value.Trim(), wanted, StringComparison.OrdinalIgnoreCase));
    }
}
