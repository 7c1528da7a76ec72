namespace Itsm.Orchestrator.Persistence.Entities;

/// <summary>Row of the Faults table. Timestamps are UTC ticks (see <see cref="UtcTicks"/>).</summary>
internal sealed class FaultEntity
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityType { get; set; }
    public required string Message { get; set; }
    public string? ExceptionType { get; set; }
    public long OccurredAt { get; set; }
    public long? ResolvedAt { get; set; }
}
