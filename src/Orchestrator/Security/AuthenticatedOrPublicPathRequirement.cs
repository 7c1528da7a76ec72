using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Itsm.Orchestrator.Security;

/// <summary>
/// The fallback requirement: an authenticated caller, or a request for one of the <see cref="ItsmPaths.Public"/>
/// paths. It handles itself (the framework's pass-through handler runs it), so nothing else is registered.
/// </summary>
public sealed class AuthenticatedOrPublicPathRequirement
    : AuthorizationHandler<AuthenticatedOrPublicPathRequirement>, IAuthorizationRequirement
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AuthenticatedOrPublicPathRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identities.Any(identity => identity.IsAuthenticated)
            || (context.Resource is HttpContext http && ItsmPaths.IsPublic(http.Request.Path)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
