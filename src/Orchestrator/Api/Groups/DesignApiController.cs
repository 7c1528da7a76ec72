using Microsoft.AspNetCore.Authorization;
using Itsm.Orchestrator.Security;
using Microsoft.AspNetCore.Mvc;

namespace Itsm.Orchestrator.Api.Groups;

/// <summary>
/// Designing workflows: Elsa definitions, descriptors and features (what Elsa Studio's editor calls).
/// Every controller derives from one of three group bases so that one <c>[Authorize(Policy = …)]</c> on the
/// base secures its whole group (the attribute is inherited).
/// </summary>
[ApiController]
[Authorize(Policy = ItsmPolicies.Read)]
public abstract class DesignApiController : ControllerBase;
