using Itsm.Orchestrator.Persistence;

namespace Itsm.Orchestrator.Api.WorkflowInstances;

/// <summary>A failed activity of an instance (Itsm's <c>/api/instances/{id}/faults</c>); resolved once retried past or cancelled.</summary>
public sealed record FaultModel(
    string Id,
    string InstanceId,
    string ActivityId,
    string ActivityType,
    string Message,
    string? ExceptionType,
    DateTimeOffset OccurredAt,
    DateTimeOffset? ResolvedAt)
{
    public static FaultModel From(FaultRecord fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return new(fault.Id, fault.InstanceId, fault.ActivityId, fault.ActivityType, fault.Message, fault.ExceptionType, fault.OccurredAt, fault.ResolvedAt);
    }
}
