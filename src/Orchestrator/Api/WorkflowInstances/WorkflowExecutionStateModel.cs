namespace Itsm.Orchestrator.Api.WorkflowInstances;

/// <summary>Elsa's execution-state answer: what the instance viewer polls to know whether to reload a running instance.</summary>
public sealed record WorkflowExecutionStateModel(WorkflowStatus Status, WorkflowSubStatus SubStatus, DateTimeOffset UpdatedAt);
