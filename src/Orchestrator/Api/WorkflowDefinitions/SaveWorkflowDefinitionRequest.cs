using Itsm.Activities.Definitions;

namespace Itsm.Orchestrator.Api.WorkflowDefinitions;

/// <summary>Elsa's <c>SaveWorkflowDefinitionRequest</c>: the designer's model and whether to publish it (null: no).</summary>
public sealed record SaveWorkflowDefinitionRequest(WorkflowDefinitionModel? Model, bool? Publish);
