namespace Itsm.Orchestrator.Api.WorkflowDefinitions.BulkActions;

/// <summary>
/// Elsa's bulk retract answer. <see cref="NotPublished"/> is Elsa's older name of <see cref="AlreadyRetracted"/>,
/// still sent (same list) because older clients read it.
/// </summary>
public sealed record BulkRetractResponse(
    IReadOnlyList<string> Retracted,
    IReadOnlyList<string> AlreadyRetracted,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<string> NotFound)
{
    public IReadOnlyList<string> NotPublished => AlreadyRetracted;
}
