using Itsm.Orchestrator.Api.WorkflowInstances;

namespace Itsm.Orchestrator.Api.WorkflowDefinitions;

/// <summary>Elsa's execute answer; <see cref="Message"/> (Itsm's addition) says why a workflow could not start.</summary>
public sealed record ExecuteWorkflowDefinitionResponse(WorkflowStateModel? WorkflowState, string? Message = null);
