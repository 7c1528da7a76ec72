using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Persistence;

/// <summary>An instance row without its execution state: what lists and dashboards read.</summary>
public sealed record InstanceSummary(
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
    DateTimeOffset? FinishedAt);
