namespace Itsm.Orchestrator.Persistence.Entities;

/// <summary>Row of the Bookmarks table. Timestamps are UTC ticks (see <see cref="UtcTicks"/>).</summary>
internal sealed class BookmarkEntity
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityType { get; set; }
    public required string Kind { get; set; }
    public string? Key { get; set; }
    public string? CorrelationId { get; set; }
    public string? PayloadJson { get; set; }
    public long CreatedAt { get; set; }
    public long? ResumeAt { get; set; }
}
