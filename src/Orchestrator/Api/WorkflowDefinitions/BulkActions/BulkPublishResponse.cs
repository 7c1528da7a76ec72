namespace Itsm.Orchestrator.Api.WorkflowDefinitions.BulkActions;

/// <summary>
/// Elsa's bulk publish answer, one list per fate. Itsm has no read-only definitions (<see cref="Skipped"/> stays
/// empty) and no consuming workflows (<see cref="UpdatedConsumers"/> too). <see cref="Warnings"/> holds what
/// publishing let through, by definition id; <see cref="Errors"/> (Itsm's addition) says why each of
/// <see cref="Failed"/> was refused, each message prefixed with the path at fault.
/// </summary>
public sealed record BulkPublishResponse(
    IReadOnlyList<string> Published,
    IReadOnlyList<string> AlreadyPublished,
    IReadOnlyList<string> NotFound,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<string> UpdatedConsumers,
    IReadOnlyList<string> Failed,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Warnings,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Errors);
