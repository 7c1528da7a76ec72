using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Persistence;

/// <summary>
/// One workflow instance as stored. <see cref="StateJson"/> is the engine's serialized execution state
/// (variables, join counters, pending work); the other columns are copies kept for indexed lists.
/// <see cref="Revision"/> is the concurrency token: every committed burst increments it.
/// </summary>
public sealed record InstanceRecord(
    string Id,
    string DefinitionId,
    string DefinitionVersionId,
    int Version,
    string? Name,
    InstanceStatus Status,
    string? CorrelationId,
    string? ParentInstanceId,
    int FaultCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt,
    long Revision,
    string StateJson);
