using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Itsm.Orchestrator.Api.WorkflowInstances;

/// <summary>
/// <c>GET workflow-instances/{id}/execution-state</c>: Studio's viewer polls it while an instance runs and
/// reloads the instance when <c>updatedAt</c> moves. Polled, so it stays one primary-key read of the instance
/// row; the execution state in that row is not parsed.
/// </summary>
[Route(ElsaApi.Root)]
[Tags("Workflow instances")]
public sealed class WorkflowInstanceExecutionStateController(IWorkflowStore store) : OperateApiController
{
    [HttpGet("workflow-instances/{id}/execution-state")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<WorkflowExecutionStateModel>> Get(string id, CancellationToken cancellationToken)
    {
        var record = await store.FindInstanceAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null)
            return this.NotFoundProblem($"Workflow instance '{id}' does not exist.");
        var (status, subStatus) = ElsaWorkflowStatus.From(record.Status);
        return new WorkflowExecutionStateModel(status, subStatus, record.UpdatedAt);
    }
}
