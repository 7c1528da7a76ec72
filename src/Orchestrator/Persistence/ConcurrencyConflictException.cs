namespace Itsm.Orchestrator.Persistence;

/// <summary>Another writer committed the instance first; nothing of this unit of work was written.</summary>
public sealed class ConcurrencyConflictException(string instanceId)
    : Exception($"Instance '{instanceId}' was changed by another execution.")
{
    public string InstanceId { get; } = instanceId;
}
