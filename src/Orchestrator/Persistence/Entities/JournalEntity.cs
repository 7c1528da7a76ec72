namespace Itsm.Orchestrator.Persistence.Entities;

/// <summary>Row of the Journal table (append-only). Timestamps are UTC ticks (see <see cref="UtcTicks"/>).</summary>
internal sealed class JournalEntity
{
    public long Id { get; set; }
    public required string InstanceId { get; set; }
    public long Sequence { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityType { get; set; }
    public string? ActivityName { get; set; }
    public required string EventName { get; set; }
    public long StartedAt { get; set; }
    public long? CompletedAt { get; set; }
    public string? Outcome { get; set; }
    public string? Summary { get; set; }
    public string? Tags { get; set; }
    public string? Actor { get; set; }
    public string? Data { get; set; }
}
