using Microsoft.AspNetCore.Authorization;
using Itsm.Orchestrator.Security;
using Microsoft.AspNetCore.Mvc;

namespace Itsm.Orchestrator.Api.Groups;

/// <summary>
/// Reading and operating instances: lists, state, journal, faults, cancel, retry, delete.
/// One authorization attribute here later covers the whole group (see <see cref="DesignApiController"/>).
/// </summary>
[ApiController]
[Authorize(Policy = ItsmPolicies.Read)]
public abstract class OperateApiController : ControllerBase;
