namespace Itsm.Orchestrator.Persistence.Entities;

/// <summary>Row of the Outbox table (see <see cref="OutboxRecord"/>). Timestamps are UTC ticks.</summary>
internal sealed class OutboxEntity
{
    public required string Id { get; set; }
    public required string Kind { get; set; }
    public string? InstanceId { get; set; }
    public required string PayloadJson { get; set; }
    public long CreatedAt { get; set; }
    public long AvailableAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
