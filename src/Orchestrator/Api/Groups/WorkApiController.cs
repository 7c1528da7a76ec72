using Microsoft.AspNetCore.Authorization;
using Itsm.Orchestrator.Security;
using Microsoft.AspNetCore.Mvc;

namespace Itsm.Orchestrator.Api.Groups;

/// <summary>
/// Doing the work: task inbox and completion, events, resume tokens and webhooks.
/// One authorization attribute here later covers the whole group (see <see cref="DesignApiController"/>).
/// </summary>
[ApiController]
[Authorize(Policy = ItsmPolicies.Work)]
public abstract class WorkApiController : ControllerBase;
