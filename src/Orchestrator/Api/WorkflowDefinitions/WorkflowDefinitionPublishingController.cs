using Microsoft.AspNetCore.Authorization;
using Itsm.Orchestrator.Security;
using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Definitions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Itsm.Orchestrator.Api.WorkflowDefinitions;

/// <summary>
/// Publish and retract (the definition list's row menu and the editor's Unpublish). The editor's own Publish
/// button saves with <c>publish: true</c> instead. Both routes take no body; Studio sends <c>{}</c>.
/// </summary>
[Route(ElsaApi.Root + "/workflow-definitions/{definitionId}")]
[Tags("Workflow definitions")]
public sealed partial class WorkflowDefinitionPublishingController(
    IWorkflowDefinitionService definitions,
    ILogger<WorkflowDefinitionPublishingController> logger) : DesignApiController
{
    [Authorize(Policy = ItsmPolicies.Design)]
    [HttpPost("publish")]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<SaveWorkflowDefinitionResponse>> Publish(string definitionId, CancellationToken cancellationToken)
    {
        var result = await definitions.PublishAsync(definitionId, cancellationToken).ConfigureAwait(false);
        if (result is null)
            return this.NotFoundProblem($"Workflow definition '{definitionId}' does not exist.");
        if (!result.Succeeded || result.Definition is null)
            return this.DefinitionRefused(result);

        var published = result.Definition;
        LogPublished(logger, definitionId, published.Version, result.AlreadyPublished);
        return new SaveWorkflowDefinitionResponse(
            LinkedWorkflowDefinitionModel.From(definitions.ToModel(published), published, User.CanDesign()), result.AlreadyPublished, 0, []) { Warnings = result.Warnings };
    }

    /// <summary>Unpublishes; answers the bare definition with its links (not the save wrapper), as Elsa does.</summary>
    [Authorize(Policy = ItsmPolicies.Design)]
    [HttpPost("retract")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public async Task<ActionResult<LinkedWorkflowDefinitionModel>> Retract(string definitionId, CancellationToken cancellationToken)
    {
        var retracted = await definitions.RetractAsync(definitionId, cancellationToken).ConfigureAwait(false);
        if (retracted is null)
        {
            // The service answers null for both "unknown" and "nothing published": tell them apart for the client.
            var exists = await definitions.FindAsync(definitionId, VersionOptions.Latest, cancellationToken).ConfigureAwait(false);
            return exists is null
                ? this.NotFoundProblem($"Workflow definition '{definitionId}' does not exist.")
                : this.ConflictProblem($"Workflow definition '{definitionId}' has no published version to retract.");
        }

        LogRetracted(logger, definitionId, retracted.Version);
        return LinkedWorkflowDefinitionModel.From(definitions.ToModel(retracted), retracted, User.CanDesign());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow definition {DefinitionId} version {Version} published (already published: {AlreadyPublished})")]
    private static partial void LogPublished(ILogger logger, string definitionId, int version, bool alreadyPublished);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow definition {DefinitionId} version {Version} retracted")]
    private static partial void LogRetracted(ILogger logger, string definitionId, int version);
}
