namespace Itsm.Orchestrator.Persistence.Entities;

/// <summary>
/// Row of the Records table (see <see cref="StoredRecord"/>). Timestamps are UTC ticks. Number, Status, Priority,
/// Title and SearchText are projected from the data on every write (<see cref="RecordProjection"/>), so lists filter on
/// indexed columns; InstanceId and ActivityId are empty for a change made by hand.
/// </summary>
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
    public string? Number { get; set; }
    public string? Status { get; set; }
    public string? Priority { get; set; }
    public string? Title { get; set; }
    public string? SearchText { get; set; }
}
