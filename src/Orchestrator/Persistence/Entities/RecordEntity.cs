namespace Itsm.Orchestrator.Persistence.Entities;

/// <summary>Row of the Records table (see <see cref="StoredRecord"/>). Timestamps are UTC ticks.</summary>
internal sealed class RecordEntity
{
    public required string RecordType { get; set; }
    public required string RecordId { get; set; }
    public long Version { get; set; }
    public required string DataJson { get; set; }
    public required string InstanceId { get; set; }
    public required string ActivityId { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
}
