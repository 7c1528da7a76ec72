namespace Itsm.Orchestrator.Persistence.Entities;

/// <summary>
/// Row of the Tasks table: the human-task fields of a bookmark (<see cref="Itsm.Activities.Model.HumanTask"/>), keyed by
/// the bookmark's id and written and removed in the same commit as the bookmark. Timestamps are UTC ticks.
/// The writer's columns are declared in <c>Sqlite/TaskTable</c>: a new field goes there, here and in a migration.
/// </summary>
internal sealed class TaskEntity
{
    public required string BookmarkId { get; set; }
    public required string InstanceId { get; set; }
    public long CreatedAt { get; set; }
    public string? Role { get; set; }
    public string? Title { get; set; }
    public long? DueAt { get; set; }
    public int? Priority { get; set; }
}
