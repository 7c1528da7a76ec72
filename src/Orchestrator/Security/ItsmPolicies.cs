using Microsoft.AspNetCore.Authorization;

namespace Itsm.Orchestrator.Security;

/// <summary>
/// Authorization policy names for <c>[Authorize(Policy = ItsmPolicies.X)]</c>. Endpoints without an attribute
/// fall under the fallback policy (authenticated, unless the path is public or the endpoint is anonymous).
/// </summary>
public static class ItsmPolicies
{
    /// <summary>Edit and publish definitions: admin, process-owner.</summary>
    public const string Design = "Design";

    /// <summary>Cancel, retry and delete instances: admin, manager, process-owner.</summary>
    public const string Operate = "Operate";

    /// <summary>Read anything: any authenticated principal.</summary>
    public const string Read = "Read";

    /// <summary>See and complete tasks, raise events: admin, agent, manager, process-owner.</summary>
    public const string Work = "Work";

    /// <summary>Manage accounts: admin.</summary>
    public const string Admin = "Admin";

    /// <summary>The roles behind <see cref="Design"/>, shared with <see cref="DesignPermission"/>.</summary>
    internal static readonly string[] DesignRoles = [ItsmRoles.Admin, ItsmRoles.ProcessOwner];

    /// <summary>The roles behind <see cref="Work"/>, shared with <see cref="WorkPermission"/>.</summary>
    internal static readonly string[] WorkRoles = [ItsmRoles.Admin, ItsmRoles.Agent, ItsmRoles.Manager, ItsmRoles.ProcessOwner];

    internal static void Register(AuthorizationOptions options)
    {
        options.AddPolicy(Design, policy => policy.RequireRole(DesignRoles));
        options.AddPolicy(Operate, policy => policy.RequireRole(ItsmRoles.Admin, ItsmRoles.Manager, ItsmRoles.ProcessOwner));
        options.AddPolicy(Read, policy => policy.RequireAuthenticatedUser());
        options.AddPolicy(Work, policy => policy.RequireRole(WorkRoles));
        options.AddPolicy(Admin, policy => policy.RequireRole(ItsmRoles.Admin));

        // Secure by default: a new endpoint without an attribute needs a signed-in caller. The public paths are
        // let through here rather than by attributes because their endpoints (health, OpenAPI, Scalar) are
        // mapped outside this folder.
        options.FallbackPolicy = new AuthorizationPolicyBuilder()
            .AddRequirements(new AuthenticatedOrPublicPathRequirement())
            .Build();
    }
}
