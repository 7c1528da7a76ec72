using Microsoft.AspNetCore.Authorization;
using Itsm.Orchestrator.Security;
using System.Text.Json;
using Itsm.Activities.Model;
using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Api.WorkflowInstances;
using Itsm.Orchestrator.Definitions;
using Itsm.Orchestrator.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Api.WorkflowDefinitions;

/// <summary>
/// Studio's Run button: starts an instance and runs its first burst synchronously. Studio reads the instance
/// id only from the <c>x-elsa-workflow-instance-id</c> header and "cannot start" from
/// <c>x-elsa-workflow-cannot-start</c>; a run that faulted answers 500 with the same body, as Elsa does.
/// </summary>
[Route(ElsaApi.Root + "/workflow-definitions/{definitionId}/execute")]
[Tags("Workflow definitions")]
public sealed partial class WorkflowDefinitionExecutionController(
    IWorkflowRuntime runtime,
    IWorkflowDefinitionService definitions,
    IOptions<JsonOptions> jsonOptions,
    ILogger<WorkflowDefinitionExecutionController> logger) : DesignApiController
{
    public const string InstanceIdHeader = "x-elsa-workflow-instance-id";
    public const string CannotStartHeader = "x-elsa-workflow-cannot-start";

    /// <summary>Runs the definition; the body is optional and read only when it is JSON (as Elsa does).</summary>
    [Authorize(Policy = ItsmPolicies.Design)]
    [HttpPost]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(typeof(ExecuteWorkflowDefinitionResponse), StatusCodes.Status500InternalServerError)]
    public async Task<ActionResult<ExecuteWorkflowDefinitionResponse>> Post(string definitionId, CancellationToken cancellationToken)
    {
        ExecuteWorkflowDefinitionRequest? request = null;
        if (Request.HasJsonContentType())
        {
            using var reader = new StreamReader(Request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrWhiteSpace(body))
            {
                try
                {
                    request = JsonSerializer.Deserialize<ExecuteWorkflowDefinitionRequest>(body, jsonOptions.Value.JsonSerializerOptions);
                }
                catch (JsonException ex)
                {
                    return this.FieldProblem(string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path, "The request body is not a valid execute request.");
                }
            }
        }
        return await ExecuteAsync(definitionId, request ?? new ExecuteWorkflowDefinitionRequest(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the definition with the query's options; <c>input</c>, when given, is a JSON object.</summary>
    [Authorize(Policy = ItsmPolicies.Design)]
    [HttpGet]
    [ChangesState]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(typeof(ExecuteWorkflowDefinitionResponse), StatusCodes.Status500InternalServerError)]
    public async Task<ActionResult<ExecuteWorkflowDefinitionResponse>> Get(
        string definitionId,
        [FromQuery] string? correlationId,
        [FromQuery] string? triggerActivityId,
        [FromQuery] string? versionOptions,
        [FromQuery] string? input,
        CancellationToken cancellationToken)
    {
        JsonElement? inputJson = null;
        if (!string.IsNullOrWhiteSpace(input))
        {
            try
            {
                using var document = JsonDocument.Parse(input);
                inputJson = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return this.FieldProblem("input", "The input is not valid JSON.");
            }
        }
        var request = new ExecuteWorkflowDefinitionRequest
        {
            CorrelationId = correlationId,
            TriggerActivityId = triggerActivityId,
            VersionOptions = versionOptions,
            Input = inputJson,
        };
        return await ExecuteAsync(definitionId, request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ActionResult<ExecuteWorkflowDefinitionResponse>> ExecuteAsync(
        string definitionId, ExecuteWorkflowDefinitionRequest request, CancellationToken cancellationToken)
    {
        if (!VersionOptions.TryParse(request.VersionOptions, out var versionOptions))
            return this.FieldProblem("versionOptions", $"'{request.VersionOptions}' is not a version option.");
        if (!JsonInput.TryToDictionary(request.Input, out var input))
            return this.FieldProblem("input", "The input must be a JSON object (its properties are the workflow's inputs).");

        var result = await runtime.StartAsync(new StartRequest(definitionId)
        {
            VersionOptions = versionOptions,
            CorrelationId = string.IsNullOrWhiteSpace(request.CorrelationId) ? null : request.CorrelationId,
            Input = input,
            TriggerActivityId = string.IsNullOrWhiteSpace(request.TriggerActivityId) ? null : request.TriggerActivityId,
        }, cancellationToken).ConfigureAwait(false);

        switch (result.Outcome)
        {
            case StartOutcome.DefinitionNotFound:
                return this.NotFoundProblem(result.Message ?? $"Workflow definition '{definitionId}' has no {versionOptions} version.");
            case StartOutcome.InvalidDefinition:
                return Problem(result.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Workflow cannot run");
            case StartOutcome.InvalidTrigger:
                Response.Headers[CannotStartHeader] = "true";
                LogCannotStart(logger, definitionId, result.Message);
                return Ok(new ExecuteWorkflowDefinitionResponse(null, result.Message ?? "The workflow cannot start."));
        }

        if (result.State is not { } state)
            throw new InvalidOperationException($"The runtime started '{definitionId}' without returning its state.");

        Response.Headers[CannotStartHeader] = "false";
        Response.Headers[InstanceIdHeader] = state.InstanceId;
        var nodes = await ActivityNodeMap.LoadAsync(definitions, state.DefinitionVersionId, cancellationToken).ConfigureAwait(false);
        var body = new ExecuteWorkflowDefinitionResponse(WorkflowStateMapper.ToModel(state, nodes));
        LogExecuted(logger, definitionId, state.InstanceId, state.Status);
        return state.Status == InstanceStatus.Faulted
            ? StatusCode(StatusCodes.Status500InternalServerError, body)
            : Ok(body);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Executed workflow definition {DefinitionId} as instance {InstanceId}: {Status}")]
    private static partial void LogExecuted(ILogger logger, string definitionId, string instanceId, InstanceStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow definition {DefinitionId} cannot start: {Reason}")]
    private static partial void LogCannotStart(ILogger logger, string definitionId, string? reason);
}
