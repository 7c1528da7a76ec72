using Microsoft.AspNetCore.Authorization;
using Itsm.Orchestrator.Security;
using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Itsm.Orchestrator.Api.WorkflowInstances;

/// <summary>
/// Itsm's own operator routes for an instance: its faults, retry (only a faulted instance) and cancel
/// (only one that has not finished). A command that does not apply is a 409 problem saying why.
/// </summary>
[Route(ElsaApi.ItsmRoot + "/instances/{id}")]
[Tags("Instances")]
public sealed partial class InstanceOperationsController(
    IWorkflowStore store,
    IWorkflowQueries queries,
    IWorkflowRuntime runtime,
    ILogger<InstanceOperationsController> logger) : OperateApiController
{
    /// <summary>The instance's faults, newest last; resolved ones are included unless <paramref name="includeResolved"/> is false.</summary>
    [HttpGet("faults")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ListResponse<FaultModel>>> Faults(string id, [FromQuery] bool includeResolved = true, CancellationToken cancellationToken = default)
    {
        var instance = await store.FindInstanceAsync(id, cancellationToken).ConfigureAwait(false);
        if (instance is null)
            return this.NotFoundProblem($"Instance '{id}' does not exist.");
        var faults = await queries.ListFaultsAsync(id, includeResolved, cancellationToken).ConfigureAwait(false);
        return new ListResponse<FaultModel>(faults.Select(FaultModel.From).ToList());
    }

    [Authorize(Policy = ItsmPolicies.Operate)]
    [HttpPost("retry")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<InstanceCommandResponse>> Retry(string id, CancellationToken cancellationToken)
    {
        var result = await runtime.RetryAsync(id, cancellationToken).ConfigureAwait(false);
        LogCommand(logger, "Retry", id, result.Outcome);
        return this.ToActionResult(result, id, "retried");
    }

    [Authorize(Policy = ItsmPolicies.Operate)]
    [HttpPost("cancel")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<InstanceCommandResponse>> Cancel(string id, CancellationToken cancellationToken)
    {
        var result = await runtime.CancelAsync(id, cancellationToken).ConfigureAwait(false);
        LogCommand(logger, "Cancel", id, result.Outcome);
        return this.ToActionResult(result, id, "cancelled");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Command} of instance {InstanceId}: {Outcome}")]
    private static partial void LogCommand(ILogger logger, string command, string instanceId, CommandOutcome outcome);
}
