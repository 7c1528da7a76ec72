using Microsoft.AspNetCore.Authorization;
using Itsm.Orchestrator.Security;
using Itsm.Activities.Definitions;
using Itsm.Activities.Engine;
using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Definitions;
using Itsm.Orchestrator.Persistence;
using Itsm.Orchestrator.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Itsm.Orchestrator.Api.WorkflowInstances;

/// <summary>
/// Elsa's workflow-instance routes: the list (GET with a query, POST with a body, as Studio's list does),
/// one instance with its state, its variables, cancel and delete. Status is shown as Elsa's pair
/// (<see cref="ElsaWorkflowStatus"/>).
/// </summary>
[Route(ElsaApi.Root)]
[Tags("Workflow instances")]
public sealed partial class WorkflowInstancesController(
    IWorkflowStore store,
    IWorkflowQueries queries,
    IWorkflowRuntime runtime,
    IWorkflowDefinitionService definitions,
    ILogger<WorkflowInstancesController> logger) : OperateApiController
{
    [HttpGet("workflow-instances")]
    public Task<ActionResult<PagedListResponse<WorkflowInstanceSummaryModel>>> ListFromQuery([FromQuery] ListWorkflowInstancesRequest request, CancellationToken cancellationToken)
        => ListAsync(request, cancellationToken);

    [HttpPost("workflow-instances")]
    public Task<ActionResult<PagedListResponse<WorkflowInstanceSummaryModel>>> ListFromBody([FromBody] ListWorkflowInstancesRequest request, CancellationToken cancellationToken)
        => ListAsync(request, cancellationToken);

    [HttpGet("workflow-instances/{id}")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<WorkflowInstanceModel>> Get(string id, CancellationToken cancellationToken)
    {
        var record = await store.FindInstanceAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null)
            return this.NotFoundProblem($"Workflow instance '{id}' does not exist.");

        var state = WorkflowStateSerializer.Deserialize(record.StateJson);
        var faults = await queries.ListFaultsAsync(id, includeResolved: true, cancellationToken).ConfigureAwait(false);
        var nodes = await ActivityNodeMap.LoadAsync(definitions, record.DefinitionVersionId, cancellationToken).ConfigureAwait(false);
        var (status, subStatus) = ElsaWorkflowStatus.From(record.Status);
        return new WorkflowInstanceModel(record.Id, record.DefinitionId, record.DefinitionVersionId, record.Version, record.ParentInstanceId,
            WorkflowStateMapper.ToModel(state, nodes, faults, User.CanWork()), status, subStatus, IsExecuting: false, record.CorrelationId, record.Name,
            record.FaultCount, IsSystem: false, record.CreatedAt, record.UpdatedAt, record.FinishedAt);
    }

    /// <summary>The declared variables with their current values (by the definition's variable ids), then any others the instance holds.</summary>
    [HttpGet("workflow-instances/{id}/variables")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ListResponse<ResolvedVariableModel>>> Variables(string id, CancellationToken cancellationToken)
    {
        var record = await store.FindInstanceAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null)
            return this.NotFoundProblem($"Workflow instance '{id}' does not exist.");

        CompiledWorkflow? compiled;
        try
        {
            compiled = await definitions.GetCompiledAsync(record.DefinitionVersionId, cancellationToken).ConfigureAwait(false);
        }
        catch (WorkflowDefinitionException)
        {
            // The version no longer compiles: show the values under their names.
            compiled = null;
        }
        var state = WorkflowStateSerializer.Deserialize(record.StateJson, compiled);
        // Resume tokens (bookmark ids, e.g. in a callback URL) only for those who may do the work.
        var redactor = new Api.Bookmarks.BookmarkIdRedactor(User.CanWork() ? [] : state.Bookmarks.Select(bookmark => bookmark.Id));
        var items = new List<ResolvedVariableModel>(state.Variables.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variable in compiled?.Variables ?? [])
        {
            state.Variables.TryGetValue(variable.Name, out var value);
            items.Add(new ResolvedVariableModel(variable.Id ?? variable.Name, variable.Name, redactor.Redact(value)));
            seen.Add(variable.Name);
        }
        foreach (var (name, value) in state.Variables)
            if (seen.Add(name))
                items.Add(new ResolvedVariableModel(name, name, redactor.Redact(value)));
        return new ListResponse<ResolvedVariableModel>(items);
    }

    [Authorize(Policy = ItsmPolicies.Operate)]
    [HttpPost("workflow-instances/{id}/cancel")]
    [HttpPost("cancel/workflow-instances/{id}")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<InstanceCommandResponse>> Cancel(string id, CancellationToken cancellationToken)
    {
        var result = await runtime.CancelAsync(id, cancellationToken).ConfigureAwait(false);
        return this.ToActionResult(result, id, "cancelled");
    }

    [Authorize(Policy = ItsmPolicies.Operate)]
    [HttpDelete("workflow-instances/{id}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Delete(string id, CancellationToken cancellationToken)
    {
        if (!await store.DeleteInstanceAsync(id, cancellationToken).ConfigureAwait(false))
            return this.NotFoundProblem($"Workflow instance '{id}' does not exist.");
        LogDeleted(logger, id);
        return NoContent();
    }

    private async Task<ActionResult<PagedListResponse<WorkflowInstanceSummaryModel>>> ListAsync(ListWorkflowInstancesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (WorkflowInstanceLister.TryBuild(request, out var query, out var definitionIds) is { } error)
            return this.FieldProblem(error.Field, error.Message);
        // Itsm has no system workflows.
        if (request.IsSystem == true)
            return new PagedListResponse<WorkflowInstanceSummaryModel>([], 0);

        var page = await WorkflowInstanceLister.ListAsync(queries, query, definitionIds, cancellationToken).ConfigureAwait(false);
        return new PagedListResponse<WorkflowInstanceSummaryModel>(page.Items.Select(WorkflowInstanceSummaryModel.From).ToList(), page.TotalCount);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow instance {InstanceId} deleted")]
    private static partial void LogDeleted(ILogger logger, string instanceId);
}
