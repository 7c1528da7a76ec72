using Itsm.Activities.Definitions;
using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Definitions;
using Itsm.Orchestrator.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Itsm.Orchestrator.Api.WorkflowDefinitions.BulkActions;

/// <summary>
/// Elsa's bulk actions on definitions (the definition list's multi-select menu), at elsa-core's own paths.
/// Each item goes through the same service call as its single-item route, one after the other, so every rule
/// (publish validation, webhook route ownership, no delete while instances run) holds per item; an item that
/// fails is reported in the answer and does not stop the others.
/// </summary>
[Route(ElsaApi.Root + "/bulk-actions")]
[Tags("Workflow definitions")]
[Authorize(Policy = ItsmPolicies.Design)]
public sealed partial class WorkflowDefinitionBulkActionsController(
    IWorkflowDefinitionService definitions,
    ILogger<WorkflowDefinitionBulkActionsController> logger) : DesignApiController
{
    /// <summary>More ids than a person selects in a list; bounds the work one request may ask for.</summary>
    public const int MaxItems = 1000;

    [HttpPost("publish/workflow-definitions/by-definition-ids")]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<BulkPublishResponse>> Publish([FromBody] BulkDefinitionIdsRequest request, CancellationToken cancellationToken)
    {
        if (Validate(request?.DefinitionIds, "definitionIds", out var ids) is { } problem)
            return problem;

        List<string> published = [], alreadyPublished = [], notFound = [], failed = [];
        var warnings = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var errors = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var result = await definitions.PublishAsync(id, cancellationToken).ConfigureAwait(false);
            if (result is null)
                notFound.Add(id);
            else if (!result.Succeeded)
            {
                failed.Add(id);
                errors[id] = result.Errors.Select(DefinitionValidationProblem.Describe).ToList();
            }
            else if (result.AlreadyPublished)
                alreadyPublished.Add(id);
            else
            {
                published.Add(id);
                if (result.Warnings.Count > 0)
                    warnings[id] = result.Warnings.Select(warning => $"{warning.Path}: {warning.Message}").ToList();
            }
        }

        LogPublished(logger, published.Count, ids.Count);
        return new BulkPublishResponse(published, alreadyPublished, notFound, [], [], failed, warnings, errors);
    }

    [HttpPost("retract/workflow-definitions/by-definition-ids")]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<BulkRetractResponse>> Retract([FromBody] BulkDefinitionIdsRequest request, CancellationToken cancellationToken)
    {
        if (Validate(request?.DefinitionIds, "definitionIds", out var ids) is { } problem)
            return problem;

        List<string> retracted = [], alreadyRetracted = [], notFound = [];
        foreach (var id in ids)
        {
            if (await definitions.RetractAsync(id, cancellationToken).ConfigureAwait(false) is not null)
                retracted.Add(id);
            // The service answers null both for "unknown" and for "nothing published".
            else if (await definitions.FindAsync(id, VersionOptions.Latest, cancellationToken).ConfigureAwait(false) is null)
                notFound.Add(id);
            else
                alreadyRetracted.Add(id);
        }

        LogRetracted(logger, retracted.Count, ids.Count);
        return new BulkRetractResponse(retracted, alreadyRetracted, [], notFound);
    }

    [HttpPost("delete/workflow-definitions/by-definition-id")]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<BulkDeleteResponse>> DeleteByDefinitionId([FromBody] BulkDefinitionIdsRequest request, CancellationToken cancellationToken)
    {
        if (Validate(request?.DefinitionIds, "definitionIds", out var ids) is { } problem)
            return problem;
        return await DeleteEachAsync(ids, id => definitions.DeleteAsync(id, cancellationToken)).ConfigureAwait(false);
    }

    [HttpPost("delete/workflow-definitions/by-id")]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<BulkDeleteResponse>> DeleteByVersionId([FromBody] BulkVersionIdsRequest request, CancellationToken cancellationToken)
    {
        if (Validate(request?.Ids, "ids", out var ids) is { } problem)
            return problem;
        return await DeleteEachAsync(ids, id => definitions.DeleteVersionAsync(id, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<BulkDeleteResponse> DeleteEachAsync(IReadOnlyList<string> ids, Func<string, Task<DeleteDefinitionResult>> delete)
    {
        long deleted = 0;
        List<string> notFound = [];
        var refused = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var result = await delete(id).ConfigureAwait(false);
            if (result.UnfinishedInstances > 0)
                refused[id] = $"{result.UnfinishedInstances} instance(s) that have not ended run on it; cancel or finish them before deleting it.";
            else if (result.Removed == 0)
                notFound.Add(id);
            else
                deleted += result.Removed;
        }

        LogDeleted(logger, deleted, ids.Count);
        return new BulkDeleteResponse(deleted, notFound, refused);
    }

    /// <summary>The ids in request order without repeats; a 400 naming the field (or the item) at fault otherwise.</summary>
    private ActionResult? Validate(IReadOnlyList<string?>? requested, string field, out IReadOnlyList<string> ids)
    {
        ids = [];
        if (requested is null)
            return this.FieldProblem(field, "A list of ids is required.");
        if (requested.Count > MaxItems)
            return this.FieldProblem(field, $"At most {MaxItems} ids per request.");
        for (var i = 0; i < requested.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(requested[i]))
                return this.FieldProblem($"{field}[{i}]", "An id must not be empty.");
        }
        ids = requested.Select(id => id!).Distinct(StringComparer.Ordinal).ToList();
        return null;
    }


    [LoggerMessage(Level = LogLevel.Information, Message = "Bulk publish: {Published} of {Requested} workflow definitions published")]
    private static partial void LogPublished(ILogger logger, int published, int requested);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bulk retract: {Retracted} of {Requested} workflow definitions retracted")]
    private static partial void LogRetracted(ILogger logger, int retracted, int requested);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bulk delete: {Deleted} workflow definition versions deleted for {Requested} requested ids")]
    private static partial void LogDeleted(ILogger logger, long deleted, int requested);
}
