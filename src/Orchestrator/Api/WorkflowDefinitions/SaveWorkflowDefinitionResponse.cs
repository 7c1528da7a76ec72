namespace Itsm.Orchestrator.Api.WorkflowDefinitions;

/// <summary>
/// The answer to a save or publish. Studio needs <see cref="WorkflowDefinition"/> with its links, or its editor
/// turns read-only; Itsm has no consuming workflows to update, so that count is always 0.
/// </summary>
public sealed record SaveWorkflowDefinitionResponse(
    LinkedWorkflowDefinitionModel WorkflowDefinition,
    bool AlreadyPublished,
    int ConsumingWorkflowCount,
    IReadOnlyList<string> ValidationErrors);
