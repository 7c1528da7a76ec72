using System.Text;
using Itsm.Orchestrator.Api.Common;
using Itsm.Orchestrator.Api.Errors;
using Itsm.Orchestrator.Api.Groups;
using Itsm.Orchestrator.Definitions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Itsm.Orchestrator.Api.Scripting;

/// <summary>
/// <c>POST scripting/javascript/type-definitions/{definitionId}</c>: the TypeScript declarations (a <c>.d.ts</c>
/// file, <c>application/x-typescript</c>, as elsa-core sends) Studio loads into Monaco when a JavaScript input opens,
/// for the latest version of the definition being edited.
/// </summary>
[Route(ElsaApi.Root + "/scripting/javascript")]
[Tags("Descriptors")]
public sealed class JavaScriptTypeDefinitionsController(IWorkflowDefinitionService definitions) : DesignApiController
{
    public const string ContentType = "application/x-typescript";

    [HttpPost("type-definitions/{definitionId}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> TypeDefinitions(
        string definitionId,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] TypeDefinitionsRequest? request,
        CancellationToken cancellationToken)
    {
        var record = await definitions.FindAsync(definitionId, VersionOptions.Latest, cancellationToken).ConfigureAwait(false);
        if (record is null)
            return this.NotFoundProblem($"Workflow definition '{definitionId}' does not exist.");
        var declarations = JavaScriptTypeDefinitions.Render(definitions.ToModel(record));
        return File(Encoding.UTF8.GetBytes(declarations), ContentType, JavaScriptTypeDefinitions.FileName(definitionId));
    }
}
