using Itsm.Activities.Definitions;

namespace Itsm.Orchestrator.Api.WorkflowDefinitions;

/// <summary>
/// The answer to a save or publish. Studio needs <see cref="WorkflowDefinition"/> with its links, or its editor
/// turns read-only; Itsm has no consuming workflows to update, so that count is always 0.
/// </summary>
public sealed record SaveWorkflowDefinitionResponse(
    LinkedWorkflowDefinitionModel WorkflowDefinition,
    bool AlreadyPublished,
    int ConsumingWorkflowCount,
    IReadOnlyList<string> ValidationErrors)
{
    /// <summary>
    /// Itsm's addition to Elsa's shape: what publishing noticed but let through, each with the path at fault
    /// (e.g. a practice that contributes nothing to its node's chain activities). Empty on a plain save.
    /// </summary>
    public IReadOnlyList<DefinitionWarning> Warnings { get; init; } = [];
}
