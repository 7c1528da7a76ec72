using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Runtime;
using Microsoft.AspNetCore.Mvc;

namespace Itsm.Orchestrator.Api.WorkflowInstances;

/// <summary>One translation of the runtime's <see cref="CommandResult"/> for every cancel/retry route.</summary>
public static class CommandResults
{
    public static ActionResult<InstanceCommandResponse> ToActionResult(this ControllerBase controller, CommandResult result, string instanceId, string command)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            CommandOutcome.NotFound => controller.NotFoundProblem(result.Message ?? $"Workflow instance '{instanceId}' does not exist."),
            CommandOutcome.Conflict => controller.ConflictProblem(result.Message ?? $"Workflow instance '{instanceId}' cannot be {command} in its current state."),
            _ => controller.Ok(new InstanceCommandResponse(instanceId, result.State?.Status)),
        };
    }
}
