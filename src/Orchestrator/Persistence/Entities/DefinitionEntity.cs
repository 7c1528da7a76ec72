namespace Itsm.Orchestrator.Persistence.Entities;

/// <summary>Row of the Definitions table: one version. Timestamps are UTC ticks (see <see cref="UtcTicks"/>).</summary>
internal sealed class DefinitionEntity
{
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public int Version { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public bool IsLatest { get; set; }
    public bool IsPublished { get; set; }
    public long CreatedAt { get; set; }
    public required string ModelJson { get; set; }
}
