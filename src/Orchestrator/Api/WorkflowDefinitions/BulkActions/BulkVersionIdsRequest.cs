namespace Itsm.Orchestrator.Api.WorkflowDefinitions.BulkActions;

/// <summary>The body of Elsa's bulk delete by version id: <c>{ids}</c>.</summary>
public sealed record BulkVersionIdsRequest(IReadOnlyList<string?>? Ids);
