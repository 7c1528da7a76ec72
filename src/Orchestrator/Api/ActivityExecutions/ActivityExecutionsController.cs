using Itsm.Orchestrator.Api.Bookmarks;
using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Api.WorkflowInstances;
using Itsm.Orchestrator.Definitions;
using Itsm.Orchestrator.Persistence;
using Microsoft.AspNetCore.Http;
using Itsm.Orchestrator.Security;
using Microsoft.AspNetCore.Mvc;

namespace Itsm.Orchestrator.Api.ActivityExecutions;

/// <summary>
/// The routes Studio's instance viewer calls to colour nodes and show an activity's runs. Itsm keeps no
/// separate activity-execution store: every answer is folded from the instance's journal.
/// </summary>
[Route(ElsaApi.Root)]
[Tags("Workflow instances")]
public sealed class ActivityExecutionsController(IWorkflowStore store, IWorkflowQueries queries, IWorkflowDefinitionService definitions) : OperateApiController
{
    [HttpGet("activity-executions/list")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public Task<ActionResult<ListResponse<ActivityExecutionRecordModel>>> List(
        [FromQuery] string? workflowInstanceId, [FromQuery] string? activityNodeId, [FromQuery] bool? completed, CancellationToken cancellationToken)
        => ListAsync(workflowInstanceId, activityNodeId, completed, record => record, cancellationToken);

    [HttpGet("activity-execution-summaries/list")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public Task<ActionResult<ListResponse<ActivityExecutionSummaryModel>>> ListSummaries(
        [FromQuery] string? workflowInstanceId, [FromQuery] string? activityNodeId, [FromQuery] bool? completed, CancellationToken cancellationToken)
        => ListAsync(workflowInstanceId, activityNodeId, completed, ActivityExecutionSummaryModel.From, cancellationToken);

    /// <summary>The executions of an instance (narrowed to a node and completion state), in the shape asked for.</summary>
    private async Task<ActionResult<ListResponse<T>>> ListAsync<T>(
        string? workflowInstanceId, string? activityNodeId, bool? completed, Func<ActivityExecutionRecordModel, T> shape, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(workflowInstanceId))
            return this.FieldProblem("workflowInstanceId", "The workflow instance id is required.");
        var history = await LoadAsync(workflowInstanceId, cancellationToken).ConfigureAwait(false);
        if (history is null)
            return this.NotFoundProblem($"Workflow instance '{workflowInstanceId}' does not exist.");
        return new ListResponse<T>(Select(history.Value.Executions, activityNodeId, completed).Select(shape).ToList());
    }

    [HttpPost("activity-executions/report")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ActivityExecutionReportResponse>> Report([FromBody] ActivityExecutionReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.WorkflowInstanceId))
            return this.FieldProblem("workflowInstanceId", "The workflow instance id is required.");
        var history = await LoadAsync(request.WorkflowInstanceId, cancellationToken).ConfigureAwait(false);
        if (history is null)
            return this.NotFoundProblem($"Workflow instance '{request.WorkflowInstanceId}' does not exist.");
        var (executions, nodes) = history.Value;
        var nodeIds = request.ActivityNodeIds is { Length: > 0 } requested
            ? requested.Distinct(StringComparer.Ordinal)
            : executions.Select(execution => execution.ActivityNodeId).Distinct(StringComparer.Ordinal);
        return new ActivityExecutionReportResponse(nodeIds.Select(nodeId => ActivityExecutionHistory.Stats(nodeId, executions, nodes)).ToList());
    }

    [HttpGet("activity-executions/by-id")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public Task<ActionResult<ActivityExecutionRecordModel>> GetByQuery([FromQuery] string? id, CancellationToken cancellationToken)
        => GetAsync(id, cancellationToken);

    [HttpGet("activity-executions/{id}")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public Task<ActionResult<ActivityExecutionRecordModel>> Get(string id, CancellationToken cancellationToken)
        => GetAsync(id, cancellationToken);

    private async Task<ActionResult<ActivityExecutionRecordModel>> GetAsync(string? executionId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(executionId))
            return this.FieldProblem("id", "The activity execution id is required.");
        if (!JournalReader.TryParseExecutionId(executionId, out var instanceId, out _))
            return this.NotFoundProblem($"Activity execution '{executionId}' does not exist.");
        var history = await LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var execution = history?.Executions.FirstOrDefault(candidate => candidate.Id == executionId);
        return execution is null ? this.NotFoundProblem($"Activity execution '{executionId}' does not exist.") : execution;
    }

    private async Task<(IReadOnlyList<ActivityExecutionRecordModel> Executions, ActivityNodeMap Nodes)?> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instance = await store.FindInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (instance is null)
            return null;
        var nodes = await ActivityNodeMap.LoadAsync(definitions, instance.DefinitionVersionId, cancellationToken).ConfigureAwait(false);
        var journal = await JournalReader.ReadAllAsync(queries, instanceId, cancellationToken).ConfigureAwait(false);
        var faults = instance.FaultCount > 0
            ? await queries.ListFaultsAsync(instanceId, includeResolved: true, cancellationToken).ConfigureAwait(false)
            : [];
        var summary = new InstanceSummary(instance.Id, instance.DefinitionId, instance.DefinitionVersionId, instance.Version, instance.Name,
            instance.Status, instance.CorrelationId, instance.ParentInstanceId, instance.FaultCount, instance.CreatedAt, instance.UpdatedAt, instance.FinishedAt);
        var executions = ActivityExecutionHistory.Build(journal, nodes, summary, faults);
        if (!User.CanWork())
        {
            // A step's inputs and outputs can hold a callback URL (getResumeUrl): readers who may not do the work see
            // the open bookmarks' ids hidden, as in the instance's variables.
            var bookmarks = await store.ListBookmarksOfInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false);
            var redactor = new BookmarkIdRedactor(bookmarks.Select(bookmark => bookmark.Id));
            executions = executions.Select(execution => execution with
            {
                ActivityState = execution.ActivityState is { } inputs ? redactor.Redact(inputs) : null,
                Outputs = execution.Outputs is { } outputs ? redactor.Redact(outputs) : null,
            }).ToList();
        }
        return (executions, nodes);
    }

    private static IEnumerable<ActivityExecutionRecordModel> Select(IEnumerable<ActivityExecutionRecordModel> executions, string? activityNodeId, bool? completed)
        => executions.Where(execution =>
            (string.IsNullOrEmpty(activityNodeId) || execution.ActivityNodeId == activityNodeId)
            && (completed is null || (execution.CompletedAt is not null) == completed));
}
