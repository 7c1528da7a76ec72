namespace Itsm.Orchestrator.Api.Scripting;

/// <summary>
/// Elsa's body for the type-definitions route: which input of which activity the editor is open on. Itsm's
/// declarations are the same for every input of a definition, so the fields are accepted and not needed.
/// </summary>
public sealed record TypeDefinitionsRequest(string? WorkflowDefinitionId, string? ActivityTypeName, string? PropertyName);
