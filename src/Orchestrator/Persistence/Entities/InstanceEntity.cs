using Itsm.Activities.Model;

namespace Itsm.Orchestrator.Persistence.Entities;

/// <summary>Row of the Instances table. Timestamps are UTC ticks (see <see cref="UtcTicks"/>).</summary>
internal sealed class InstanceEntity
{
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public required string DefinitionVersionId { get; set; }
    public int Version { get; set; }
    public string? Name { get; set; }
    public InstanceStatus Status { get; set; }
    public string? CorrelationId { get; set; }
    public string? ParentInstanceId { get; set; }
    public int FaultCount { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
    public long? FinishedAt { get; set; }
    public long Revision { get; set; }
    public required string StateJson { get; set; }
}
