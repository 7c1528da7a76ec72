namespace Itsm.Orchestrator.Api.WorkflowInstances;

/// <summary>Elsa's <c>WorkflowInstanceModel</c>: the instance row with its full state.</summary>
public sealed record WorkflowInstanceModel(
    string Id,
    string DefinitionId,
    string DefinitionVersionId,
    int Version,
    string? ParentWorkflowInstanceId,
    WorkflowStateModel WorkflowState,
    WorkflowStatus Status,
    WorkflowSubStatus SubStatus,
    bool IsExecuting,
    string? CorrelationId,
    string? Name,
    int IncidentCount,
    bool IsSystem,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt);
