using Microsoft.AspNetCore.Authorization;
using Itsm.Orchestrator.Security;
using System.Globalization;
using System.Text;
using Itsm.Activities.Definitions;
using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Definitions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Itsm.Orchestrator.Api.WorkflowDefinitions;

/// <summary>
/// Export (a downloadable Elsa JSON file with <c>$schema</c>) and import (that file saved as a draft: an
/// import never publishes, even when the file says <c>isPublished: true</c>, as in Elsa).
/// </summary>
[Route(ElsaApi.Root + "/workflow-definitions")]
[Tags("Workflow definitions")]
public sealed partial class WorkflowDefinitionTransferController(
    IWorkflowDefinitionService definitions,
    ILogger<WorkflowDefinitionTransferController> logger) : DesignApiController
{
    public const string SchemaUrl = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json";

    [HttpGet("{definitionId}/export")]
    [HttpPost("{definitionId}/export")]
    [Produces("application/json")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Export(string definitionId, [FromQuery] string? versionOptions, CancellationToken cancellationToken)
    {
        // Studio sends a bare version number for a specific version; without one Elsa exports the latest.
        var options = VersionOptions.Latest;
        if (!string.IsNullOrWhiteSpace(versionOptions) && !VersionOptions.TryParse(versionOptions, out options))
            return this.FieldProblem("versionOptions", $"'{versionOptions}' is not a version option.");
        var record = await definitions.FindAsync(definitionId, options, cancellationToken).ConfigureAwait(false);
        if (record is null)
            return this.NotFoundProblem($"Workflow definition '{definitionId}' ({options}) does not exist.");

        var model = definitions.ToModel(record) with
        {
            Schema = SchemaUrl,
            Id = record.Id,
            DefinitionId = record.DefinitionId,
            Version = record.Version,
            CreatedAt = record.CreatedAt,
            IsLatest = record.IsLatest,
            IsPublished = record.IsPublished,
        };
        var bytes = Encoding.UTF8.GetBytes(ElsaJson.Serialize(model));
        return File(bytes, "application/json", FileName(record.Name, record.DefinitionId, record.Version));
    }

    [Authorize(Policy = ItsmPolicies.Design)]
    [HttpPost("import")]
    [HttpPut("import")]
    [HttpPost("{definitionId}/import")]
    [HttpPut("{definitionId}/import")]
    [ProducesResponseType(StatusCodes.Status201Created)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<LinkedWorkflowDefinitionModel>> Import(string? definitionId, [FromBody] WorkflowDefinitionModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        // An import is a whole definition: "{}" (or a file without its flowchart) would save an empty draft.
        if (model.Root is null)
            return this.FieldProblem("root", "An imported definition needs its root flowchart ('root').");
        if (!string.IsNullOrWhiteSpace(definitionId) && !string.IsNullOrWhiteSpace(model.DefinitionId)
            && !string.Equals(definitionId, model.DefinitionId, StringComparison.Ordinal))
            return this.FieldProblem("definitionId", $"The file is definition '{model.DefinitionId}', not '{definitionId}'.");

        var toSave = string.IsNullOrWhiteSpace(model.DefinitionId) && !string.IsNullOrWhiteSpace(definitionId)
            ? model with { DefinitionId = definitionId }
            : model;
        var isNew = string.IsNullOrWhiteSpace(toSave.DefinitionId);

        // $schema describes the file, not the definition.
        var result = await definitions.SaveAsync(toSave with { Schema = null }, publish: false, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded || result.Definition is null)
            return this.DefinitionRefused(result);

        var saved = result.Definition;
        LogImported(logger, saved.DefinitionId, saved.Version);
        var linked = LinkedWorkflowDefinitionModel.From(definitions.ToModel(saved), saved, User.CanDesign());
        return isNew
            ? CreatedAtAction(nameof(WorkflowDefinitionsController.GetByDefinitionId), "WorkflowDefinitions", new { definitionId = saved.DefinitionId }, linked)
            : Ok(linked);
    }

    /// <summary><c>&lt;name&gt;-v&lt;version&gt;.json</c>, the name reduced to a safe lower-case slug.</summary>
    internal static string FileName(string? name, string definitionId, int version)
    {
        var source = string.IsNullOrWhiteSpace(name) ? definitionId : name.Trim();
        var slug = new StringBuilder(source.Length);
        foreach (var c in source.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.')
                slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }
        var text = slug.ToString().Trim('-', '.');
        if (text.Length == 0) text = "workflow";
        return $"{text}-v{version.ToString(CultureInfo.InvariantCulture)}.json";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workflow definition {DefinitionId} imported as draft version {Version}")]
    private static partial void LogImported(ILogger logger, string definitionId, int version);
}
