using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Api.WorkflowInstances;

/// <summary>Elsa's <c>WorkflowInstanceSummary</c>: one row of the instance list.</summary>
public sealed record WorkflowInstanceSummaryModel(
    string Id,
    string DefinitionId,
    string DefinitionVersionId,
    int Version,
    string? Name,
    string? CorrelationId,
    WorkflowStatus Status,
    WorkflowSubStatus SubStatus,
    int IncidentCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt)
{
    public static WorkflowInstanceSummaryModel From(InstanceSummary instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var (status, subStatus) = ElsaWorkflowStatus.From(instance.Status);
        return new(instance.Id, instance.DefinitionId, instance.DefinitionVersionId, instance.Version, instance.Name,
            instance.CorrelationId, status, subStatus, instance.FaultCount, instance.CreatedAt, instance.UpdatedAt, instance.FinishedAt);
    }
}
