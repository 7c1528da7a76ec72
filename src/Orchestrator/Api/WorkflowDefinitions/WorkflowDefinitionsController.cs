using Microsoft.AspNetCore.Authorization;
using Itsm.Orchestrator.Security;
using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Definitions;
using Itsm.Orchestrator.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Itsm.Orchestrator.Api.WorkflowDefinitions;

/// <summary>
/// Elsa's workflow-definition routes that read, save and delete (publishing, transfer and execution have
/// their own controllers). Answers carry Elsa's links: Studio's editor is editable only with a publish link.
/// </summary>
[Route(ElsaApi.Root + "/workflow-definitions")]
[Tags("Workflow definitions")]
public sealed partial class WorkflowDefinitionsController(
    IWorkflowDefinitionService definitions,
    ILogger<WorkflowDefinitionsController> logger) : DesignApiController
{
    private const int MaxPageSize = 1000;

    [HttpGet]
    public async Task<ActionResult<WorkflowDefinitionListResponse>> List([FromQuery] ListWorkflowDefinitionsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!VersionOptions.TryParse(request.VersionOptions, out var versionOptions))
            return this.FieldProblem("versionOptions", $"'{request.VersionOptions}' is not a version option (Latest, Published, LatestOrPublished, Draft, AllVersions or a version number).");
        if (request.Page is < 0)
            return this.FieldProblem("page", "The page index starts at 0.");
        if (request.PageSize is < 1 or > MaxPageSize)
            return this.FieldProblem("pageSize", $"The page size must be between 1 and {MaxPageSize}.");
        if (Paging.CheckPage(request.Page, request.PageSize, MaxPageSize) is { } overflow)
            return this.FieldProblem(overflow.Field, overflow.Message);

        // Itsm has no system workflows: asking for them alone finds none.
        if (request.IsSystem == true)
            return new WorkflowDefinitionListResponse([], 0, WorkflowDefinitionLinks.ForList(User.CanDesign()));

        var query = new DefinitionQuery
        {
            Versions = ToSelector(versionOptions),
            SpecificVersion = versionOptions.Version,
            DefinitionIds = request.DefinitionIds is { Length: > 0 } ids ? ids : null,
            SearchTerm = string.IsNullOrWhiteSpace(request.SearchTerm) ? null : request.SearchTerm.Trim(),
            OrderBy = request.OrderBy switch
            {
                DefinitionOrderBy.Created => DefinitionOrder.CreatedAt,
                DefinitionOrderBy.Version => DefinitionOrder.Version,
                _ => DefinitionOrder.Name,
            },
            Descending = request.OrderDirection == OrderDirection.Descending,
            Page = request.Page ?? 0,
            // Elsa lists everything when no page size is given; the store caps a page anyway.
            PageSize = request.PageSize ?? MaxPageSize,
        };
        var page = await definitions.ListAsync(query, cancellationToken).ConfigureAwait(false);
        var canEdit = User.CanDesign();
        var items = page.Items.Select(record => WorkflowDefinitionSummaryModel.From(record, canEdit)).ToList();
        return new WorkflowDefinitionListResponse(items, page.TotalCount, WorkflowDefinitionLinks.ForList(User.CanDesign()));
    }

    [HttpGet("by-definition-id/{definitionId}")]
    [HttpGet("{definitionId}")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<LinkedWorkflowDefinitionModel>> GetByDefinitionId(string definitionId, [FromQuery] string? versionOptions, CancellationToken cancellationToken)
    {
        // Elsa reads a definition's latest version unless told otherwise (the editor asks for Latest).
        var options = VersionOptions.Latest;
        if (!string.IsNullOrWhiteSpace(versionOptions) && !VersionOptions.TryParse(versionOptions, out options))
            return this.FieldProblem("versionOptions", $"'{versionOptions}' is not a version option.");
        var record = await definitions.FindAsync(definitionId, options, cancellationToken).ConfigureAwait(false);
        return record is null
            ? this.NotFoundProblem($"Workflow definition '{definitionId}' ({options}) does not exist.")
            : LinkedWorkflowDefinitionModel.From(definitions.ToModel(record), record, User.CanDesign());
    }

    [HttpGet("by-id/{id}")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<LinkedWorkflowDefinitionModel>> GetById(string id, CancellationToken cancellationToken)
    {
        var record = await definitions.FindByVersionIdAsync(id, cancellationToken).ConfigureAwait(false);
        return record is null
            ? this.NotFoundProblem($"Workflow definition version '{id}' does not exist.")
            : LinkedWorkflowDefinitionModel.From(definitions.ToModel(record), record, User.CanDesign());
    }

    /// <summary>Saves the designer's model as the draft (a new version when the latest is published), publishing it when asked.</summary>
    [Authorize(Policy = ItsmPolicies.Design)]
    [HttpPost]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<SaveWorkflowDefinitionResponse>> Save([FromBody] SaveWorkflowDefinitionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Model is null)
            return this.FieldProblem("model", "The workflow definition model is required.");

        var publish = request.Publish ?? false;
        var result = await definitions.SaveAsync(request.Model, publish, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded || result.Definition is null)
        {
            LogRejected(logger, request.Model.DefinitionId, result.Errors.Count);
            return this.DefinitionRefused(result);
        }

        var saved = result.Definition;
        LogSaved(logger, saved.DefinitionId, saved.Version, saved.IsPublished);
        return new SaveWorkflowDefinitionResponse(
            LinkedWorkflowDefinitionModel.From(definitions.ToModel(saved), saved, User.CanDesign()), result.AlreadyPublished, 0, []) { Warnings = result.Warnings };
    }

    [Authorize(Policy = ItsmPolicies.Design)]
    [HttpDelete("{definitionId}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status409Conflict)]
    public async Task<IActionResult> Delete(string definitionId, CancellationToken cancellationToken)
    {
        var result = await definitions.DeleteAsync(definitionId, cancellationToken).ConfigureAwait(false);
        if (result.UnfinishedInstances > 0)
            return this.ConflictProblem($"Workflow definition '{definitionId}' has {result.UnfinishedInstances} instance(s) that have not ended; cancel or finish them before deleting it.");
        if (result.Removed == 0)
            return this.NotFoundProblem($"Workflow definition '{definitionId}' does not exist.");
        LogDeleted(logger, definitionId, result.Removed);
        return NoContent();
    }

    /// <summary>Whether no other definition has this name (Studio checks while the name is typed).</summary>
    [HttpGet("validation/is-name-unique")]
    public async Task<ActionResult<IsNameUniqueResponse>> IsNameUnique([FromQuery] string? name, [FromQuery] string? definitionId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
            return this.FieldProblem("name", "A name is required.");
        var trimmed = name.Trim();
        var page = await definitions.ListAsync(new DefinitionQuery
        {
            Versions = VersionSelector.Latest,
            SearchTerm = trimmed,
            PageSize = MaxPageSize,
        }, cancellationToken).ConfigureAwait(false);
        var taken = page.Items.Any(record =>
            string.Equals(record.Name.Trim(), trimmed, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(record.DefinitionId, definitionId, StringComparison.Ordinal));
        return new IsNameUniqueResponse(!taken);
    }

    private static VersionSelector ToSelector(VersionOptions options) => options.Kind switch
    {
        "Latest" => VersionSelector.Latest,
        "Published" => VersionSelector.Published,
        "LatestOrPublished" => VersionSelector.LatestOrPublished,
        "Draft" => VersionSelector.Draft,
        "AllVersions" => VersionSelector.AllVersions,
        "Specific" => VersionSelector.Specific,
        // Latest and published are at most two versions per definition: both are in "all versions"
        // narrowed to those flags, which the store does not offer; LatestOrPublished is the closest.
        _ => VersionSelector.LatestOrPublished,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow definition {DefinitionId} saved as version {Version} (published: {IsPublished})")]
    private static partial void LogSaved(ILogger logger, string definitionId, int version, bool isPublished);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow definition {DefinitionId} rejected with {ErrorCount} validation errors")]
    private static partial void LogRejected(ILogger logger, string? definitionId, int errorCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow definition {DefinitionId} deleted ({VersionCount} versions)")]
    private static partial void LogDeleted(ILogger logger, string definitionId, int versionCount);
}
