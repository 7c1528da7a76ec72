using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Itsm.Orchestrator.Security;

/// <summary>The caller's own identity: any authenticated principal may ask.</summary>
[ApiController]
[Route("api/me")]
[Authorize(Policy = ItsmPolicies.Read)]
public sealed class MeController : ControllerBase
{
    [HttpGet]
    public CurrentPrincipalModel Get()
    {
        var name = User.Identity?.Name ?? "";
        return new CurrentPrincipalModel(
            name,
            User.FindFirstValue(ItsmClaimTypes.DisplayName) ?? name,
            User.FindFirstValue(ItsmClaimTypes.Kind) ?? PrincipalKinds.User,
            User.FindAll(ClaimTypes.Role).Select(claim => claim.Value).ToList());
    }
}
