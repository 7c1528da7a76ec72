namespace Itsm.Orchestrator.Api.WorkflowDefinitions;

/// <summary>
/// Elsa's bulk-action paths for definitions (relative to the API root). Studio's API client calls these fixed
/// paths, not the links' hrefs, so they must match elsa-core's endpoints exactly.
/// </summary>
public static class BulkRoutes
{
    public const string DeleteByDefinitionId = "/bulk-actions/delete/workflow-definitions/by-definition-id";
    public const string DeleteById = "/bulk-actions/delete/workflow-definitions/by-id";
    public const string Publish = "/bulk-actions/publish/workflow-definitions/by-definition-ids";
    public const string Retract = "/bulk-actions/retract/workflow-definitions/by-definition-ids";
}
