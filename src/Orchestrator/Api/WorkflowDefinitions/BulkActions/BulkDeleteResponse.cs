namespace Itsm.Orchestrator.Api.WorkflowDefinitions.BulkActions;

/// <summary>
/// Elsa's bulk delete answer: <c>{deleted}</c>, the number of versions removed. Itsm adds, per requested id,
/// what was not deleted: <see cref="NotFound"/>, and <see cref="Refused"/> with the reason (instances that have
/// not ended still run on it).
/// </summary>
public sealed record BulkDeleteResponse(
    long Deleted,
    IReadOnlyList<string> NotFound,
    IReadOnlyDictionary<string, string> Refused);
