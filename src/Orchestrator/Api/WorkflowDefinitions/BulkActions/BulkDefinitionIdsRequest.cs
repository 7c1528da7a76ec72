namespace Itsm.Orchestrator.Api.WorkflowDefinitions.BulkActions;

/// <summary>The body of Elsa's bulk publish, retract and delete-by-definition-id: <c>{definitionIds}</c>.</summary>
public sealed record BulkDefinitionIdsRequest(IReadOnlyList<string?>? DefinitionIds);
